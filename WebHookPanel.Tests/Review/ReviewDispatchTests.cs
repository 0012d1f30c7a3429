using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Dispatching;
using WebHookPanel.Review;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Review;

/// <summary>What the receiver gets while a marketer's version waits for review, and after an admin decides.</summary>
public sealed class ReviewDispatchTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NoQuickRetries = new()
    {
        ["Dispatcher:QuickRetries"] = "0",
    };

    private DispatchHost _host = null!;

    private WebHookCommands Commands => _host.Factory.Services.GetRequiredService<WebHookCommands>();

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync(NoQuickRetries);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MarketerCreate_EventBeforeApproval_MakesNoDeliveryAndLaterOnesUseTheApprovedVersion()
    {
        var saved = await Commands.CreateAsync(Hook("/ok/first"), TestActors.Marketer, Token);
        var id = saved.Id!.Value;

        using var early = await _host.PostEventsAsync(DispatchTestData.Event("before-approval"));
        var pending = await _host.DeliveriesAsync(id);
        using var approval = await ApproveAsync(id, 1);
        using var late = await _host.PostEventsAsync(DispatchTestData.Event("after-approval"));
        var delivery = await _host.OnlyDeliveryWhenAsync(id, d => d.Status == DeliveryStatus.Succeeded, "delivered");

        Assert.Equal(HttpStatusCode.Accepted, early.StatusCode);
        Assert.Equal(0, pending.Total);
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal("after-approval", delivery.EventId);
        Assert.Equal(1, delivery.WebHookVersion);
        var request = Assert.Single(_host.Receiver.Requests);
        Assert.EndsWith("/ok/first", request.Url, StringComparison.Ordinal);
        Assert.Equal("after-approval", DispatchTestData.EventIdOf(request));
    }

    [Fact]
    public async Task MarketerChange_LiveHook_OldVersionServesUntilApprovalThenTheNewOne()
    {
        var id = await _host.CreateHookAsync(Hook("/ok/v1"));
        var change = Hook("/ok/v2");
        change.Trigger = new Trigger { Type = TriggerType.Geofence };
        var revised = await Commands.ReviseAsync(id, change, TestActors.Marketer, Token);

        using var click = await _host.PostEventsAsync(DispatchTestData.Event("click-1"));
        using var fence = await _host.PostEventsAsync(DispatchTestData.Event("fence-1", type: "Geofence"));
        await Eventually.UntilAsync(() => _host.Receiver.Requests.Count == 1, "the old version sent");
        var whilePending = await _host.DeliveriesAsync(id);
        using var approval = await ApproveAsync(id, 2);
        using var laterClick = await _host.PostEventsAsync(DispatchTestData.Event("click-2"));
        using var laterFence = await _host.PostEventsAsync(DispatchTestData.Event("fence-2", type: "Geofence"));
        await Eventually.UntilAsync(() => _host.Receiver.Requests.Count == 2, "the new version sent");

        Assert.True(revised.Succeeded);
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal(["click-1"], whilePending.Items.Select(d => d.EventId));
        Assert.Equal(1, whilePending.Items[0].WebHookVersion);
        var requests = _host.Receiver.Requests.ToList();
        Assert.EndsWith("/ok/v1", requests[0].Url, StringComparison.Ordinal);
        Assert.Equal("click-1", DispatchTestData.EventIdOf(requests[0]));
        Assert.EndsWith("/ok/v2", requests[1].Url, StringComparison.Ordinal);
        Assert.Equal("fence-2", DispatchTestData.EventIdOf(requests[1]));
        var deliveries = await _host.DeliveriesAsync(id);
        Assert.Equal([2, 1], deliveries.Items.Select(d => d.WebHookVersion));
    }

    [Fact]
    public async Task Reject_WithComment_OldVersionKeepsServingAndTheNextChangeWaitsAgain()
    {
        var id = await _host.CreateHookAsync(Hook("/ok/v1"));
        await Commands.ReviseAsync(id, Hook("/ok/v2"), TestActors.Marketer, Token);

        using var rejection = await _host.Api.PostAsJsonAsync(
            $"/api/webhooks/{id}/reject",
            new { version = 2, comment = "Use the EU endpoint." },
            PanelJson.Options,
            Token);
        using var evt = await _host.PostEventsAsync(DispatchTestData.Event("after-rejection"));
        await Eventually.UntilAsync(() => _host.Receiver.Requests.Count == 1, "the version in force sent");
        var rejected = await ReadAsync(id);
        await Commands.ReviseAsync(id, Hook("/ok/v3"), TestActors.Marketer, Token);
        var resubmitted = await ReadAsync(id);

        Assert.Equal(HttpStatusCode.OK, rejection.StatusCode);
        Assert.EndsWith("/ok/v1", Assert.Single(_host.Receiver.Requests).Url, StringComparison.Ordinal);
        Assert.Equal(WebHookStatus.Active, rejected.Status);
        Assert.Equal(1, rejected.ActiveVersion);
        Assert.Equal(ReviewState.Rejected, rejected.Review!.State);
        Assert.Equal("Use the EU endpoint.", rejected.Review.LastDecision!.Comment);
        Assert.NotEmpty(rejected.Review.LastDecision.Reviewer);
        Assert.Equal(ReviewState.Pending, resubmitted.Review!.State);
        Assert.Equal(3, resubmitted.Review.PendingVersion);
        Assert.Equal(1, resubmitted.ActiveVersion);
    }

    [Fact]
    public async Task ReceiverAnswersGone_TheDispatchersPause_IsAuditedAsTheSystem()
    {
        var id = await _host.CreateHookAsync(Hook("/gone"));

        using var evt = await _host.PostEventsAsync(DispatchTestData.Event("gone-1"));
        await Eventually.UntilAsync(
            () => _host.HookStatusAsync(id),
            status => status == WebHookStatus.Paused,
            "the hook paused on 410 Gone");

        await using var context = await _host.Database.CreateDbContextAsync(Token);
        var target = id.ToString(CultureInfo.InvariantCulture);
        var paused = await context.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.TargetId == target && e.Action == "webhook.paused", Token);
        Assert.Equal("system", paused.Actor);
        Assert.Contains("410 Gone", paused.Summary, StringComparison.Ordinal);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replay_AfterTheAdminFixedTheUri_SendsTheVersionInForceAndRecordsIt()
    {
        var id = await _host.CreateHookAsync(Hook("/redirect"));
        using var posted = await _host.PostEventsAsync(DispatchTestData.Event("fixed-later"));
        var failed = await _host.OnlyDeliveryWhenAsync(id, d => d.Status == DeliveryStatus.Failed, "failed");
        var fixedUri = await Commands.ReviseAsync(id, Hook("/ok/fixed"), TestActors.Admin, Token);

        using var replay = await _host.Api.PostAsync($"/api/deliveries/{failed.Id}/replay", null, Token);
        var replayed = await _host.OnlyDeliveryWhenAsync(id, d => d.Status == DeliveryStatus.Succeeded, "replayed");

        Assert.Equal(1, failed.WebHookVersion);
        Assert.True(fixedUri.Succeeded);
        Assert.Equal(2, replayed.WebHookVersion);
        Assert.EndsWith("/ok/fixed", _host.Receiver.Requests.Last().Url, StringComparison.Ordinal);
        Assert.Equal(
            _host.Receiver.Requests.First().Header("webhook-id"),
            _host.Receiver.Requests.Last().Header("webhook-id"));
    }

    private WebHookResource Hook(string path) => DispatchTestData.Hook(_host.Receiver.BaseUrl + path);

    private Task<HttpResponseMessage> ApproveAsync(int id, int version) =>
        _host.Api.PostAsJsonAsync($"/api/webhooks/{id}/approve", new { version }, PanelJson.Options, Token);

    private async Task<WebHookResource> ReadAsync(int id) =>
        (await _host.Api.GetFromJsonAsync<WebHookResource>($"/api/webhooks/{id}", PanelJson.Options, Token))!;
}
