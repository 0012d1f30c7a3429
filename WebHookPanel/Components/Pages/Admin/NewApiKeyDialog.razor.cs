using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.ApiKeys;
using WebHookPanel.Validation;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.Admin;

/// <summary>
/// Asks for a key's name, scopes and expiry and creates it; closes with the <see cref="ApiKeyCreation"/>, whose key
/// the list shows once.
/// </summary>
public sealed partial class NewApiKeyDialog
{
    private DateTime _today;
    private string _name = "";
    private bool _eventsWrite;
    private bool _webHooksAdmin;
    private DateTime? _expiresOn;
    private FormErrors _errors = FormErrors.None;
    private bool _submitted;
    private bool _saving;
    private string? _refusal;

    [Inject]
    public required ApiKeyCommands Commands { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    private NewApiKey Request => new()
    {
        Name = _name,
        Scopes = (_eventsWrite ? ApiKeyScopes.EventsWrite : ApiKeyScopes.None)
            | (_webHooksAdmin ? ApiKeyScopes.WebHooksAdmin : ApiKeyScopes.None),

        // A date means the whole of that day, in UTC like every time the panel shows.
        ExpiresAt = _expiresOn is { } day ? UtcDay.End(day) : null,
    };

    protected override void OnInitialized() => _today = TimeProvider.GetUtcNow().UtcDateTime.Date;

    private void OnNameChanged(string? name)
    {
        _name = name ?? "";
        Recheck();
    }

    private void OnEventsWriteChanged(bool on)
    {
        _eventsWrite = on;
        Recheck();
    }

    private void OnWebHooksAdminChanged(bool on)
    {
        _webHooksAdmin = on;
        Recheck();
    }

    private void OnExpiresOnChanged(DateTime? day)
    {
        _expiresOn = day;
        Recheck();
    }

    // Messages appear once the admin has tried to create, then follow every change.
    private void Recheck()
    {
        if (_submitted)
        {
            _errors = Commands.Check(Request);
        }
    }

    private async Task CreateAsync()
    {
        _submitted = true;
        _saving = true;
        try
        {
            var actor = (await AuthenticationState).User;
            var result = await Commands.CreateAsync(actor, Request, CancellationToken.None);
            _errors = result.Errors;
            _refusal = result.Refusal;
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result));
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
