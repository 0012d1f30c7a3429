using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Dispatching;
using WebHookPanel.Tests.Support;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// Pausing or deleting a hook stops its deliveries that were already handed to the workers: only the attempts
/// already on the wire finish. A change reaches them too: they go out as the version in force.
/// </summary>
public sealed class StopInFlightTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> TwoWorkers = new() { ["Dispatcher:Workers"] = "2" };

    private DispatchHost _host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync(TwoWorkers);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delete_WhileDeliveriesWaitForWorkers_SendsNoMoreAndFailsThem()
    {
        var hookId = await StartTenBehindTheGateAsync();

        using var deleted = await _host.Api.DeleteAsync($"/api/webhooks/{hookId}", Token);
        await StopSeenAsync(hookId);
        _host.Receiver.OpenGate();

        var stored = await Eventually.UntilAsync(
            () => _host.StoredDeliveriesAsync(hookId),
            all => all.All(d => d.Status is DeliveryStatus.Succeeded or DeliveryStatus.Failed),
            "every delivery finished");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(2, _host.Receiver.Requests.Count);
        Assert.Equal(
            8,
            stored.Count(d => d is { Status: DeliveryStatus.Failed, LastError: "the webhook was deleted" }));
    }

    [Fact]
    public async Task Pause_WhileDeliveriesWaitForWorkers_HoldsThemUnsent()
    {
        var hookId = await StartTenBehindTheGateAsync();
        var commands = _host.Factory.Services.GetRequiredService<DeliveryCommands>();

        var paused = await commands.PauseAsync(hookId, TestActors.Admin, Token);
        await StopSeenAsync(hookId);
        _host.Receiver.OpenGate();

        var stored = await Eventually.UntilAsync(
            () => _host.StoredDeliveriesAsync(hookId),
            all => all.Count(d => d.Status == DeliveryStatus.Held) == 8,
            "the waiting deliveries are held");
        Assert.True(paused);
        Assert.Equal(2, _host.Receiver.Requests.Count);
        Assert.Equal(2, stored.Count(d => d.Status == DeliveryStatus.Succeeded));
    }

    [Fact]
    public async Task Delete_WhileAnAttemptRuns_GetsNoQuickRetryAfterItFails()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/gatedfail"));
        using var posted = await _host.PostEventsAsync(DispatchTestData.Event("no-retry-1"));
        await Eventually.UntilAsync(() => _host.Receiver.Requests.Count == 1, "the attempt waits at the gate");

        using var deleted = await _host.Api.DeleteAsync($"/api/webhooks/{hookId}", Token);
        await StopSeenAsync(hookId);
        _host.Receiver.OpenGate();

        var stored = await Eventually.UntilAsync(
            () => _host.StoredDeliveriesAsync(hookId),
            all => all.Single().Status == DeliveryStatus.Failed,
            "the delivery failed");
        Assert.Equal("the webhook was deleted", stored.Single().LastError);
        Assert.Single(_host.Receiver.Requests);
    }

    [Fact]
    public async Task Change_WhileDeliveriesWaitForWorkers_TheyGoOutAsTheVersionInForce()
    {
        var hookId = await StartTenBehindTheGateAsync();
        var sendable = _host.Factory.Services.GetRequiredService<SendableHooks>();

        using var changed = await _host.Api.PutAsJsonAsync(
            $"/api/webhooks/{hookId}",
            DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok/changed"),
            PanelJson.Options,
            Token);
        await Eventually.UntilAsync(() => sendable.VersionInForce(hookId) == 2, "the dispatcher saw version 2");
        _host.Receiver.OpenGate();

        var stored = await Eventually.UntilAsync(
            () => _host.StoredDeliveriesAsync(hookId),
            all => all.All(d => d.Status == DeliveryStatus.Succeeded),
            "every delivery succeeded");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(8, _host.Receiver.Requests.Count(r => r.Url.EndsWith("/ok/changed", StringComparison.Ordinal)));
        Assert.Equal(8, stored.Count(d => d.WebHookVersion == 2));
    }

    // Two deliveries wait at the receiver's gate, eight wait for a free worker.
    private async Task<int> StartTenBehindTheGateAsync()
    {
        _host.Receiver.GateAfter = 0;
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/gated"));
        using var posted = await _host.PostEventsAsync(
            Enumerable.Range(0, 10).Select(i => DispatchTestData.Event($"stop-{i}")).ToArray());
        await Eventually.UntilAsync(() => _host.Receiver.Requests.Count == 2, "two requests wait at the gate");

        return hookId;
    }

    private async Task StopSeenAsync(int hookId)
    {
        var sendable = _host.Factory.Services.GetRequiredService<SendableHooks>();
        await Eventually.UntilAsync(() => !sendable.Allows(hookId), "the dispatcher saw the hook stop");
    }
}
