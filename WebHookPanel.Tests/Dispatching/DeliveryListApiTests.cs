using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

/// <summary><c>GET /api/webhooks/{id}/deliveries</c>: paging, the status filter and bad query values.</summary>
public sealed class DeliveryListApiTests : IAsyncLifetime
{
    private DispatchHost _host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task List_PageAndPageSize_ReturnThatSliceNewestFirst()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok"));
        using var posted = await _host.PostEventsAsync(
            Enumerable.Range(0, 5).Select(i => DispatchTestData.Event($"page-{i}")).ToArray());

        // The receiver sees a request before its outcome is committed: wait for the outcomes, not the requests.
        var page = await Eventually.UntilAsync(
            async () => (await _host.Api.GetFromJsonAsync<DeliveryPage>(
                $"/api/webhooks/{hookId}/deliveries?page=2&pageSize=2&status=succeeded",
                PanelJson.Options,
                Token))!,
            p => p.Total == 5,
            "five deliveries succeeded");

        Assert.Equal(5, page!.Total);
        Assert.Equal(2, page.Page);
        Assert.Equal(2, page.PageSize);
        Assert.Equal(["page-2", "page-1"], page.Items.Select(d => d.EventId));
    }

    [Theory]
    [InlineData("page=abc", "page", "whole number from 1 to")]
    [InlineData("page=0", "page", "whole number from 1 to")]
    [InlineData("page=999999999", "page", "whole number from 1 to 10737418")]
    [InlineData("pageSize=0", "pageSize", "from 1 to 200")]
    [InlineData("pageSize=500", "pageSize", "from 1 to 200")]
    [InlineData("status=Bogus", "status", "use one of Pending, ")]
    [InlineData("status=7", "status", "use one of Pending, ")]
    [InlineData("status=Held&status=InFlight", "status", "one value")]
    [InlineData("status=Failed,Dead", "status", "one value")]
    public async Task List_BadQueryValue_Answers400NamingTheParameter(string query, string field, string hint)
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok"));

        using var response = await _host.Api.GetAsync($"/api/webhooks/{hookId}/deliveries?{query}", Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Contains(hint, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", text, StringComparison.Ordinal);
    }
}
