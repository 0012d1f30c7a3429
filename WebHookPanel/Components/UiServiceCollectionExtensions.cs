using MudBlazor.Services;

namespace WebHookPanel.Components;

public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddPanelUi(this IServiceCollection services)
    {
        services.AddMudServices();

        return services;
    }
}
