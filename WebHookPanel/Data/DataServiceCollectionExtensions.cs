using Microsoft.EntityFrameworkCore;

namespace WebHookPanel.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Panel";

    public static IServiceCollection AddPanelData(this IServiceCollection services)
    {
        services.AddSingleton<SqlitePragmaInterceptor>();

        // Configuration is read when the first context is made, so that test hosts can point it elsewhere.
        services.AddDbContextFactory<PanelDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var file = Path.Combine(environment.ContentRootPath, "webhookpanel.db");
                connectionString = $"Data Source={file}";
            }

            options.UseSqlite(connectionString)
                .AddInterceptors(provider.GetRequiredService<SqlitePragmaInterceptor>());
        });
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<WalCheckpointer>());

        return services;
    }
}
