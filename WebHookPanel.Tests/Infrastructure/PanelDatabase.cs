using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using WebHookPanel.Accounts;
using WebHookPanel.Audit;
using WebHookPanel.Catalog;
using WebHookPanel.Data;
using WebHookPanel.Requests;
using WebHookPanel.Review;
using WebHookPanel.Secrets;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// The panel's data services on a migrated temp SQLite file, registered by the app's own extension methods so
/// that component tests and benchmarks run against the same context options, pragmas and store as the panel.
/// </summary>
public sealed class PanelDatabase : IAsyncDisposable
{
    private readonly TempDatabase _file;
    private readonly ServiceProvider _services;

    private PanelDatabase(TempDatabase file, ServiceProvider services)
    {
        _file = file;
        _services = services;
    }

    public string ConnectionString => _file.ConnectionString;

    public string FilePath => _file.FilePath;

    public IDbContextFactory<PanelDbContext> ContextFactory =>
        _services.GetRequiredService<IDbContextFactory<PanelDbContext>>();

    public WebHookStore Store => _services.GetRequiredService<WebHookStore>();

    public TimeProvider TimeProvider => _services.GetRequiredService<TimeProvider>();

    public UserCommands UserCommands => _services.GetRequiredService<UserCommands>();

    public WebHookCommands Commands => _services.GetRequiredService<WebHookCommands>();

    public UserDirectory UserDirectory => _services.GetRequiredService<UserDirectory>();

    public static async Task<PanelDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var file = new TempDatabase();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = file.ConnectionString,
            })
            .Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(Program).Assembly.GetName().Name!,
            ContentRootPath = Path.GetTempPath(),
        };

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(environment)
            .AddPanelData()
            .AddPanelAccounts()
            .AddWebHooks()
            .AddSigning()
            .BuildServiceProvider(validateScopes: true);

        // Only the migrator and the roles, not every hosted service: workers must not start in component tests.
        var migrator = ActivatorUtilities.CreateInstance<DatabaseMigrator>(services);
        await migrator.StartAsync(cancellationToken);
        await ActivatorUtilities.CreateInstance<AccountSeeder>(services).StartAsync(cancellationToken);

        return new PanelDatabase(file, services);
    }

    /// <summary>
    /// Registers this database's factory, store, clock and the hook services built on them in another container,
    /// e.g. bUnit's. The secret services come along, so that both containers encrypt with the same key ring.
    /// </summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(ContextFactory);
        services.AddSingleton(Store);
        services.AddSingleton(TimeProvider);
        services.AddSingleton(_services.GetRequiredService<WebHookCommands>());
        services.AddSingleton(_services.GetRequiredService<ReviewStore>());
        services.AddSingleton(_services.GetRequiredService<WebHookAudit>());
        services.AddSingleton(_services.GetRequiredService<RequestBuilder>());
        services.AddSingleton(_services.GetRequiredService<CurlFormatter>());
        services.AddSingleton(_services.GetRequiredService<AttributeCatalog>());
        services.AddSingleton(UserCommands);
        services.AddSingleton(UserDirectory);
        services.AddSingleton(_services.GetRequiredService<IDataProtectionProvider>());
        services.AddSingleton(_services.GetRequiredService<AuditTrail>());
        services.AddSingleton(_services.GetRequiredService<HeaderSecretProtector>());
        services.AddSingleton(_services.GetRequiredService<DefinitionSecrets>());
        services.AddSingleton(_services.GetRequiredService<SigningKeyStore>());
        services.AddSingleton(_services.GetRequiredService<RequestSigner>());
        services.AddSingleton(_services.GetRequiredService<SecretAccess>());
        services.AddSingleton(_services.GetRequiredService<WalCheckpointer>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _file.Dispose();
    }
}
