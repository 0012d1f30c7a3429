using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Secrets;
using WebHookPanel.Signing;

namespace WebHookPanel.Components.Pages.WebHooks;

/// <summary>
/// Reveal and rotation go through <see cref="SecretAccess"/>, which asks the user's rights again on the server and
/// records each in the audit log; the buttons are only shown to those who have the rights.
/// </summary>
public sealed partial class SigningSecretPanel
{
    private const string Masked = SigningSecret.Prefix + SecretMask.Value;

    private string? _secret;
    private bool _canReveal;
    private bool _canRotate;

    [Inject]
    public required SecretAccess Access { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public int WebHookId { get; set; }

    private string RevealIcon =>
        _secret is null ? Icons.Material.Filled.Visibility : Icons.Material.Filled.VisibilityOff;

    protected override async Task OnParametersSetAsync()
    {
        var user = await UserAsync();
        _canReveal = user.CanRevealSecrets();
        _canRotate = user.IsAdmin();
    }

    private async Task ToggleRevealAsync()
    {
        if (_secret is not null)
        {
            _secret = null;

            return;
        }

        var revealed = await Access.RevealSigningSecretAsync(await UserAsync(), WebHookId, CancellationToken.None);
        _secret = revealed.Value;
        Report(revealed.Result, null);
    }

    private async Task RotateAsync()
    {
        var result = await Access.RotateSigningSecretAsync(await UserAsync(), WebHookId, CancellationToken.None);
        if (result == SecretAccessResult.Done)
        {
            _secret = null;
        }

        Report(result, "A new secret signs from now on; the previous one keeps signing for 24 hours.");
    }

    private void Report(SecretAccessResult result, string? done)
    {
        var (message, severity) = result switch
        {
            SecretAccessResult.Refused => ("Only admins may reveal or rotate secrets.", Severity.Error),
            SecretAccessResult.NotFound => ("This webhook does not exist any more.", Severity.Warning),
            SecretAccessResult.Unreadable => (SecretAccess.UnreadableMessage, Severity.Error),
            _ => (done, Severity.Success),
        };
        if (message is not null)
        {
            Snackbar.Add(message, severity);
        }
    }

    private async Task<ClaimsPrincipal> UserAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
}
