using Microsoft.AspNetCore.Authentication;

namespace WebHookPanel.Api;

public static class ApiServiceCollectionExtensions
{
    public const string WebHooksAdminPolicy = "WebHooksAdmin";

    public const string EventsWritePolicy = "EventsWrite";

    public static IServiceCollection AddPanelApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(WebHooksAdminPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireClaim(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.WebHooksAdminScope))
            .AddPolicy(EventsWritePolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireClaim(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.EventsWriteScope));
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddSchemaTransformer<EnumSchemaTransformer>());
        services.ConfigureHttpJsonOptions(options => PanelJson.Apply(options.SerializerOptions));

        return services;
    }
}
