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

    private const string NotSent = WebHookSender.Deferral;

    private const string QuickRetryRefused =
        "HTTP 500 Internal Server Error; not tried again at once: too many recent failures at this host";

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
        time.Advance(WebHookSender.CircuitBreak * 1.2);
        var sent = await host.OnlyDeliveryWhenAsync(
            healthyId,
            d => d.Status == DeliveryStatus.Succeeded,
            "the healthy hook's delivery went out once the circuit let it");

        Assert.Equal(DeliveryStatus.Pending, deferred.Status);
        Assert.Equal(NotSent, deferred.LastError);
        Assert.Equal(0, deferred.AttemptCount);
        Assert.Equal(0, waiting.ScheduleStep);
        Assert.Equal(1, waiting.Deferrals);
        Assert.InRange(waiting.NextAttemptAt, time.GetUtcNow() - TimeSpan.FromSeconds(1), time.GetUtcNow());
        Assert.Equal(1, sent.AttemptCount);
        Assert.Equal(WebHookStatus.Active, await host.HookStatusAsync(healthyId));
        Assert.Contains(host.Receiver.Requests, r => DispatchTestData.EventIdOf(r) == "healthy");
    }

    [Fact]
    public async Task Send_QuickRetryRefusedByTheCircuitItsTryOpened_CountsTheTryAsTheAttempt()
    {
        // Real time: quick retries wait for it.
        await using var host = await DispatchHost.StartAsync(
            new Dictionary<string, string?> { ["Dispatcher:Schedule:0"] = "01:00:00" });
        var failingId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/fail"));

        var flood = Enumerable.Range(0, Failures).Select(i => DispatchTestData.Event($"qr-{i}")).ToArray();
        using var flooded = await host.PostEventsAsync(flood);
        var stored = await AttemptedAsync(host, failingId, Failures);

        // Every delivery whose webhook-id reached the receiver has its attempt counted and logged; only those
        // that never reached it wait for the circuit.
        var reached = host.Receiver.Requests.Select(r => r.Header("webhook-id")).ToHashSet();
        Assert.All(stored, d => Assert.Equal(reached.Contains(d.MessageId) ? 1 : 0, d.AttemptCount));
        Assert.All(
            stored.Where(d => !reached.Contains(d.MessageId)),
            d => Assert.Equal(WebHookSender.Deferral, d.LastError));
        Assert.Contains(stored, d => d.LastError == QuickRetryRefused);
    }

    [Fact]
    public void DeferralWait_InARow_DoublesFromTheBreakToFiveMinutesWithAFifthAtRandom()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), DeliveryBatchWriter.DeferralWait(0));
        Assert.Equal(TimeSpan.FromSeconds(6), DeliveryBatchWriter.DeferralWait(0, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(40), DeliveryBatchWriter.DeferralWait(3));
        Assert.Equal(TimeSpan.FromMinutes(5), DeliveryBatchWriter.DeferralWait(6));
        Assert.Equal(TimeSpan.FromMinutes(5), DeliveryBatchWriter.DeferralWait(int.MaxValue));
    }

    // Each delivery is either tried once or, once the circuit opened, deferred untried.
    private static async Task<List<Delivery>> AttemptedAsync(DispatchHost host, int hookId, int count) =>
        await Eventually.UntilAsync(
            () => host.StoredDeliveriesAsync(hookId),
            deliveries => deliveries.Count == count && deliveries.All(d => d.LastError is not null),
            $"{count} deliveries tried or deferred");
}
