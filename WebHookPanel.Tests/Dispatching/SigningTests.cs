using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;
using WebHookPanel.Api;
using WebHookPanel.Dispatching;
using WebHookPanel.Signing;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>Signed requests as a receiver checks them, with the independent Standard Webhooks verifier.</summary>
public sealed class SigningTests : IAsyncLifetime
{
    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delivery_SigningEnabled_ReceiverVerifiesTheSignature()
    {
        var hookId = await CreateSignedHookAsync();

        using var response = await _host.PostEventsAsync(DispatchTestData.Event("sig-1"));
        var delivery = await _host.OnlyDeliveryWhenAsync(
            hookId,
            d => d.Status == DeliveryStatus.Succeeded,
            "the signed delivery succeeded");

        var received = _host.Receiver.Requests.Single();
        var secret = await Keys.CurrentAsync(hookId, Token);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(delivery.MessageId, received.Header("webhook-id"));
        Verify(secret, received);
    }

    [Fact]
    public async Task TestSend_DuringRotation_SignsWithBothSecrets()
    {
        var hookId = await CreateSignedHookAsync();
        var oldSecret = await Keys.CurrentAsync(hookId, Token);
        await Keys.RotateAsync(hookId, _ => { }, Token);
        var newSecret = await Keys.CurrentAsync(hookId, Token);

        await TestSendAsync(hookId);

        var received = _host.Receiver.Requests.Single();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal(2, received.Header("webhook-signature")!.Split(' ').Length);
        Assert.StartsWith("msg_", received.Header("webhook-id"), StringComparison.Ordinal);
        VerifyAny(oldSecret, received);
        VerifyAny(newSecret, received);
    }

    [Fact]
    public async Task Preview_SavedSignedHook_ListsSigningHeadersThatVerify()
    {
        var hookId = await CreateSignedHookAsync();
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok");
        hook.Id = hookId;
        hook.Signing.Enabled = true;

        using var response = await _host.Api.PostAsJsonAsync(
            "/api/webhooks/preview",
            new { webhook = hook, @event = DispatchTestData.Event("sig-preview") },
            PanelJson.Options,
            Token);
        var preview = await response.Content.ReadFromJsonAsync<PreviewResponse>(PanelJson.Options, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = preview!.Headers.Select(h => h.Name).ToList();
        Assert.Contains("webhook-id", names);
        Assert.Contains("webhook-timestamp", names);
        Assert.Contains("webhook-signature", names);
        Assert.Contains("-H 'webhook-signature: v1,", preview.Curl, StringComparison.Ordinal);
        var headers = new HeaderDictionary();
        foreach (var header in preview.Headers)
        {
            headers[header.Name] = header.Value;
        }

        new StandardWebhook(await Keys.CurrentAsync(hookId, Token)).Verify(preview.Body!, headers);
    }

    [Fact]
    public async Task Preview_UnsignedHook_ListsTheWebhookIdEveryRequestCarries()
    {
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok");

        using var response = await _host.Api.PostAsJsonAsync(
            "/api/webhooks/preview",
            new { webhook = hook, @event = DispatchTestData.Event("unsigned-preview") },
            PanelJson.Options,
            Token);
        var preview = await response.Content.ReadFromJsonAsync<PreviewResponse>(PanelJson.Options, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = preview!.Headers.Select(h => h.Name).ToList();
        Assert.Equal(["webhook-id"], names.Where(n => n.StartsWith("webhook-", StringComparison.Ordinal)));
        Assert.Contains("-H 'webhook-id: msg_", preview.Curl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_SavedSecret_StillDecrypts()
    {
        var hookId = await CreateSignedHookAsync();
        var before = await Keys.CurrentAsync(hookId, Token);

        await _host.StopPanelAsync();
        _host.Restart(null, null);
        var after = await Keys.CurrentAsync(hookId, Token);

        Assert.Equal(before, after);
    }

    private SigningKeyStore Keys => _host.Factory.Services.GetRequiredService<SigningKeyStore>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static void Verify(string secret, ReceivedRequest received)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in received.Headers)
        {
            headers[name] = value;
        }

        new StandardWebhook(secret).Verify(received.Body, headers);
    }

    // StandardWebhooks 1.1.2 never compares the last signature of a list (the loop bug fixed for the same code in
    // svix/svix-webhooks#2393), so each signature is offered to it alone; one of them must verify.
    private static void VerifyAny(string secret, ReceivedRequest received)
    {
        var signatures = received.Header("webhook-signature")!.Split(' ');
        var verified = signatures.Count(signature =>
        {
            var headers = new HeaderDictionary
            {
                ["webhook-id"] = received.Header("webhook-id"),
                ["webhook-timestamp"] = received.Header("webhook-timestamp"),
                ["webhook-signature"] = signature,
            };
            try
            {
                new StandardWebhook(secret).Verify(received.Body, headers);

                return true;
            }
            catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
            {
                return false;
            }
        });

        Assert.Equal(1, verified);
    }

    private async Task<int> CreateSignedHookAsync()
    {
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok");
        hook.Signing.Enabled = true;

        return await _host.CreateHookAsync(hook);
    }

    private async Task TestSendAsync(int hookId)
    {
        using var response = await _host.Api.PostAsJsonAsync(
            $"/api/webhooks/{hookId}/test",
            new { @event = DispatchTestData.Event("sig-test") },
            PanelJson.Options,
            Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
