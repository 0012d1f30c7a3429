using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// What waits in memory for a worker is bounded: past the limit, new deliveries wait in the database instead, and
/// go out once the workers make room.
/// </summary>
public sealed class WaitingMemoryTests
{
    private const int Events = 10;

    // About 400 KB in memory each, so that a 1 MB limit holds two or three.
    private static readonly string Filler = new('x', 200_000);

    [Fact]
    public async Task SlowReceiverAndLargeEvents_DeliveriesPastTheLimitWaitInTheDatabaseThenAllGoOut()
    {
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dispatcher:Workers"] = "1",
            ["Dispatcher:WaitingMemoryMegabytes"] = "1",
        });
        host.Receiver.GateAfter = 0;
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/gated"));

        for (var i = 0; i < Events; i++)
        {
            var evt = DispatchTestData.Event($"large-{i}");
            ((Dictionary<string, string>)evt["user"]!)["note"] = Filler;
            using var posted = await host.PostEventsAsync(evt);
        }

        var waiting = await host.StoredDeliveriesAsync(hookId);
        host.Receiver.OpenGate();
        var stored = await Eventually.UntilAsync(
            () => host.StoredDeliveriesAsync(hookId),
            all => all.All(d => d.Status == DeliveryStatus.Succeeded),
            "every delivery succeeded");

        Assert.Equal(Events, waiting.Count);
        Assert.InRange(waiting.Count(d => d.Status == DeliveryStatus.Pending), Events - 5, Events - 2);
        Assert.All(waiting.Where(d => d.Status == DeliveryStatus.Pending), d => Assert.Null(d.LeaseOwner));
        Assert.Equal(Events, stored.Count);
        Assert.Equal(Events, host.Receiver.Requests.Count);
    }
}
