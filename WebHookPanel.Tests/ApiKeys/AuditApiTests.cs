using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebHookPanel.Tests.ApiKeys;

public sealed class AuditApiTests(AuditedPanel audited) : IClassFixture<AuditedPanel>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_WholeRange_NewestFirstWithTotal()
    {
        var page = await ListAsync("?from=2026-11-20&to=2026-11-22");

        Assert.Equal(9, page.GetProperty("total").GetInt32());
        Assert.Equal(Enumerable.Range(0, 9).Reverse().Select(i => $"Entry {i} 50%"), Summaries(page));
    }

    [Fact]
    public async Task List_Paged_ReturnsThatPageOnly()
    {
        var page = await ListAsync("?actor=ann@panel.test&page=2&pageSize=2");

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(["Entry 4 50%", "Entry 2 50%"], Summaries(page));
    }

    [Theory]
    [InlineData("?actor=BOB@panel.test", "7 5 3 1")]
    [InlineData("?action=webhook.rejected", "7 4 1")]
    [InlineData("?targetType=apikey&targetId=7", "8 5 2")]
    [InlineData("?targetType=webhook&targetId=1", "6 3 0")]
    [InlineData("?from=2026-11-21&to=2026-11-21", "5 4 3")]
    [InlineData("?from=2026-11-21T08:00:00Z&to=2026-11-21T16:00:00Z", "5 4")]
    [InlineData("?from=2026-11-21&to=9999-12-31&search=entry", "8 7 6 5 4 3")]
    [InlineData("?from=0001-01-01&to=2026-11-20", "2 1 0")]
    [InlineData("?search=entry%205", "5")]
    [InlineData("?search=50%25&actor=ann@panel.test&action=apikey.revoked", "8 2")]
    public async Task List_Filtered_ReturnsOnlyMatches(string query, string expected)
    {
        var page = await ListAsync(query);

        Assert.Equal(expected.Split(' ').Select(i => $"Entry {i} 50%"), Summaries(page));
    }

    [Fact]
    public async Task List_SearchForLikeWildcard_MatchesItLiterally()
    {
        var page = await ListAsync("?search=_");

        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("?from=2026-11-22&to=2026-11-21", "from", "is after To")]
    [InlineData("?from=yesterday", "from", "2026-12-03")]
    [InlineData("?to=2026-11-21T10:00:00", "to", "offset")]
    [InlineData("?to=2026-11-21T10:00:00+01:00", "to", "written %2B")]
    [InlineData("?from=0001-01-01T00:00:00%2B14:00", "from", "between 0001-01-01 and 9999-12-31 in UTC")]
    [InlineData("?page=0", "page", "whole number")]
    [InlineData("?pageSize=500", "pageSize", "200")]
    public async Task List_BadQuery_AnswersProblemNamingTheParameter(string query, string field, string hint)
    {
        using var client = audited.Panel.CreateApiClient();

        using var response = await client.GetAsync("/api/audit" + query, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(hint, message, StringComparison.Ordinal);
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        using var client = audited.Panel.CreateApiClient();

        return await client.GetFromJsonAsync<JsonElement>("/api/audit" + query, Cancellation);
    }

    private static IEnumerable<string> Summaries(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("summary").GetString()!).ToList();
}
