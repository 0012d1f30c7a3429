using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Api;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

public sealed class DeliveryTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NoQuickRetries = new()
    {
        ["Dispatcher:QuickRetries"] = "0",
        ["Dispatcher:AttemptTimeout"] = "00:00:00.500",
        ["Dispatcher:Schedule:0"] = "01:00:00",
    };

    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync(NoQuickRetries);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostEvents_ActiveHook_ReceiverGetsWhatPreviewPromised()
    {
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok/users/{userId}?c={campaign}");
        hook.UriParameters =
        [
            new UriParameter { Name = "userId", Label = "CRM user id" },
            new UriParameter { Name = "campaign", Label = "Campaign", Default = "none" },
        ];
        hook.Headers =
        [
            new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = "s3cr3t", Secret = true },
            new FieldRow { Key = "X-Email", Source = ValueSource.Profile, Value = "email" },
            new FieldRow { Key = "X-Phone", Source = ValueSource.Profile, Value = "phone" },
        ];
        hook.Parameters.Add(new FieldRow { Key = "platform", Source = ValueSource.Device, Value = "platform" });
        var hookId = await _host.CreateHookAsync(hook);
        var evt = DispatchTestData.Event("e2e-1", parameters: new() { ["userId"] = "a b/ş" });
        using var previewResponse = await _host.Api.PostAsJsonAsync(
            "/api/webhooks/preview?reveal=true",
            new { webhook = hook, @event = evt },
            PanelJson.Options,
            Token);
        var preview = await previewResponse.Content.ReadFromJsonAsync<PreviewResponse>(PanelJson.Options, Token);

        using var response = await _host.PostEventsAsync(evt);
        await Eventually.UntilAsync(() => _host.Receiver.Requests.Count == 1, "the receiver got the request");

        var received = _host.Receiver.Requests.Single();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(preview!.Method, received.Method);
        Assert.Equal(preview.Url, received.Url);
        Assert.Equal(preview.Body, received.Body);

        // Every header the preview lists arrives with the value it showed; webhook-id names each delivery afresh.
        var identified = preview.Headers.Where(h => h.Name == WebHookSender.MessageIdHeader).ToList();
        Assert.Single(identified);
        Assert.All(preview.Headers.Except(identified), h => Assert.Equal(h.Value, received.Header(h.Name)));
        var extra = received.Headers.Select(h => h.Key)
            .Except(preview.Headers.Select(h => h.Name), StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["Content-Length", "Host"], extra);
        var delivery = await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Succeeded, "success");
        Assert.Equal(delivery.MessageId, received.Header("webhook-id"));
        var attempt = Assert.Single(delivery.Attempts).Attempt;
        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Contains(attempt.RequestHeaders, h => h is { Name: "X-Api-Key", Value: WebHookSender.Mask });
        Assert.Equal(["X-Phone: profile attribute 'phone' is missing"], attempt.Omitted);
    }

    [Fact]
    public async Task PostEvents_SameIdTwice_DeliversOnce()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok"));

        using var first = await _host.PostEventsAsync(DispatchTestData.Event("dup-1"));
        using var second = await _host.PostEventsAsync(new[] { DispatchTestData.Event("dup-1") });

        var accepted = await second.Content.ReadFromJsonAsync<EventsAccepted>(Token);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(["dup-1"], accepted!.Ids);
        await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Succeeded, "one success");
        Assert.Single(_host.Receiver.Requests);
    }

    [Fact]
    public async Task PostEvents_FilteredHook_MatchesOnlyItsEventCode()
    {
        var hookId = await _host.CreateHookAsync(
            DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok", trigger: TriggerType.Event, filter: "purchase"));

        using var other = await _host.PostEventsAsync(DispatchTestData.Event("f-1", "Event", "signup"));
        using var match = await _host.PostEventsAsync(DispatchTestData.Event("f-2", "Event", "purchase"));

        var delivery = await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Succeeded, "one");
        Assert.Equal("f-2", delivery.EventId);
    }

    [Fact]
    public async Task Delivery_Gone_PausesHookAndHoldsLaterEventsUntilResumed()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/gone"));

        using var first = await _host.PostEventsAsync(DispatchTestData.Event("gone-1"));
        await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Failed, "failed on 410");
        using var second = await _host.PostEventsAsync(DispatchTestData.Event("gone-2"));

        Assert.Equal(WebHookStatus.Paused, await _host.HookStatusAsync(hookId));
        var page = await _host.DeliveriesAsync(hookId);
        Assert.Equal(DeliveryStatus.Held, page.Items[0].Status);
        Assert.Single(_host.Receiver.Requests);

        using var resumed = await _host.Api.PostAsync($"/api/webhooks/{hookId}/resume", null, Token);
        await Eventually.UntilAsync(() => _host.Receiver.Requests.Count == 2, "the held delivery was sent");
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
    }

    [Fact]
    public async Task Delivery_ThresholdOfFailuresInARow_PausesHookAndHoldsTheNext()
    {
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dispatcher:QuickRetries"] = "0",
            ["Dispatcher:PauseThreshold"] = "3",
        });
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/reject"));

        using var posted = await host.PostEventsAsync(
            new[] { DispatchTestData.Event("p-1"), DispatchTestData.Event("p-2"), DispatchTestData.Event("p-3") });
        await Eventually.UntilAsync(
            () => host.HookStatusAsync(hookId),
            status => status == WebHookStatus.Paused,
            "the hook paused after three failed deliveries");
        using var later = await host.PostEventsAsync(DispatchTestData.Event("p-4"));

        var deliveries = await host.StoredDeliveriesAsync(hookId);
        Assert.Equal(
            [DeliveryStatus.Failed, DeliveryStatus.Failed, DeliveryStatus.Failed, DeliveryStatus.Held],
            deliveries.Select(d => d.Status));
        Assert.Equal("HTTP 400 Bad Request", deliveries[0].LastError);
        Assert.Equal(3, host.Receiver.Requests.Count);
    }

    [Fact]
    public async Task Delivery_Redirect_FailsWithoutFollowing()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/redirect"));

        using var response = await _host.PostEventsAsync(DispatchTestData.Event("r-1"));

        var delivery = await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Failed, "failed");
        Assert.Contains("redirects are not followed", delivery.LastError, StringComparison.Ordinal);
        Assert.Single(_host.Receiver.Requests);
    }

    [Fact]
    public async Task Delivery_MissingUriParameter_FailsUnsentWithBuilderError()
    {
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok/{account}");
        hook.UriParameters = [new UriParameter { Name = "account", Label = "Account" }];
        var hookId = await _host.CreateHookAsync(hook);

        using var response = await _host.PostEventsAsync(DispatchTestData.Event("m-1"));

        var delivery = await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Failed, "failed");
        Assert.Equal("missing value for URI parameter 'account'", delivery.LastError);
        Assert.Empty(_host.Receiver.Requests);
    }

    [Fact]
    public async Task Delivery_EventsWithoutAUriParameterThresholdTimes_HookStaysActiveAndSendsTheNextGoodOne()
    {
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dispatcher:PauseThreshold"] = "3",
        });
        var hook = DispatchTestData.Hook(host.Receiver.BaseUrl + "/ok/{account}");
        hook.UriParameters = [new UriParameter { Name = "account", Label = "Account" }];
        var hookId = await host.CreateHookAsync(hook);
        var bad = Enumerable.Range(0, 4)
            .Select(i => DispatchTestData.Event($"no-account-{i}", parameters: []))
            .ToArray();

        using var badPosted = await host.PostEventsAsync(bad);
        await Eventually.UntilAsync(
            () => host.StoredDeliveriesAsync(hookId),
            all => all.Count == 4 && all.All(d => d.Status == DeliveryStatus.Failed),
            "the four events without a value failed");
        using var goodPosted = await host.PostEventsAsync(DispatchTestData.Event(
            "with-account",
            parameters: new Dictionary<string, string> { ["account"] = "a-1" }));

        var stored = await Eventually.UntilAsync(
            () => host.StoredDeliveriesAsync(hookId),
            all => all.Count == 5 && all[^1].Status == DeliveryStatus.Succeeded,
            "the event with a value was delivered");
        Assert.Equal(WebHookStatus.Active, await host.HookStatusAsync(hookId));
        Assert.All(stored.Take(4), d => Assert.True(d.EventAtFault));
        Assert.False(stored[^1].EventAtFault);
        Assert.EndsWith("/ok/a-1", Assert.Single(host.Receiver.Requests).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_BadEventsBetweenASuccessAndTwoFailures_RuleLooksPastThemAndKeepsTheHookActive()
    {
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dispatcher:QuickRetries"] = "0",
            ["Dispatcher:PauseThreshold"] = "3",
        });
        var hook = DispatchTestData.Hook(host.Receiver.BaseUrl + "/{answer}/x");
        hook.UriParameters = [new UriParameter { Name = "answer", Label = "Answer" }];
        var hookId = await host.CreateHookAsync(hook);

        // Ended one by one, so that their order is the order the rule reads: success, two bad events, two failures.
        string?[] answers = ["ok", null, null, "reject", "reject"];
        for (var i = 0; i < answers.Length; i++)
        {
            var parameters = answers[i] is { } answer ? new Dictionary<string, string> { ["answer"] = answer } : [];
            using var posted = await host.PostEventsAsync(DispatchTestData.Event($"mix-{i}", parameters: parameters));
            var count = i + 1;
            await Eventually.UntilAsync(
                () => host.StoredDeliveriesAsync(hookId),
                all => all.Count == count && all.All(d => d.FinishedAt is not null),
                $"{count} deliveries ended");
        }

        Assert.Equal(WebHookStatus.Active, await host.HookStatusAsync(hookId));
        Assert.Equal(3, host.Receiver.Requests.Count);
    }

    [Fact]
    public async Task Delivery_ReceiverHangs_TimesOutAndWaitsForTheSchedule()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/hang"));

        using var response = await _host.PostEventsAsync(DispatchTestData.Event("h-1"));

        var delivery = await _host.OnlyDeliveryWhenAsync(
            hookId,
            d => d.Status == DeliveryStatus.Pending && d.AttemptCount == 1,
            "one timed-out attempt");
        Assert.StartsWith("timed out", delivery.LastError, StringComparison.Ordinal);
        Assert.True(delivery.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(50));
    }

    [Fact]
    public async Task ReplayDead_AfterServerErrors_SendsAgainWithTheSameWebhookId()
    {
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dispatcher:QuickRetries"] = "0",
            ["Dispatcher:Schedule:0"] = "00:00:00",
        });
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/fail"));
        using var posted = await host.PostEventsAsync(DispatchTestData.Event("d-1"));
        await host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Dead, "dead after two attempts");

        using var replay = await host.Api.PostAsync($"/api/webhooks/{hookId}/replay-dead", null, Token);

        var delivery = await host.OnlyDeliveryWhenAsync(
            hookId,
            d => d.Status == DeliveryStatus.Dead && d.AttemptCount == 4,
            "dead again after replay");
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(4, host.Receiver.Requests.Count);
        Assert.All(host.Receiver.Requests, r => Assert.Equal(delivery.MessageId, r.Header("webhook-id")));
    }

    [Fact]
    public async Task Replay_ManyAtOnce_OnlyOneStartsOverAndTheDeliveryGoesOutOnceMore()
    {
        // The replayed send waits at the gate, so every other replay meets it pending or in flight.
        _host.Receiver.GateAfter = 1;
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/gated"));
        using var posted = await _host.PostEventsAsync(DispatchTestData.Event("r-1"));
        var sent = await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Succeeded, "sent once");
        var commands = _host.Factory.Services.GetRequiredService<DeliveryCommands>();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => commands.ReplayAsync(sent.Id, Token)));
        _host.Receiver.OpenGate();

        await _host.OnlyDeliveryWhenAsync(
            hookId,
            d => d.Status == DeliveryStatus.Succeeded && d.AttemptCount == 2,
            "sent once more");
        Assert.Single(results, r => r == ReplayResult.Replayed);
        Assert.All(results.Where(r => r != ReplayResult.Replayed), r => Assert.Equal(ReplayResult.NotFinished, r));
        Assert.Equal(2, _host.Receiver.Requests.Count);
    }

    [Fact]
    public async Task Replay_DeletedHook_Returns404AndLeavesTheDeadDeliveryAsItWas()
    {
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dispatcher:QuickRetries"] = "0",
            ["Dispatcher:Schedule:0"] = "00:00:00",
        });
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/fail"));
        using var posted = await host.PostEventsAsync(DispatchTestData.Event("del-1"));
        var dead = await host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Dead, "dead");
        using var deleted = await host.Api.DeleteAsync($"/api/webhooks/{hookId}", Token);

        using var replay = await host.Api.PostAsync($"/api/deliveries/{dead.Id}/replay", null, Token);
        using var replayDead = await host.Api.PostAsync($"/api/webhooks/{hookId}/replay-dead", null, Token);

        var stored = (await host.StoredDeliveriesAsync(hookId)).Single();
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replayDead.StatusCode);
        Assert.Equal(DeliveryStatus.Dead, stored.Status);
        Assert.Equal(dead.LastError, stored.LastError);
        Assert.Equal(2, host.Receiver.Requests.Count);
    }

    [Fact]
    public async Task Replay_HeldDelivery_Returns409SayingToResumeAndKeepsItHeld()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/gone"));
        using var first = await _host.PostEventsAsync(DispatchTestData.Event("held-1"));
        await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Failed, "failed on 410");
        using var second = await _host.PostEventsAsync(DispatchTestData.Event("held-2"));
        var held = (await _host.DeliveriesAsync(hookId)).Items[0];

        using var replay = await _host.Api.PostAsync($"/api/deliveries/{held.Id}/replay", null, Token);

        var problem = await replay.Content.ReadFromJsonAsync<ProblemDetails>(Token);
        Assert.Equal(DeliveryStatus.Held, held.Status);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("resume the webhook", problem!.Detail, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Held, (await _host.StoredDeliveriesAsync(hookId))[1].Status);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
