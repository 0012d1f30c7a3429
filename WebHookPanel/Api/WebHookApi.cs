namespace WebHookPanel.Api;

public static class WebHookApi
{
    public static IEndpointRouteBuilder MapWebHookApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
