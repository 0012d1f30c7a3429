using Microsoft.Extensions.Time.Testing;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

public sealed class CircuitBreakerTests
{
    // The breaker looks at no fewer than 100 attempts before it opens; comfortably more makes it open for sure.
    private const int Failures = 150;

    private const string NotSent = "not sent: too many recent failures at this host";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatcher:QuickRetries"] = "0",
        ["Dispatcher:Schedule:0"] = "01:00:00",
    };

    [Fact]
    public async Task Send_CircuitOpenForOneAuthority_AnotherAuthorityStillReceives()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DispatchHost.StartAsync(Settings, time);
        await using var healthy = await RecordingReceiver.StartAsync();
        var failingId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/fail"));
        var healthyId = await host.CreateHookAsync(
            DispatchTestData.Hook(healthy.BaseUrl + "/ok", trigger: TriggerType.Geofence));
        var flood = Enumerable.Range(0, Failures).Select(i => DispatchTestData.Event($"cb-{i}")).ToArray();
        using var flooded = await host.PostEventsAsync(flood);
        await AttemptedAsync(host, failingId, Failures);

        using var probes = await host.PostEventsAsync(new[]
        {
            DispatchTestData.Event("cb-probe"),
            DispatchTestData.Event("other-probe", "Geofence"),
        });

        var failing = await AttemptedAsync(host, failingId, Failures + 1);
        var other = await host.OnlyDeliveryWhenAsync(
            healthyId,
            d => d.Status == DeliveryStatus.Succeeded,
            "the other authority's delivery succeeded");
        Assert.Equal(NotSent, failing[^1].LastError);
        Assert.InRange(host.Receiver.Requests.Count, 100, Failures - 1);
        Assert.Equal("other-probe", DispatchTestData.EventIdOf(Assert.Single(healthy.Requests)));
        Assert.Equal(1, other.AttemptCount);
    }

    private static async Task<List<Delivery>> AttemptedAsync(DispatchHost host, int hookId, int count) =>
        await Eventually.UntilAsync(
            () => host.StoredDeliveriesAsync(hookId),
            deliveries => deliveries.Count == count && deliveries.All(d => d.AttemptCount == 1),
            $"{count} deliveries attempted once");
}
