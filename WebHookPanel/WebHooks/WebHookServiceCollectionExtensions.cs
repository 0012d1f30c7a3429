namespace WebHookPanel.WebHooks;

public static class WebHookServiceCollectionExtensions
{
    public static IServiceCollection AddWebHooks(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<WebHookStore>();

        return services;
    }
}
