using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Review;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.WebHooks;

public sealed partial class WebHookList
{
    private MudTable<WebHookSummary>? _table;
    private string? _search;
    private TriggerType? _trigger;
    private WebHookStatus? _status;
    private bool _isAdmin;
    private ReviewState? _review;

    [Inject]
    public required WebHookStore Store { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync() => _isAdmin = await IsAdminAsync();

    private async Task<TableData<WebHookSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = new WebHookQuery(_search, _trigger, _status, state.Page + 1, state.PageSize, _review);
        var page = await Store.ListAsync(query, cancellationToken);

        return new TableData<WebHookSummary> { Items = page.Items, TotalItems = page.Total };
    }

    private Task OnSearchChanged(string? search)
    {
        _search = search;

        return ReloadFromFirstPageAsync();
    }

    private Task OnTriggerChanged(TriggerType? trigger)
    {
        _trigger = trigger;

        return ReloadFromFirstPageAsync();
    }

    private Task OnStatusChanged(WebHookStatus? status)
    {
        _status = status;

        return ReloadFromFirstPageAsync();
    }

    private Task OnReviewChanged(ReviewState? review)
    {
        _review = review;

        return ReloadFromFirstPageAsync();
    }

    private Task ReloadFromFirstPageAsync()
    {
        if (_table is null)
        {
            return Task.CompletedTask;
        }

        // A new filter starts again on its first page; NavigateTo reloads the server data itself.
        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(0);

            return Task.CompletedTask;
        }

        return _table.ReloadServerData();
    }

    /// <summary>
    /// Deletes after asking; refused unless the user is an admin when the click arrives, whatever the page showed
    /// (a role can change while the page is open).
    /// </summary>
    internal async Task DeleteAsync(WebHookSummary hook)
    {
        if (!await IsAdminAsync())
        {
            Snackbar.Add("Only an admin can delete webhooks.", Severity.Error);

            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete webhook",
            $"Delete \"{hook.Name}\"? It stops firing at once; its delivery history is kept.",
            yesText: "Delete",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var actor = (await AuthenticationState).User;
        var deleted = await Store.DeleteAsync(hook.Id, actor, CancellationToken.None);
        Snackbar.Add(
            deleted ? $"Deleted \"{hook.Name}\"." : $"\"{hook.Name}\" was already deleted.",
            deleted ? Severity.Success : Severity.Info);
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task<bool> IsAdminAsync() => (await AuthenticationState).User.IsAdmin();
}
