using Microsoft.Extensions.DependencyInjection.Extensions;
using WebHookPanel.Secrets;

namespace WebHookPanel.Signing;

public static class SigningServiceCollectionExtensions
{
    public static IServiceCollection AddSigning(this IServiceCollection services)
    {
        // The signing secrets are kept with the other secrets, under the same persisted key ring.
        services.AddSecrets();
        services.TryAddSingleton<RequestSigner>();

        return services;
    }
}
