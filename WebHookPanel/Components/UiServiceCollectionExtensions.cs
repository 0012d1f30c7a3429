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

        // Pages and component actions ask the signed-in user's role through the cascading authentication state.
        services.AddCascadingAuthenticationState();

        return services;
    }
}
