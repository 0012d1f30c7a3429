using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebHookPanel.Data;

namespace WebHookPanel.Signing;

public static class SigningServiceCollectionExtensions
{
    public static IServiceCollection AddSigning(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("WebHookPanel");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyFolderSetup>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningKeyStore>();
        services.TryAddSingleton<RequestSigner>();

        return services;
    }

    /// <summary>
    /// Keeps the Data Protection keys in a folder beside the database, so that a restart (or a copy of the
    /// database with its folder) still decrypts the secrets. Read lazily, so that test hosts can move the database.
    /// </summary>
    private sealed class KeyFolderSetup(IServiceProvider provider) : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions options)
        {
            var configuration = provider.GetService<IConfiguration>();
            var environment = provider.GetService<IHostEnvironment>();
            var connectionString =
                configuration?.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName);
            var database = string.IsNullOrWhiteSpace(connectionString)
                ? environment is null ? null : Path.Combine(environment.ContentRootPath, "webhookpanel.db")
                : new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (string.IsNullOrWhiteSpace(database) || database.Contains(":memory:", StringComparison.Ordinal))
            {
                return;
            }

            var folder = new DirectoryInfo(Path.GetFullPath(database) + ".keys");
            options.XmlRepository = new FileSystemXmlRepository(
                folder,
                provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        }
    }
}
