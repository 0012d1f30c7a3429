using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// The hook list's queries with 10,000 hooks: a page change and a search keystroke. Run by
/// <c>run-benchmarks.sh</c>, never by the default test run.
/// </summary>
[Collection(BenchmarkCollection.Name)]
public sealed class HookListBenchmarks
{
    public const int HookCount = 10_000;
    public const int PageSize = 20;
    public const int PageCount = HookCount / PageSize;

    /// <summary>What a user types: growing prefixes of names and numbers; each differs from the one before.</summary>
    public static readonly string[] Keystrokes =
        ["c", "ca", "car", "cart", "cart ", "cart a", "cart ab", "0", "00", "004", "0042", "s", "sh", "shi", "ship"];

    private static readonly BenchmarkOptions Options = new(Iterations: 200, Rounds: 3, TargetP50Milliseconds: 25);

    [Fact(Explicit = true)]
    public async Task Store_TenThousandHooks_PageAndSearch()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PanelDatabase.CreateAsync(cancellationToken);
        await HookSeeder.SeedAsync(database.ContextFactory, HookCount, cancellationToken);
        var store = database.Store;
        var report = new BenchmarkReport("list");
        var pages = RandomPages(Options.Iterations);
        var middle = await store.ListAsync(new WebHookQuery(Page: 250, PageSize: PageSize), cancellationToken);
        Assert.Equal(HookCount, middle.Total);
        Assert.Equal(PageSize, middle.Items.Count);

        var page250 = await report.MeasureAsync(
            "page-250",
            Options,
            _ => store.ListAsync(new WebHookQuery(Page: 250, PageSize: PageSize), cancellationToken));
        var randomPage = await report.MeasureAsync(
            "page-random",
            Options,
            i => store.ListAsync(new WebHookQuery(Page: pages[i], PageSize: PageSize), cancellationToken));
        var search = await report.MeasureAsync(
            "search",
            Options,
            i => store.ListAsync(new WebHookQuery(Search: Keystrokes[i % Keystrokes.Length]), cancellationToken));

        // The summary takes the slower of the two page figures: deep pages cost more than shallow ones.
        var page = Math.Max(page250.P50Milliseconds, randomPage.P50Milliseconds);
        report.Write(
            $"list: page p50 {BenchmarkReport.Ms(page)}, search p50 {BenchmarkReport.Ms(search.P50Milliseconds)}");
    }

    /// <summary>Page numbers from 1 to 500, never the same twice in a row, the same every run.</summary>
    public static int[] RandomPages(int count)
    {
        var random = new Random(250);
        var pages = new int[count];
        for (var i = 0; i < count; i++)
        {
            do
            {
                pages[i] = random.Next(1, PageCount + 1);
            }
            while (i > 0 && pages[i] == pages[i - 1]);
        }

        return pages;
    }
}
