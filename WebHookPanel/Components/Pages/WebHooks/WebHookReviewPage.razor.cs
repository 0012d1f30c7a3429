using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Components.Deliveries;
using WebHookPanel.Requests;
using WebHookPanel.Review;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.WebHooks;

/// <summary>
/// An admin's review of the version that waits: what changed against the version in force, a test send of the
/// new version, and approval or rejection with a comment. The decision is checked again on the server, so a page
/// left open by someone who lost the admin role decides nothing.
/// </summary>
public sealed partial class WebHookReviewPage
{
    private const string CommentField = "Comment";

    private ReviewMaterial? _material;
    private string _curl = "";
    private string? _comment;
    private FormErrors _errors = FormErrors.None;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _canReview;
    private bool _deciding;
    private bool _notFound;

    [Inject]
    public required ReviewStore Reviews { get; init; }

    [Inject]
    public required WebHookCommands Commands { get; init; }

    [Inject]
    public required CurlFormatter Curl { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Parameter]
    public int Id { get; set; }

    protected override async Task OnInitializedAsync() =>
        _canReview = (await AuthenticationState).User.IsAdmin();

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _material = await Reviews.FindAsync(Id, CancellationToken.None);
        _notFound = _material is null;

        // A reviewer sees that a secret is set, never its value: the review is about what changed.
        _curl = _material is null ? "" : Curl.FormatTemplate(_material.Latest, revealSecrets: false);
    }

    private Task ApproveAsync() => DecideAsync(reject: false);

    private Task RejectAsync() => DecideAsync(reject: true);

    private async Task DecideAsync(bool reject)
    {
        if (_material?.Review.PendingVersion is not { } version || _deciding)
        {
            return;
        }

        _deciding = true;
        try
        {
            var actor = (await AuthenticationState).User;
            var result = reject
                ? await Commands.RejectAsync(Id, version, _comment, actor, CancellationToken.None)
                : await Commands.ApproveAsync(Id, version, _comment, actor, CancellationToken.None);
            _errors = result.Errors;
            if (!result.Succeeded)
            {
                Say(result.Message ?? "The decision was not recorded.", Severity.Error);
                if (result.Kind == ReviewResultKind.NotPending)
                {
                    await LoadAsync();
                }

                return;
            }

            _comment = null;
            Say(
                reject
                    ? $"Version {version} rejected: its author sees your comment on the webhook page."
                    : $"Version {version} approved: it is in force now.",
                Severity.Success);
            await LoadAsync();
        }
        finally
        {
            _deciding = false;
        }
    }

    private async Task OpenTestSendAsync()
    {
        if (_material?.Review.PendingVersion is not { } version)
        {
            return;
        }

        var parameters = new DialogParameters<TestSendDialog>
        {
            { d => d.WebHookId, Id },
            { d => d.Hook, _material.Latest },
            { d => d.Version, version },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true };
        await Dialogs.ShowAsync<TestSendDialog>($"Test send version {version}", parameters, options);
    }

    // On the page rather than in a snackbar: the outcome stays in view beside what was decided.
    private void Say(string message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }
}
