using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using WebHookPanel.Audit;
using WebHookPanel.Catalog;
using WebHookPanel.Data;
using WebHookPanel.Requests;
using WebHookPanel.Review;
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

    public IDbContextFactory<PanelDbContext> ContextFactory =>
        _services.GetRequiredService<IDbContextFactory<PanelDbContext>>();

    public WebHookStore Store => _services.GetRequiredService<WebHookStore>();

    public TimeProvider TimeProvider => _services.GetRequiredService<TimeProvider>();

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
            .AddWebHooks()
            .BuildServiceProvider(validateScopes: true);

        // Only the migrator, not every hosted service: later hosted workers must not start in component tests.
        var migrator = ActivatorUtilities.CreateInstance<DatabaseMigrator>(services);
        await migrator.StartAsync(cancellationToken);

        return new PanelDatabase(file, services);
    }

    /// <summary>
    /// Registers this database's factory, store, clock and the hook services built on them in another container,
    /// e.g. bUnit's.
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
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _file.Dispose();
    }
}
