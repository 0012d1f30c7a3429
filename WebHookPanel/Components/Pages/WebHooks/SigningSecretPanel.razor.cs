using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebHookPanel.Signing;

namespace WebHookPanel.Components.Pages.WebHooks;

public sealed partial class SigningSecretPanel
{
    private const string Masked = SigningSecret.Prefix + "••••••";

    private string? _secret;

    [Inject]
    public required SigningKeyStore Keys { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Parameter, EditorRequired]
    public int WebHookId { get; set; }

    private string RevealIcon =>
        _secret is null ? Icons.Material.Filled.Visibility : Icons.Material.Filled.VisibilityOff;

    private async Task ToggleRevealAsync() =>
        _secret = _secret is null ? await Keys.CurrentAsync(WebHookId, CancellationToken.None) : null;

    private async Task RotateAsync()
    {
        await Keys.RotateAsync(WebHookId, CancellationToken.None);
        _secret = null;

        Snackbar.Add("A new secret signs from now on; the previous one keeps signing for 24 hours.", Severity.Success);
    }
}
