using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebHookPanel.Secrets;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReviewFlowTests(BrowserFixture browser)
{
    private const string Secret = "first-secret-value";
    private const string NewSecret = "second-secret-value";

    [Fact]
    public async Task AdminReviewsMarketersHook_FirstVersionThenAChange_EachApprovedFromTheDiff()
    {
        await using var panel = new PanelFactory();
        var (address, commands, id) = await ServeWithHookAsync(panel, TestActors.Marketer);
        var token = TestContext.Current.CancellationToken;
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.OpenInteractiveAsync(context, address, "/webhooks");

        await Assertions.Expect(page.GetByTestId($"status-{id}")).ToHaveTextAsync("Pending review");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Clicks to CRM", Exact = true })
            .ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Nothing is sent");
        await BrowserFixture.SaveScreenshotAsync(page, "review-hook-page-pending");
        await page.GetByTestId("open-review").ClickAsync();
        var rows = page.GetByTestId("diff-row");
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "Header X-Api-Key" }))
            .ToContainTextAsync("••••••");
        await BrowserFixture.SaveScreenshotAsync(page, "review-first-version");
        await page.GetByTestId("approve").ClickAsync();

        await Assertions.Expect(page.GetByTestId("hook-status")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.GetByTestId("nothing-pending")).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "review-approved");

        var change = Hook("/v2/clicks", NewSecret);
        change.Headers.Add(new FieldRow { Key = "X-Team", Source = ValueSource.Fixed, Value = "growth" });
        await commands.ReviseAsync(id, change, TestActors.Marketer, token);
        await page.GotoAsync(new Uri(address, "/webhooks").ToString());
        await Assertions.Expect(page.GetByTestId($"review-chip-{id}")).ToHaveTextAsync("Change pending review");
        await BrowserFixture.SaveScreenshotAsync(page, "review-list-chip");
        await page.GotoAsync(new Uri(address, $"/webhooks/{id}/review").ToString());
        await Assertions.Expect(page.GetByTestId("review-against")).ToContainTextAsync("version 1");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("https://crm.example.com/v2/clicks");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("(changed)");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("growth");
        await BrowserFixture.SaveScreenshotAsync(page, "review-change");
        var content = await page.ContentAsync();
        await page.GetByTestId("approve").ClickAsync();

        await Assertions.Expect(page.GetByTestId("nothing-pending")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("hook-status")).ToHaveTextAsync("Active");
        Assert.DoesNotContain(Secret, content, StringComparison.Ordinal);
        Assert.DoesNotContain(NewSecret, content, StringComparison.Ordinal);
        var hook = await panel.Services.GetRequiredService<WebHookStore>().FindAsync(id, token);
        Assert.Equal(2, hook!.ActiveVersion);
    }

    [Fact]
    public async Task AdminRejectsAChange_WithAComment_TheHookPageShowsItBesideTheVersionInForce()
    {
        await using var panel = new PanelFactory();
        var (address, commands, id) = await ServeWithHookAsync(panel, TestActors.Admin);
        var token = TestContext.Current.CancellationToken;
        await commands.ReviseAsync(id, Hook("/v2/clicks", Secret), TestActors.Marketer, token);
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.OpenInteractiveAsync(context, address, $"/webhooks/{id}/review");

        await page.GetByTestId("reject").ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-comment")).ToContainTextAsync("needs a comment");
        await page.GetByTestId("review-comment").Locator("textarea").FillAsync("The CRM has no v2 path yet.");
        await page.GetByTestId("reject").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nothing-pending")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Webhook page" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("review-decision-comment"))
            .ToHaveTextAsync("The CRM has no v2 path yet.");
        await Assertions.Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Version 1 stays in force");
        await Assertions.Expect(page.GetByTestId("hook-status")).ToHaveTextAsync("Active");
        await BrowserFixture.SaveScreenshotAsync(page, "review-rejected-hook-page");
    }

    [Fact]
    public async Task MarketerPointsTheHookElsewhereKeepingItsSecret_TheReviewerIsWarned()
    {
        await using var panel = new PanelFactory();
        var (address, commands, id) = await ServeWithHookAsync(panel, TestActors.Admin);
        var token = TestContext.Current.CancellationToken;
        var moved = Hook("/clicks", SecretMask.Value, "https://collector.example.net");
        var saved = await commands.ReviseAsync(id, moved, TestActors.Marketer, token);
        Assert.True(saved.Succeeded);
        await using var context = await browser.NewContextAsync();

        var page = await BrowserFixture.OpenInteractiveAsync(context, address, $"/webhooks/{id}/review");

        await Assertions.Expect(page.GetByTestId("review-secret-destination"))
            .ToContainTextAsync("stored secret X-Api-Key of the version in force to https://collector.example.net");
        await BrowserFixture.SaveScreenshotAsync(page, "review-secret-destination");
        Assert.DoesNotContain(Secret, await page.ContentAsync(), StringComparison.Ordinal);
    }

    // The panel served on loopback with one hook, "Clicks to CRM", saved by the given actor.
    private static async Task<(Uri Address, WebHookCommands Commands, int Id)> ServeWithHookAsync(
        PanelFactory panel,
        ClaimsPrincipal actor)
    {
        var address = panel.ServeOnLoopback();
        var commands = panel.Services.GetRequiredService<WebHookCommands>();
        var created = await commands.CreateAsync(Hook("/clicks", Secret), actor, TestContext.Current.CancellationToken);

        return (address, commands, created.Id!.Value);
    }

    private static WebHookDefinition Hook(string path, string secret, string host = "https://crm.example.com") => new()
    {
        Name = "Clicks to CRM",
        Uri = host + path,
        Headers = [new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = secret, Secret = true }],
    };
}
