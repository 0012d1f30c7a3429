using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebHookPanel.Data;

namespace WebHookPanel.Secrets;

/// <summary>
/// Keeps the Data Protection keys in a folder beside the database, so that a restart (or a copy of the
/// database with its folder) still decrypts the secrets. Read lazily, so that test hosts can move the database.
/// </summary>
internal sealed class DataProtectionKeyFolder(IServiceProvider provider) : IConfigureOptions<KeyManagementOptions>
{
    public const string Suffix = ".keys";

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

        var folder = new DirectoryInfo(Path.GetFullPath(database) + Suffix);
        options.XmlRepository = new FileSystemXmlRepository(
            folder,
            provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
    }
}
