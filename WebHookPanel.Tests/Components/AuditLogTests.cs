using System.Globalization;
using Bunit;
using MudBlazor;
using WebHookPanel.Audit;
using WebHookPanel.Components.Pages.Admin;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Components;

public sealed class AuditLogTests : PanelTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Render_ManyEntries_ShowsNewestFirstOnePageAtATime()
    {
        await SeedAsync(60);
        var page = RenderWithPopovers<AuditLog>();

        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count));
        var first = Rows(page);
        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(10, Rows(page).Count));
        Assert.Equal("Entry 59", Summary(first[0]));
        Assert.Equal("Entry 10", Summary(first[^1]));
        Assert.Equal("Entry 9", Summary(Rows(page)[0]));
        Assert.Equal("Entry 0", Summary(Rows(page)[^1]));
    }

    [Fact]
    public async Task Filter_ActorAndAction_ShowsOnlyMatches()
    {
        await SeedAsync(12);
        var page = RenderWithPopovers<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(12, Rows(page).Count));

        page.Find("#audit-actor").Input("BOB@panel.test");
        page.WaitForAssertion(() => Assert.Equal(6, Rows(page).Count));
        page.Find("#audit-action").Input("apikey.revoked");

        page.WaitForAssertion(() => Assert.Equal(["Entry 11", "Entry 5"], Rows(page).Select(Summary)));
        Assert.All(Rows(page), row => Assert.Equal("bob@panel.test", Cell(row, "audit-actor-cell")));
    }

    [Fact]
    public async Task Filter_SearchAndDates_NarrowTheList()
    {
        await SeedAsync(12);
        var page = RenderWithPopovers<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(12, Rows(page).Count));

        page.Find("#audit-from").Change(Day(3));
        page.Find("#audit-to").Change(Day(4));
        page.WaitForAssertion(() => Assert.Equal(["Entry 4", "Entry 3"], Rows(page).Select(Summary)));
        page.Find("#audit-search").Input("entry 4");

        page.WaitForAssertion(() => Assert.Equal(["Entry 4"], Rows(page).Select(Summary)));
    }

    [Fact]
    public async Task Filter_ToTheCalendarsLastDay_ShowsEverythingFromThen()
    {
        await SeedAsync(5);
        var page = RenderWithPopovers<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(5, Rows(page).Count));

        page.Find("#audit-from").Change(Day(3));
        page.Find("#audit-to").Change("9999-12-31");

        page.WaitForAssertion(() => Assert.Equal(["Entry 4", "Entry 3"], Rows(page).Select(Summary)));
        Assert.Empty(page.FindAll("[data-testid=audit-filter-error]"));
    }

    [Fact]
    public async Task Filter_FromAfterTo_ExplainsAndShowsNothing()
    {
        await SeedAsync(5);
        var page = RenderWithPopovers<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(5, Rows(page).Count));

        page.Find("#audit-from").Change(Day(4));
        page.Find("#audit-to").Change(Day(2));

        page.WaitForAssertion(() => Assert.Contains(
            "From (2026-11-05 00:00 UTC) is after To (2026-11-03 23:59 UTC)",
            page.Find("[data-testid=audit-filter-error]").TextContent,
            StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Empty(Rows(page)));
        page.Find("#audit-to").Change(Day(4));
        page.WaitForAssertion(() => Assert.Equal(["Entry 4"], Rows(page).Select(Summary)));
        Assert.Empty(page.FindAll("[data-testid=audit-filter-error]"));
    }

    // One entry a day from Start, summaries "Entry 0"..; bob@ on odd days; every third entry revokes a key.
    private async Task SeedAsync(int count)
    {
        var database = await UseDatabaseAsync();
        Services.AddAuditLog();
        await using var context = await database.ContextFactory.CreateDbContextAsync(
            Xunit.TestContext.Current.CancellationToken);
        for (var i = 0; i < count; i++)
        {
            var actor = i % 2 == 0 ? "ann@panel.test" : "bob@panel.test";
            var action = i % 3 == 2 ? "apikey.revoked" : "webhook.approved";
            context.AuditEntries.Add(new AuditEntry(Start.AddDays(i), actor, action, "webhook", "1", $"Entry {i}"));
        }

        await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private static string Day(int index) =>
        Start.AddDays(index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<AuditLog> page) =>
        [.. page.FindComponent<MudTable<AuditEntry>>().FindAll("tbody tr")
            .Where(row => row.QuerySelector("[data-testid=audit-actor-cell]") is not null)];

    private static string Summary(AngleSharp.Dom.IElement row) =>
        row.QuerySelector(".audit-summary")!.TextContent.Trim();

    private static string Cell(AngleSharp.Dom.IElement row, string testId) =>
        row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
}
