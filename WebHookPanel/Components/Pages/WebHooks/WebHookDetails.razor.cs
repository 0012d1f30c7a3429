using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Components.Deliveries;
using WebHookPanel.Dispatching;
using WebHookPanel.Review;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.WebHooks;

/// <summary>
/// One hook: its summary, actions and delivery log. The log follows the dispatcher live: each commit of the
/// writer signals <see cref="DeliveryNotifier"/>, and the page reads the hook and the current page of deliveries
/// again, at most a few times a second however fast the signals come.
/// </summary>
public sealed partial class WebHookDetails : IDisposable
{
    /// <summary>The shortest gap between two live refreshes; signals in between are merged into the next one.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    // Short enough that the log's columns fit beside the drawer; the full time is in the cell's title.
    private const string TimeFormat = "MM-dd HH:mm:ss";

    private readonly CancellationTokenSource _disposed = new();
    private MudTable<DeliveryView>? _table;
    private WebHookSummary? _hook;
    private WebHookReview? _review;
    private bool _canReview;
    private IDisposable? _subscription;
    private int? _subscribedId;
    private long _lastRefresh;
    private int _refreshQueued;
    private bool _notFound;
    private bool _isAdmin;

    [Inject]
    public required WebHookStore Store { get; init; }

    [Inject]
    public required DeliveryCommands Commands { get; init; }

    [Inject]
    public required DeliveryNotifier Notifier { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Parameter]
    public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _isAdmin = await IsAdminAsync();
        _canReview = _isAdmin;
        await LoadHookAsync();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only an interactive circuit can show a change; a prerender would hold a subscription nobody disposes.
        // The same page may be navigated to another hook, whose signals it then needs instead.
        if (RendererInfo.IsInteractive && _subscribedId != Id)
        {
            _subscription?.Dispose();
            _subscription = Notifier.Subscribe(Id, OnDeliveriesChanged);
            _subscribedId = Id;
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private static string InForce(WebHookSummary hook) => hook.ActiveVersion switch
    {
        null => "no version in force",
        var active when active == hook.Version => "in force",
        var active => $"v{active} in force",
    };

    private static string NextAttempt(DeliveryView delivery) =>
        delivery.Status is DeliveryStatus.Pending or DeliveryStatus.InFlight
            ? delivery.NextAttemptAt.ToString(TimeFormat)
            : "—";

    private async Task LoadHookAsync()
    {
        _hook = await Store.FindSummaryAsync(Id, _disposed.Token);
        _review = _hook is null ? null : await Store.FindReviewAsync(Id, _disposed.Token);
        _notFound = _hook is null;
    }

    private async Task<TableData<DeliveryView>> LoadDeliveriesAsync(TableState state, CancellationToken ct)
    {
        var page = await Commands.ListAsync(Id, null, state.Page + 1, DeliveryCommands.PageSize, ct);

        return new TableData<DeliveryView> { Items = page?.Items ?? [], TotalItems = page?.Total ?? 0 };
    }

    // Called on the dispatcher's writer thread: queue one refresh and return at once.
    private void OnDeliveriesChanged()
    {
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 0)
        {
            _ = InvokeAsync(RefreshLiveAsync);
        }
    }

