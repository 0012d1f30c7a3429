using WebHookPanel.Audit;
using WebHookPanel.Catalog;
using WebHookPanel.Requests;
using WebHookPanel.Review;
using WebHookPanel.Secrets;
using WebHookPanel.Validation;

namespace WebHookPanel.WebHooks;

public static class WebHookServiceCollectionExtensions
{
    public static IServiceCollection AddWebHooks(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<WebHookStore>();
        services.AddSingleton<IWebHookNameCheck>(provider => provider.GetRequiredService<WebHookStore>());
        services.AddSingleton<WebHookDefinitionValidator>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<WebHookCommands>();
        services.AddSingleton<RequestBuilder>();
        services.AddSingleton<CurlFormatter>();
        services.AddSingleton<AttributeCatalog>();
        services.AddSingleton<AuditTrail>();
        services.AddSecrets();
        services.AddSingleton<WebHookAudit>();

        return services;
    }
}
