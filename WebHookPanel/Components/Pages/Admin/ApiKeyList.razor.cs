using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.ApiKeys;

namespace WebHookPanel.Components.Pages.Admin;

/// <summary>The managed API keys: list, create (the key shown once) and revoke, for admins only.</summary>
public sealed partial class ApiKeyList
{
    private IReadOnlyList<ApiKeySummary>? _keys;
    private DateTimeOffset _now;

    [Inject]
    public required ApiKeyStore Store { get; init; }

    [Inject]
    public required ApiKeyCommands Commands { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task LoadAsync()
    {
        _now = TimeProvider.GetUtcNow();
        _keys = await Store.ListAsync(CancellationToken.None);
    }

    private async Task CreateAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<NewApiKeyDialog>("Create API key", options);
        if (await dialog.Result is not { Canceled: false, Data: ApiKeyCreation { Name: { } name, Key: { } key } })
        {
            return;
        }

        await LoadAsync();
        var parameters = new DialogParameters<ApiKeyCreatedDialog>
        {
            { d => d.Name, name },
            { d => d.Key, key },
        };

        // The key exists only in this dialog: a click outside or Escape must not lose it unseen.
        var shown = new DialogOptions
        {
            MaxWidth = MaxWidth.Small,
            FullWidth = true,
            BackdropClick = false,
            CloseOnEscapeKey = false,
        };
        await Dialogs.ShowAsync<ApiKeyCreatedDialog>("API key created", parameters, shown);
    }

    private async Task RevokeAsync(ApiKeySummary apiKey)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke API key",
            $"Revoke \"{apiKey.Name}\"? Calls with it are refused at once; this cannot be undone.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var actor = (await AuthenticationState).User;
        var outcome = await Commands.RevokeAsync(actor, apiKey.Id, CancellationToken.None);
        var (message, severity) = outcome switch
        {
            ApiKeyRevocation.Revoked => ($"Revoked \"{apiKey.Name}\".", Severity.Success),
            ApiKeyRevocation.AlreadyRevoked => ($"\"{apiKey.Name}\" was already revoked.", Severity.Info),
            ApiKeyRevocation.NotFound => ($"\"{apiKey.Name}\" no longer exists.", Severity.Info),
            _ => (ApiKeyCommands.RefusalMessage, Severity.Error),
        };
        Snackbar.Add(message, severity);
        await LoadAsync();
    }
}
