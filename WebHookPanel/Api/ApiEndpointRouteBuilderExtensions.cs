namespace WebHookPanel.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapPanelApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapWebHookApi();
        endpoints.MapSecretApi();
        endpoints.MapReviewApi();
        endpoints.MapEventApi();
        endpoints.MapDeliveryApi();
        endpoints.MapAuditApi();

        return endpoints;
    }
}