    private async Task RefreshLiveAsync()
    {
        try
        {
            var wait = RefreshInterval - TimeProvider.GetElapsedTime(_lastRefresh);
            if (_lastRefresh != 0 && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, TimeProvider, _disposed.Token);
            }

            // Signals from here on queue another refresh: they may describe rows this one reads too early.
            Volatile.Write(ref _refreshQueued, 0);
            _lastRefresh = TimeProvider.GetTimestamp();
            await RefreshAsync();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page closed while it waited.
        }
        catch (ObjectDisposedException)
        {
            // The page closed between the signal and the refresh.
        }
    }

    private async Task RefreshAsync()
    {
        await LoadHookAsync();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }

        StateHasChanged();
    }

    internal async Task PauseAsync()
    {
        if (!await IsAdminAsync())
        {
            Snackbar.Add("Only an admin can pause webhooks.", Severity.Error);

            return;
        }

        var paused = await Commands.PauseAsync(Id, (await AuthenticationState).User, CancellationToken.None);
        Snackbar.Add(
            paused ? "Paused: new deliveries are held until you resume." : "Only an active webhook can be paused.",
            paused ? Severity.Success : Severity.Warning);
        await RefreshAsync();
    }

    internal async Task ResumeAsync()
    {
        if (!await IsAdminAsync())
        {
            Snackbar.Add("Only an admin can resume webhooks.", Severity.Error);

            return;
        }

        var resumed = await Commands.ResumeAsync(Id, (await AuthenticationState).User, CancellationToken.None);
        Snackbar.Add(
            resumed switch
            {
                ResumeOutcome.Resumed => "Resumed: held deliveries are sent now.",
                ResumeOutcome.NothingInForce => "No version is in force yet: approve one first.",
                _ => "This webhook no longer exists.",
            },
            resumed == ResumeOutcome.Resumed ? Severity.Success : Severity.Warning);
        await RefreshAsync();
    }

    internal async Task ReplayDeadAsync()
    {
        if (!await IsAdminAsync())
        {
            Snackbar.Add("Only an admin can replay deliveries.", Severity.Error);

            return;
        }

        var replayed = await Commands.ReplayDeadAsync(Id, CancellationToken.None);
        Snackbar.Add(
            replayed switch
            {
                null => "This webhook no longer exists.",
                0 => "No dead deliveries to replay.",
                1 => "Replaying 1 dead delivery.",
                var n => $"Replaying {n} dead deliveries.",
            },
            replayed > 0 ? Severity.Success : Severity.Info);
        await RefreshAsync();
    }

    internal async Task ReplayAsync(DeliveryView delivery)
    {
        if (!await IsAdminAsync())
        {
            Snackbar.Add("Only an admin can replay deliveries.", Severity.Error);

            return;
        }

        var result = await Commands.ReplayAsync(delivery.Id, CancellationToken.None);
        Snackbar.Add(
            result switch
            {
                ReplayResult.Replayed => $"Replaying delivery {delivery.Id}.",
                ReplayResult.NotFinished => $"Delivery {delivery.Id} is still being sent.",
                ReplayResult.Held => $"Delivery {delivery.Id} is held: resume the webhook to send it.",
                _ => $"Delivery {delivery.Id} no longer exists, or its webhook was deleted.",
            },
            result == ReplayResult.Replayed ? Severity.Success : Severity.Info);
        await RefreshAsync();
    }

    private async Task OpenAttemptsAsync(DeliveryView delivery)
    {
        var parameters = new DialogParameters<AttemptsDialog> { { d => d.Delivery, delivery } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true };
        await Dialogs.ShowAsync<AttemptsDialog>($"Delivery {delivery.Id}", parameters, options);
    }

    /// <summary>Tests what the dispatcher sends: the version in force, or a never approved hook's latest.</summary>
    internal async Task OpenTestSendAsync()
    {
        if (!await IsAdminAsync())
        {
            Snackbar.Add("Only an admin can send test requests.", Severity.Error);

            return;
        }

        var version = _hook?.ActiveVersion ?? _hook?.Version;
        var hook = version is { } number ? await Store.FindVersionAsync(Id, number, CancellationToken.None) : null;
        if (hook is null)
        {
            Snackbar.Add("This webhook no longer exists.", Severity.Warning);

            return;
        }

        var parameters = new DialogParameters<TestSendDialog>
        {
            { d => d.WebHookId, Id },
            { d => d.Hook, SecretMask.Apply(hook) },
            { d => d.Version, version },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true };
        await Dialogs.ShowAsync<TestSendDialog>("Test send", parameters, options);
    }

    // Asked again at every action: the page may have been opened under a role the user no longer has.
    private async Task<bool> IsAdminAsync() => (await AuthenticationState).User.IsAdmin();
}
