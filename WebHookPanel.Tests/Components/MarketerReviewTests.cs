using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Review;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

/// <summary>What a marketer's save does, and how the list and the hook page tell where a review stands.</summary>
public sealed class MarketerReviewTests : PanelTestContext
{
    private const StringComparison Ordinal = StringComparison.Ordinal;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_MarketerCreatesHook_ItWaitsForReviewWithNothingInForce()
    {
        var database = await UseDatabaseAsync();
        SignInAs(PanelRoles.Marketer);
        var editor = RenderWithPopovers<WebHookEditor>();
        editor.Find("[data-testid=name] input").Input("Marketer draft");
        editor.Find("[data-testid=uri] input").Input("https://crm.example.com/clicks");
        ClickNext(editor, times: 3);

        editor.Find("[data-testid=save]").Click();

        editor.WaitForAssertion(() => Assert.Contains(Snackbars(), m => m.Contains("for review", Ordinal)));
        var summary = Assert.Single((await database.Store.ListAsync(new WebHookQuery(), Cancellation)).Items);
        Assert.Equal(WebHookStatus.PendingReview, summary.Status);
        Assert.Null(summary.ActiveVersion);
        Assert.Equal(ReviewState.Pending, summary.Review);
    }

    [Fact]
    public async Task Save_MarketerChangesLiveHook_TheVersionInForceStaysAndTheChangeWaits()
    {
        var database = await UseDatabaseAsync();
        var id = await LiveAsync(database, "Live hook");
        SignInAs(PanelRoles.Marketer);
        var editor = RenderWithPopovers<WebHookEditor>(p => p.Add(e => e.Id, id));
        editor.WaitForElement("[data-testid=name] input");

        editor.Find("[data-testid=uri] input").Input("https://crm.example.com/v2/clicks");
        ClickNext(editor, times: 3);
        editor.Find("[data-testid=save]").Click();

        editor.WaitForAssertion(() => Assert.Contains(Snackbars(), m => m.Contains("for review", Ordinal)));
        var hook = await database.Store.FindAsync(id, Cancellation);
        Assert.Equal(2, hook!.Version);
        Assert.Equal(1, hook.ActiveVersion);
        Assert.Equal(WebHookStatus.Active, hook.Status);
        Assert.Equal(PanelTestContext.MarketerName, hook.Review!.SubmittedBy);
    }

    [Fact]
    public async Task Edit_RejectedChange_ShowsTheCommentWhileTheMarketerFixesIt()
    {
        var database = await UseDatabaseAsync();
        var id = await LiveAsync(database, "Rejected change");
        await ReviseAsMarketerAsync(database, id, "Rejected change");
        await Services.GetRequiredService<WebHookCommands>()
            .RejectAsync(id, 2, "PUT is not allowed there; use POST.", TestActors.Admin, Cancellation);
        SignInAs(PanelRoles.Marketer);

        var editor = RenderWithPopovers<WebHookEditor>(p => p.Add(e => e.Id, id));

        editor.WaitForAssertion(() => Assert.Equal(
            "PUT is not allowed there; use POST.",
            editor.Find("[data-testid=review-decision-comment]").TextContent));
        Assert.Contains("Version 1 stays in force", editor.Find("[data-testid=review-notice]").TextContent, Ordinal);
    }

    [Fact]
    public async Task Render_List_ShowsAChipForAChangePendingOrRejectedBesideTheStatus()
    {
        var database = await UseDatabaseAsync();
        var settled = await LiveAsync(database, "Settled");
        var pending = await LiveAsync(database, "With pending change");
        await ReviseAsMarketerAsync(database, pending, "With pending change");
        var rejected = await LiveAsync(database, "With rejected change");
        await ReviseAsMarketerAsync(database, rejected, "With rejected change");
        await Services.GetRequiredService<WebHookCommands>()
            .RejectAsync(rejected, 2, "Not this endpoint.", TestActors.Admin, Cancellation);
        var draft = await database.Store.CreateAsync(Hook("Draft"), TestActors.Marketer, null, Cancellation);

        var list = RenderWithPopovers<WebHookList>();

        list.WaitForAssertion(() => Assert.Equal(4, list.FindAll("tbody tr").Count));
        Assert.Empty(list.FindAll($"[data-testid=review-chip-{settled}]"));
        Assert.Equal("Change pending review", list.Find($"[data-testid=review-chip-{pending}]").TextContent.Trim());
        Assert.Equal("Change rejected", list.Find($"[data-testid=review-chip-{rejected}]").TextContent.Trim());
        Assert.Empty(list.FindAll($"[data-testid=review-chip-{draft}]"));
        Assert.Equal("Pending review", list.Find($"[data-testid=status-{draft}]").TextContent.Trim());
        Assert.Equal("Active", list.Find($"[data-testid=status-{rejected}]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_HookPageOfDraftForMarketer_SaysNothingIsSentAndOffersNoPauseOrReview()
    {
        await UseDispatchingAsync();
        var database = await UseDatabaseAsync();
        var id = await database.Store.CreateAsync(Hook("Draft"), TestActors.Marketer, null, Cancellation);
        SignInAs(PanelRoles.Marketer);

        var page = RenderDetails(id);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=review-notice]")));
        Assert.Contains(
            "Nothing is sent until an admin approves it",
            page.Find("[data-testid=review-notice]").TextContent,
            StringComparison.Ordinal);
        Assert.Contains("no version in force", page.Find("[data-testid=hook-version]").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=pause]"));
        Assert.Empty(page.FindAll("[data-testid=open-review]"));
    }

    [Fact]
    public async Task Render_HookPageWithPendingChangeForAdmin_LinksToTheReview()
    {
        await UseDispatchingAsync();
        var database = await UseDatabaseAsync();
        var id = await LiveAsync(database, "Needs review");
        await ReviseAsMarketerAsync(database, id, "Needs review");

        var page = RenderDetails(id);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=open-review]")));
        Assert.Equal($"webhooks/{id}/review", page.Find("[data-testid=open-review]").GetAttribute("href"));
        Assert.Contains("Version 1 stays in force", page.Find("[data-testid=review-notice]").TextContent,
            StringComparison.Ordinal);
        Assert.Contains("v1 in force", page.Find("[data-testid=hook-version]").TextContent, StringComparison.Ordinal);
        Assert.Contains("version 1 is in force", page.Find("[data-testid=latest-not-in-force]").TextContent,
            StringComparison.Ordinal);
    }

    private static void ClickNext(IRenderedComponent<WebHookEditor> editor, int times)
    {
        for (var i = 0; i < times; i++)
        {
            editor.Find("[data-testid=next]").Click();
        }
    }

    private static Task<int> LiveAsync(PanelDatabase database, string name) =>
        database.Store.CreateAsync(Hook(name), TestActors.Admin, null, Cancellation);

    private static async Task ReviseAsMarketerAsync(PanelDatabase database, int id, string name)
    {
        var change = Hook(name);
        change.Method = WebHookMethod.PUT;
        Assert.Equal(
            ReviseOutcome.SavedForReview,
            await database.Store.ReviseAsync(id, change, TestActors.Marketer, null, null, Cancellation));
    }

    private static WebHookDefinition Hook(string name)
    {
        var hook = TestData.Hook("https://crm.example.com/clicks", WebHookMethod.POST);
        hook.Name = name;

        return hook;
    }

    private IEnumerable<string> Snackbars() =>
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "");

    private IRenderedComponent<WebHookDetails> RenderDetails(int id)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        return RenderWithPopovers<WebHookDetails>(p => p.Add(x => x.Id, id));
    }
}
