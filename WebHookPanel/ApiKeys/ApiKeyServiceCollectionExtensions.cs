using Microsoft.Extensions.DependencyInjection.Extensions;
using WebHookPanel.Audit;
using WebHookPanel.Validation;

namespace WebHookPanel.ApiKeys;

public static class ApiKeyServiceCollectionExtensions
{
    /// <summary>
    /// Managed API keys. Call after <c>AddPanelData</c>: hosted services start in the order they were added, and
    /// the bootstrap key is written into the migrated schema.
    /// </summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditTrail>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<NewApiKeyValidator>();
        services.AddSingleton<ApiKeyCommands>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiKeyUsage>());
        services.AddHostedService<BootstrapApiKey>();

        return services;
    }
}
