using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.WebHookForm;

/// <summary>
/// A secret header value in the wizard. A stored value reaches the wizard only as the mask, shown as an empty field
/// that reads "unchanged" and that saving keeps; typing replaces it, and clearing the field again goes back to
/// "unchanged". Admins may reveal the stored value (audited, shown under the field) or what they typed.
/// </summary>
public sealed partial class SecretValueField
{
    private static readonly Dictionary<string, object?> InputAttributes = new()
    {
        // Browsers would otherwise offer a saved login password for the field.
        ["autocomplete"] = "new-password",
    };

    private bool _touched;
    private bool _startedKept;
    private bool _shown;
    private bool _canReveal;
    private string? _revealed;

    [Inject]
    public required SecretAccess Access { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public required FieldRow Row { get; set; }

    /// <summary>The row's number as people count, for the reveal button's label.</summary>
    [Parameter, EditorRequired]
    public int Number { get; set; }

    /// <summary>The saved hook being edited; null while creating one.</summary>
    [Parameter]
    public int? WebHookId { get; set; }

    [Parameter]
    public string? Message { get; set; }

    [Parameter]
    public bool ShowAllErrors { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private bool IsKept => SecretMask.IsMask(Row.Value);

    private string Typed => IsKept ? "" : Row.Value;

    private bool ShowError => _touched || ShowAllErrors;

    private string Helper => IsKept ? "Encrypted; type to replace" : "Stored encrypted";

    private string RevealIcon => _shown || _revealed is not null
        ? Icons.Material.Filled.VisibilityOff
        : Icons.Material.Filled.Visibility;

    protected override async Task OnInitializedAsync()
    {
        _startedKept = IsKept;
        var user = await UserAsync();
        _canReveal = user.CanRevealSecrets();
    }

    private Task SetAsync(string? value)
    {
        _touched = true;

        // An emptied field that held a stored value keeps that value, as it did before anything was typed.
        Row.Value = string.IsNullOrEmpty(value) && _startedKept ? SecretMask.Value : value ?? "";
        if (!IsKept)
        {
            _revealed = null;
        }

        return OnChanged.InvokeAsync();
    }

    private async Task ToggleRevealAsync()
    {
        if (_shown || _revealed is not null)
        {
            _shown = false;
            _revealed = null;

            return;
        }

        if (!IsKept)
        {
            _shown = true;

            return;
        }

        if (WebHookId is not { } id)
        {
            return;
        }

        var revealed = await Access.RevealHeaderAsync(await UserAsync(), id, Row.Key, CancellationToken.None);
        switch (revealed.Result)
        {
            case SecretAccessResult.Done:
                _revealed = revealed.Value;
                break;
            case SecretAccessResult.Refused:
                Snackbar.Add("Only admins may reveal secrets.", Severity.Error);
                break;
            case SecretAccessResult.Unreadable:
                Snackbar.Add(SecretAccess.UnreadableMessage, Severity.Error);
                break;
            default:
                Snackbar.Add($"Header '{Row.Key}' has no stored secret; was it renamed?", Severity.Warning);
                break;
        }
    }

    private async Task<ClaimsPrincipal> UserAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
}
