using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.WebHooks;

/// <summary>
/// Reads the rows masked: the page never holds a secret until an admin asks for one, and each reveal goes through
/// <see cref="SecretAccess"/>, which checks the rights again and records it in the audit log.
/// </summary>
public sealed partial class HookHeadersPanel
{
    private readonly Dictionary<int, string> _revealed = [];
    private List<FieldRow> _rows = [];
    private bool _canReveal;

    [Inject]
    public required WebHookStore Store { get; init; }

    [Inject]
    public required SecretAccess Access { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public int WebHookId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var hook = SecretMask.Apply(await Store.FindAsync(WebHookId, CancellationToken.None));
        _rows = hook?.Headers ?? [];
        _revealed.Clear();
        _canReveal = (await UserAsync()).CanRevealSecrets();
    }

    private string RevealIcon(int index) =>
        _revealed.ContainsKey(index) ? Icons.Material.Filled.VisibilityOff : Icons.Material.Filled.Visibility;

    private async Task ToggleAsync(int index)
    {
        if (_revealed.Remove(index))
        {
            return;
        }

        var key = _rows[index].Key;
        var revealed = await Access.RevealHeaderAsync(await UserAsync(), WebHookId, key, CancellationToken.None);
        switch (revealed.Result)
        {
            case SecretAccessResult.Done:
                _revealed[index] = revealed.Value!;
                break;
            case SecretAccessResult.Refused:
                Snackbar.Add("Only admins may reveal secrets.", Severity.Error);
                break;
            case SecretAccessResult.Unreadable:
                Snackbar.Add(SecretAccess.UnreadableMessage, Severity.Error);
                break;
            default:
                Snackbar.Add($"Header '{key}' has no stored secret any more; reload the page.", Severity.Warning);
                break;
        }
    }

    private async Task<ClaimsPrincipal> UserAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
}
