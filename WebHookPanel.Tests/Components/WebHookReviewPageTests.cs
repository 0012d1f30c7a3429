using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Review;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

public sealed class WebHookReviewPageTests : PanelTestContext
{
    private const string Secret = "in-force-secret";
    private const string NewSecret = "proposed-secret";

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_PendingChangeOfLiveHook_ListsChangedRowsAgainstVersionInForceWithoutSecrets()
    {
        var database = await UseDatabaseAsync();
        var id = await LiveWithPendingChangeAsync(database, "https://crm.example.com");

        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=diff-row]")));
        var rows = page.FindAll("[data-testid=diff-row]");
        Assert.Equal(["URI", "Header X-Api-Key"], rows.Select(r => r.GetAttribute("data-field")));
        Assert.Contains("(changed)", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("version 1", page.Find("[data-testid=review-against]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(NewSecret, page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=approve]"));
    }

    [Theory]
    [InlineData("https://attacker.example.net/v2", true)]
    [InlineData("http://crm.example.com/v2", true)]
    [InlineData("https://crm.example.com/v2", false)]
    public async Task Render_ChangeKeepsAStoredSecret_WarnsOnlyWhenTheHostChanges(string uri, bool warns)
    {
        var database = await UseDatabaseAsync();
        var id = await database.Store.CreateAsync(Hook("/v1", Secret), TestActors.Admin, null, Cancellation);
        var outcome = await database.Store.ReviseAsync(id, Hook(uri, Secret), TestActors.Marketer, null, null,
            Cancellation);
        Assert.Equal(ReviseOutcome.SavedForReview, outcome);

        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=diff-row]")));
        var warnings = page.FindAll("[data-testid=review-secret-destination]");
        Assert.Equal(warns, warnings.Count == 1);
        if (warns)
        {
            var destination = uri[..uri.IndexOf("/v2", StringComparison.Ordinal)];
            Assert.Contains($"stored secret X-Api-Key of the version in force to {destination} instead of "
                + "https://crm.example.com", warnings[0].TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Render_ChangeTypesANewSecretForTheNewHost_DoesNotWarn()
    {
        var database = await UseDatabaseAsync();
        var id = await database.Store.CreateAsync(Hook("/v1", Secret), TestActors.Admin, null, Cancellation);
        var outcome = await database.Store.ReviseAsync(id, Hook("https://new.example.net/v2", NewSecret),
            TestActors.Marketer, null, null, Cancellation);
        Assert.Equal(ReviseOutcome.SavedForReview, outcome);

        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=diff-row]")));
        Assert.Empty(page.FindAll("[data-testid=review-secret-destination]"));
    }

    [Fact]
    public async Task Approve_MarketersFirstVersion_PutsItInForceAndTheStatusTurnsActive()
    {
        var database = await UseDatabaseAsync();
        var id = await database.Store.CreateAsync(Hook("/v1", Secret), TestActors.Marketer, null, Cancellation);
        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Contains(
            "Pending review",
            page.Find("[data-testid=hook-status]").TextContent,
            StringComparison.Ordinal));
        Assert.All(
            page.FindAll("[data-testid=diff-row]"),
            r => Assert.Equal(nameof(ChangeKind.Added), r.GetAttribute("data-kind")));

        page.Find("[data-testid=approve]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=nothing-pending]")));
        Assert.Equal("Active", page.Find("[data-testid=hook-status]").TextContent.Trim());
        Assert.Contains("approved", page.Find("[data-testid=review-message]").TextContent, StringComparison.Ordinal);
        var hook = await database.Store.FindAsync(id, Cancellation);
        Assert.Equal(1, hook!.ActiveVersion);
        Assert.Equal(WebHookStatus.Active, hook.Status);
    }

    [Fact]
    public async Task Reject_WithoutComment_ShowsTheMessageUnderTheCommentAndKeepsItPending()
    {
        var database = await UseDatabaseAsync();
        var id = await LiveWithPendingChangeAsync(database, "https://crm.example.com");
        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=reject]")));

        page.Find("[data-testid=reject]").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "a rejection needs a comment",
            page.Find("[data-testid=review-comment]").TextContent,
            StringComparison.Ordinal));
        var review = await database.Store.FindReviewAsync(id, Cancellation);
        Assert.Equal(ReviewState.Pending, review!.State);
    }

    [Fact]
    public async Task Reject_WithComment_KeepsTheVersionInForceAndTheHookPageShowsTheComment()
    {
        var database = await UseDispatchingAsync();
        var id = await LiveWithPendingChangeAsync(database, "https://crm.example.com");
        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=reject]")));

        page.Find("[data-testid=review-comment] textarea").Input("Keep the v1 path: the CRM has no v2 yet.");
        page.Find("[data-testid=reject]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=nothing-pending]")));
        SignInAs(PanelRoles.Marketer);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var details = RenderWithPopovers<WebHookDetails>(p => p.Add(x => x.Id, id));

        details.WaitForAssertion(() => Assert.Equal(
            "Keep the v1 path: the CRM has no v2 yet.",
            details.Find("[data-testid=review-decision-comment]").TextContent));
        Assert.Contains("Version 1 stays in force", details.Find("[data-testid=review-notice]").TextContent,
            StringComparison.Ordinal);
        Assert.Equal("Change rejected", details.Find("[data-testid=review-chip]").TextContent.Trim());
        var hook = await database.Store.FindAsync(id, Cancellation);
        Assert.Equal(1, hook!.ActiveVersion);
        Assert.Equal(ReviewState.Rejected, hook.Review!.State);
    }

    [Fact]
    public async Task Approve_AfterTheUserIsNoLongerAdmin_IsRefusedByTheServer()
    {
        var database = await UseDatabaseAsync();
        var id = await LiveWithPendingChangeAsync(database, "https://crm.example.com");
        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=approve]")));
        SignInAs(PanelRoles.Marketer);

        page.Find("[data-testid=approve]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ReviewResult.ForbiddenMessage,
            page.Find("[data-testid=review-message]").TextContent.Trim()));
        var hook = await database.Store.FindAsync(id, Cancellation);
        Assert.Equal(1, hook!.ActiveVersion);
        Assert.Equal(ReviewState.Pending, hook.Review!.State);
    }

    [Fact]
    public async Task Render_AsMarketer_ShowsTheChangesButNoDecision()
    {
        var database = await UseDatabaseAsync();
        var id = await LiveWithPendingChangeAsync(database, "https://crm.example.com");
        SignInAs(PanelRoles.Marketer);

        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=diff-row]")));
        Assert.NotNull(page.Find("[data-testid=review-admins-only]"));
        Assert.Empty(page.FindAll("[data-testid=review-actions]"));
    }

    [Fact]
    public async Task TestSend_PendingVersion_SendsTheProposedRequest()
    {
        await UseDispatchingAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        var database = await UseDatabaseAsync();
        var id = await LiveWithPendingChangeAsync(database, receiver.BaseUrl + "/ok");
        var dialogs = RenderWithPopovers<MudDialogProvider>();
        var page = Render<WebHookReviewPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=review-test-send]")));

        page.Find("[data-testid=review-test-send]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=test-send-submit]")));
        dialogs.Find("[data-testid=test-send-submit]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(
            "200",
            dialogs.Find("[data-testid=attempt-status]").TextContent.Trim()));
        var request = Assert.Single(receiver.Requests);
        Assert.EndsWith("/ok/v2", request.Url, StringComparison.Ordinal);
        Assert.Equal(NewSecret, request.Header("X-Api-Key"));
    }

    /// <summary>An admin's version 1 in force and a marketer's version 2 that changes the URI and the secret.</summary>
    private static async Task<int> LiveWithPendingChangeAsync(PanelDatabase database, string baseUrl)
    {
        var id = await database.Store.CreateAsync(Hook(baseUrl + "/v1", Secret), TestActors.Admin, null, Cancellation);
        var outcome = await database.Store.ReviseAsync(
            id,
            Hook(baseUrl + "/v2", NewSecret),
            TestActors.Marketer,
            null,
            null,
            Cancellation);
        Assert.Equal(ReviseOutcome.SavedForReview, outcome);

        return id;
    }

    private static WebHookDefinition Hook(string uri, string secret)
    {
        var hook = TestData.Hook(uri.StartsWith('/') ? "https://crm.example.com" + uri : uri, WebHookMethod.POST);
        hook.Name = "Reviewed hook";
        hook.Headers = [TestData.Fixed("X-Api-Key", secret, secret: true)];

        return hook;
    }
}
