using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// Receivers that answer the status line and then stall or drop the body: the status decides, the body gets its
/// own attempt timeout, and no such receiver holds the workers that other hooks need.
/// </summary>
public sealed class StallingReceiverTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> ShortTimeout = new()
    {
        ["Dispatcher:AttemptTimeout"] = "00:00:00.500",
        ["Dispatcher:Workers"] = "4",
    };

    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync(ShortTimeout);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TestSend_BodyStalls_AnswersWithTheStatusAndSaysTheBodyDidNotArrive()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/stall"));

        var attempt = await _host.TestSendAsync(hookId, "stall-1");

        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Equal("ab", attempt.ResponseBody);
        Assert.Equal("the body did not arrive within 0.5 s (2 bytes read)", attempt.Error);
    }

    [Fact]
    public async Task TestSend_BodyBreaksOff_AnswersWithTheStatusAndSaysWhere()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/broken"));

        var attempt = await _host.TestSendAsync(hookId, "broken-1");

        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Equal("POST", attempt.Method);
        Assert.StartsWith("the body broke off after 3 bytes", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_ManyToAStallingReceiver_DoNotStarveAnotherHook()
    {
        var stalling = await _host.CreateHookAsync(
            DispatchTestData.Hook(_host.Receiver.BaseUrl + "/stall", trigger: TriggerType.MessageLog));
        var healthy = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok"));
        using var flood = await _host.PostEventsAsync(
            Enumerable.Range(0, 12).Select(i => DispatchTestData.Event($"flood-{i}", type: "MessageLog")).ToArray());

        using var probe = await _host.PostEventsAsync(DispatchTestData.Event("probe-1"));

        var sent = await _host.OnlyDeliveryWhenAsync(
            healthy,
            d => d.Status == DeliveryStatus.Succeeded,
            "the healthy hook's delivery went out");
        var stalled = await Eventually.UntilAsync(
            () => _host.DeliveriesAsync(stalling),
            page => page.Total == 12 && page.Items.All(d => d.Status == DeliveryStatus.Succeeded),
            "every stalled delivery ended on its status line");
        Assert.Equal(1, sent.AttemptCount);
        Assert.All(stalled.Items, d => Assert.Equal(1, d.AttemptCount));
    }
}
