using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebHookPanel.Audit;
using WebHookPanel.Signing;

namespace WebHookPanel.Secrets;

public static class SecretServiceCollectionExtensions
{
    /// <summary>
    /// Data Protection with its keys beside the database, and the services that keep secret header values and
    /// signing secrets encrypted. Registered with TryAdd, so that hosts may bring instances of their own.
    /// </summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("WebHookPanel");
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IConfigureOptions<KeyManagementOptions>, DataProtectionKeyFolder>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<HeaderSecretProtector>();
        services.TryAddSingleton<DefinitionSecrets>();
        services.TryAddSingleton<SigningKeyStore>();
        services.TryAddSingleton<SecretAccess>();
        services.AddHostedService<HeaderSecretBackfill>();

        return services;
    }
}
