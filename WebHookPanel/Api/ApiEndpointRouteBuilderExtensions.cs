namespace WebHookPanel.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapPanelApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapWebHookApi();
        endpoints.MapReviewApi();
        endpoints.MapEventApi();
        endpoints.MapDeliveryApi();

        return endpoints;
    }
}
