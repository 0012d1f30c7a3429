using MudBlazor;
using MudBlazor.Services;

namespace WebHookPanel.Components;

public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddPanelUi(this IServiceCollection services)
    {
        services.AddMudServices(options =>
        {
            // Bottom right keeps messages off the page's own buttons, which sit top right.
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
        });

        return services;
    }
}
