using Microsoft.Extensions.Time.Testing;
using WebHookPanel.Dispatching;
using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

public sealed class LeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatcher:QuickRetries"] = "0",
        ["Dispatcher:Lease"] = "00:05:00",
    };

    [Fact]
    public async Task Claim_LeaseOfAStoppedProcessRunsOut_SendsItAgainWithItsWebhookId()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DispatchHost.StartAsync(Settings, time);
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/ok"));
        var messageId = await LeaseForAnotherProcessAsync(host, hookId, "orphan-1", time.GetUtcNow());

        time.Advance(Lease - TimeSpan.FromSeconds(1));
        using var probe = await host.PostEventsAsync(DispatchTestData.Event("probe-1"));
        await Eventually.UntilAsync(() => host.Receiver.Requests.Count == 1, "the probe event arrived");
        var beforeExpiry = host.Receiver.Requests.Select(DispatchTestData.EventIdOf).ToList();

        // Each look moves the clock on a second, so whichever poll is pending next finds the lease run out.
        await Eventually.UntilAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));

                return host.Receiver.Requests.Any(r => DispatchTestData.EventIdOf(r) == "orphan-1");
            },
            "the delivery whose lease ran out was claimed again");

        Assert.Equal(["probe-1"], beforeExpiry);
        var resent = host.Receiver.Requests.Where(r => DispatchTestData.EventIdOf(r) == "orphan-1");
        Assert.All(resent, r => Assert.Equal(messageId, r.Header(WebHookSender.MessageIdHeader)));
        await Eventually.UntilAsync(
            () => host.DeliveriesAsync(hookId),
            page => page.Items.Count == 2 && page.Items.All(d => d.Status == DeliveryStatus.Succeeded),
            "both deliveries succeeded");
    }

    // Stores what a process leaves behind when it is killed right after its commit: an event whose delivery is
    // in flight under that process's lease.
    private static async Task<string> LeaseForAnotherProcessAsync(
        DispatchHost host,
        int hookId,
        string eventId,
        DateTimeOffset now)
    {
        await using var context = await host.Database.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var evt = new WebHookEvent { Id = eventId, Type = TriggerType.PushClick };
        evt.Context["eventId"] = eventId;
        var stored = StoredEvent.Create(eventId, evt, now);
        var delivery = Delivery.CreateLeased(stored, hookId, 1, "killed-process", now, now + Lease);
        context.Events.Add(stored);
        context.Deliveries.Add(delivery);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);

        return delivery.MessageId;
    }
}
