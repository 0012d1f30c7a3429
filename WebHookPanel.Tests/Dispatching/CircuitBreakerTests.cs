using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebHookPanel.Dispatching;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

public sealed class CircuitBreakerTests
{
    // The breaker looks at no fewer than 100 attempts before it opens; comfortably more makes it open for sure.
    private const int Failures = 150;

    private const string NotSent = "not sent yet: too many recent failures at this host; waiting for it to recover";

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

        var other = await host.OnlyDeliveryWhenAsync(
            healthyId,
            d => d.Status == DeliveryStatus.Succeeded,
            "the other authority's delivery succeeded");
        var failing = await Eventually.UntilAsync(
            () => host.StoredDeliveriesAsync(failingId),
            deliveries => deliveries.Count == Failures + 1 && deliveries[^1].LastError is not null,
            "the probe at the failing authority was deferred");
        Assert.Equal(NotSent, failing[^1].LastError);
        Assert.InRange(host.Receiver.Requests.Count, 100, Failures - 1);
        Assert.Equal("other-probe", DispatchTestData.EventIdOf(Assert.Single(healthy.Requests)));
        Assert.Equal(1, other.AttemptCount);
    }

    [Fact]
    public async Task Send_CircuitOpenAtHost_AnotherHookThereWaitsForItWithoutUsingItsSchedule()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DispatchHost.StartAsync(Settings, time);
        var failingId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/fail"));
        var healthyId = await host.CreateHookAsync(
            DispatchTestData.Hook(host.Receiver.BaseUrl + "/ok", trigger: TriggerType.Geofence));
        var flood = Enumerable.Range(0, Failures).Select(i => DispatchTestData.Event($"cb-{i}")).ToArray();
        using var flooded = await host.PostEventsAsync(flood);
        await AttemptedAsync(host, failingId, Failures);

        using var healthyEvent = await host.PostEventsAsync(DispatchTestData.Event("healthy", "Geofence"));
        var deferred = await host.OnlyDeliveryWhenAsync(
            healthyId,
            d => d.LastError is not null,
            "the healthy hook's delivery was deferred");
        var waiting = Assert.Single(await host.StoredDeliveriesAsync(healthyId));

        // The failing hook's deferred deliveries would compete for the one trial the circuit allows when it half
        // opens; with that hook paused, the healthy delivery is the trial.
        var commands = host.Factory.Services.GetRequiredService<DeliveryCommands>();
        await commands.PauseAsync(failingId, TestActors.Admin, CancellationToken.None);
        var sendable = host.Factory.Services.GetRequiredService<SendableHooks>();
        await Eventually.UntilAsync(() => !sendable.Allows(failingId), "the dispatcher saw the failing hook paused");
        time.Advance(WebHookSender.CircuitBreak);
        var sent = await host.OnlyDeliveryWhenAsync(
            healthyId,
            d => d.Status == DeliveryStatus.Succeeded,
            "the healthy hook's delivery went out once the circuit let it");

        Assert.Equal(DeliveryStatus.Pending, deferred.Status);
        Assert.Equal(NotSent, deferred.LastError);
        Assert.Equal(0, deferred.AttemptCount);
        Assert.Equal(0, waiting.ScheduleStep);
        Assert.Equal(time.GetUtcNow(), waiting.NextAttemptAt);
        Assert.Equal(1, sent.AttemptCount);
        Assert.Equal(WebHookStatus.Active, await host.HookStatusAsync(healthyId));
        Assert.Contains(host.Receiver.Requests, r => DispatchTestData.EventIdOf(r) == "healthy");
    }

    // Each delivery is either tried once or, once the circuit opened, deferred untried.
    private static async Task<List<Delivery>> AttemptedAsync(DispatchHost host, int hookId, int count) =>
        await Eventually.UntilAsync(
            () => host.StoredDeliveriesAsync(hookId),
            deliveries => deliveries.Count == count && deliveries.All(d => d.LastError is not null),
            $"{count} deliveries tried or deferred");
}
