using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using WebHookPanel.Api;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Secrets;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>A receiver's failures go to its delivery log; the server log is not flooded with them as errors.</summary>
public sealed class QuickRetryLogTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Dispatcher:QuickRetries"] = "2",
        ["Dispatcher:QuickRetryDelay"] = "00:00:00.010",
        ["Dispatcher:Schedule:0"] = "01:00:00",
    };

    private readonly TempDatabase _database = new();
    private readonly RecordingLoggerProvider _logs = new();
    private RecordingReceiver _receiver = null!;
    private PanelFactory _panel = null!;
    private WebApplicationFactory<Program> _logged = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await RecordingReceiver.StartAsync();
        _panel = PanelFactory.On(_database, Settings);
        _logged = _panel.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging
            .AddProvider(_logs)
            .AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace)));
    }

    public async ValueTask DisposeAsync()
    {
        await _logged.DisposeAsync();
        await _panel.DisposeAsync();
        await _receiver.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Delivery_QuickRetriesOfServerErrors_AreLoggedAtDebugNotAsErrors()
    {
        using var api = _logged.CreateClient();
        api.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, PanelFactory.ApiKey);
        var hook = DispatchTestData.Hook(_receiver.BaseUrl + "/fail");
        using var created = await api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Token);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        var evt = DispatchTestData.Event("q-1");
        using var posted = await api.PostAsJsonAsync("/api/events", evt, PanelJson.Options, Token);
        await Eventually.UntilAsync(() => _receiver.Requests.Count == 3, "one attempt and two quick retries");
        await Eventually.UntilAsync(
            () => _logs.Entries.Any(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)),
            "the retries were logged");

        var polly = _logs.Entries.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)).ToList();
        Assert.All(polly, e => Assert.True(e.Level <= LogLevel.Debug, $"{e.Level}: {e.Text}"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
