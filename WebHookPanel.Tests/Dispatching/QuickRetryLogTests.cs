using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>A receiver's failures go to its delivery log; the server log is not flooded with them as errors.</summary>
public sealed class QuickRetryLogTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatcher:QuickRetries"] = "2",
        ["Dispatcher:QuickRetryDelay"] = "00:00:00.010",
        ["Dispatcher:Schedule:0"] = "01:00:00",
    };

    private LoggedPanel _panel = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _panel = await LoggedPanel.StartAsync(Settings);

    public async ValueTask DisposeAsync() => await _panel.DisposeAsync();

    [Fact]
    public async Task Delivery_QuickRetriesOfServerErrors_AreLoggedAtDebugNotAsErrors()
    {
        var hook = DispatchTestData.Hook(_panel.Receiver.BaseUrl + "/fail");
        using var created = await _panel.Api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var evt = DispatchTestData.Event("q-1");
        using var posted = await _panel.Api.PostAsJsonAsync("/api/events", evt, PanelJson.Options, Token);
        await Eventually.UntilAsync(() => _panel.Receiver.Requests.Count == 3, "one attempt and two quick retries");
        await Eventually.UntilAsync(
            () => _panel.Logs.Entries.Any(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)),
            "the retries were logged");

        var polly = _panel.Logs.Entries.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)).ToList();
        Assert.All(polly, e => Assert.True(e.Level <= LogLevel.Debug, $"{e.Level}: {e.Text}"));
    }
}
