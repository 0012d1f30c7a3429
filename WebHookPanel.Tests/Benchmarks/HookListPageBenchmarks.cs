using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebHookPanel.Data;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// The hook list page with 10,000 hooks as a user sees it: from a click or a keystroke in Chromium to the first
/// row of the new result in the page's DOM, through the Blazor circuit, the store and the render.
/// </summary>
[Collection(BenchmarkCollection.Name)]
public sealed class HookListPageBenchmarks(BrowserFixture browser)
{
    private const string FirstRowName = "td[data-label=\"Name\"] a";

    // The search box waits this long after the last keystroke before it asks the server (WebHookList.razor).
    private const double SearchDebounceMilliseconds = 200;

    private static readonly BenchmarkOptions PageOptions =
        new(Iterations: 200, Rounds: 3, TargetP50Milliseconds: 25);

    // Fewer iterations: each one waits out the search box's debounce first.
    private static readonly BenchmarkOptions SearchOptions =
        new(Iterations: 50, Rounds: 3, WarmupIterations: 5, TargetP50Milliseconds: SearchDebounceMilliseconds + 25);

    // Acts on the element, then resolves once the first row shows the expected name. A mutation observer, not
    // polling: the time measured ends when Blazor patches the DOM, not at the next poll.
    private const string ActAndAwaitFirstRow =
        """
        (element, { value, expected, timeout }) => new Promise((resolve, reject) => {
            const first = () => document.querySelector('td[data-label="Name"] a')?.textContent?.trim();
            const observer = new MutationObserver(() => {
                if (first() === expected) {
                    observer.disconnect();
                    clearTimeout(timer);
                    resolve();
                }
            });
            const timer = setTimeout(() => {
                observer.disconnect();
                reject(new Error(`first row is "${first()}", expected "${expected}"`));
            }, timeout);
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            if (value === null) {
                element.click();
            } else {
                element.value = value;
                element.dispatchEvent(new Event('input', { bubbles: true }));
            }
        })
        """;

    [Fact(Explicit = true)]
    public async Task Page_TenThousandHooks_PageAndSearch()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var panel = new PanelFactory();
        var address = panel.ServeOnLoopback();
        var contextFactory = panel.Services.GetRequiredService<IDbContextFactory<PanelDbContext>>();
        await HookSeeder.SeedAsync(contextFactory, HookListBenchmarks.HookCount, cancellationToken);
        var store = panel.Services.GetRequiredService<WebHookStore>();
        var firstOfPage = new string[HookListBenchmarks.PageCount + 1];
        for (var number = 1; number <= HookListBenchmarks.PageCount; number++)
        {
            var result = await store.ListAsync(new WebHookQuery(Page: number), cancellationToken);
            firstOfPage[number] = result.Items[0].Name;
        }

        var searches = await SearchSequenceAsync(store, cancellationToken);
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.OpenInteractiveAsync(context, address, "/webhooks");
        await Assertions.Expect(page.Locator(FirstRowName).First).ToHaveTextAsync(firstOfPage[1]);
        var next = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Next page" });
        var first = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "First page" });
        var searchBox = page.GetByTestId("search");
        var report = new BenchmarkReport("list.page");
        var current = 1;

        // Next page until the last, then back to the first: every click changes the rows.
        var paging = await report.MeasureAsync(
            "next-page",
            PageOptions,
            async _ =>
            {
                var button = current < HookListBenchmarks.PageCount ? next : first;
                current = current < HookListBenchmarks.PageCount ? current + 1 : 1;
                await ActAsync(button, null, firstOfPage[current]);
            });
        await ActAsync(first, null, firstOfPage[1]);
        var search = await report.MeasureAsync(
            "search",
            SearchOptions,
            i => ActAsync(searchBox, searches[i % searches.Count].Keystroke, searches[i % searches.Count].First));

        report.Write(
            $"list.page: page p50 {BenchmarkReport.Ms(paging.P50Milliseconds)}, search p50 " +
            $"{BenchmarkReport.Ms(search.P50Milliseconds)} (incl. the {SearchDebounceMilliseconds:0} ms debounce)");
    }

    private static Task ActAsync(ILocator element, string? value, string expected) =>
        element.EvaluateAsync(
            ActAndAwaitFirstRow,
            new { value, expected, timeout = BrowserFixture.Timeout.TotalMilliseconds });

    // Keystrokes whose first row differs from the previous one's, the last from the first: otherwise the page
    // would not change and the observer would wait for nothing.
    private static async Task<List<(string Keystroke, string First)>> SearchSequenceAsync(
        WebHookStore store,
        CancellationToken cancellationToken)
    {
        var sequence = new List<(string Keystroke, string First)>();
        foreach (var keystroke in HookListBenchmarks.Keystrokes)
        {
            var result = await store.ListAsync(new WebHookQuery(Search: keystroke), cancellationToken);
            var name = result.Items[0].Name;
            if (sequence.Count == 0 || sequence[^1].First != name)
            {
                sequence.Add((keystroke, name));
            }
        }

        if (sequence.Count > 1 && sequence[^1].First == sequence[0].First)
        {
            sequence.RemoveAt(sequence.Count - 1);
        }

        return sequence;
    }
}
