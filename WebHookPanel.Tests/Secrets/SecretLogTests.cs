using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using WebHookPanel.Api;
using WebHookPanel.Dispatching;
using WebHookPanel.Requests;
using WebHookPanel.Secrets;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Secrets;

/// <summary>
/// Every log entry of a panel that saves, sends, fails to send, previews and reveals secrets, at every level and
/// from every category (the framework's included), and the delivery log it keeps: none holds a secret.
/// </summary>
public sealed class SecretLogTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatcher:QuickRetries"] = "0",
        ["Dispatcher:AttemptTimeout"] = "00:00:02",
        ["Dispatcher:Schedule:0"] = "01:00:00",
    };

    private readonly string _apiKey = $"api-key-{Guid.NewGuid():N}";
    private readonly string _token = $"token-{Guid.NewGuid():N}";
    private LoggedPanel _panel = null!;

    private HttpClient Api => _panel.Api;

    private RecordingReceiver Receiver => _panel.Receiver;

    private RecordingLoggerProvider Logs => _panel.Logs;

    public async ValueTask InitializeAsync() => _panel = await LoggedPanel.StartAsync(Settings);

    public async ValueTask DisposeAsync() => await _panel.DisposeAsync();

    [Fact]
    public async Task SaveSendFailPreviewReveal_EveryLogEntry_HoldsNoSecret()
    {
        var sent = await CreateAsync("/ok", signed: true);
        var failing = await CreateAsync("/fail", signed: false);
        var unbuildable = await CreateAsync("/ok/{missing}", signed: false);
        var replaced = $"replaced-{Guid.NewGuid():N}";
        var revision = await Api.GetFromJsonAsync<WebHookResource>($"/api/webhooks/{sent}", PanelJson.Options, Token);
        revision!.Headers[1].Value = $"Bearer {replaced}";
        using (var put = await Api.PutAsJsonAsync($"/api/webhooks/{sent}", revision, PanelJson.Options, Token))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var posted = await Api.PostAsJsonAsync("/api/events", DispatchTestData.Event("logged"), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        await Eventually.UntilAsync(
            async () => (await DeliveryAsync(sent), await DeliveryAsync(failing), await DeliveryAsync(unbuildable)),
            d => d is (DeliveryStatus.Succeeded, DeliveryStatus.Pending, DeliveryStatus.Failed),
            "one delivery succeeded, one waits for a retry and one failed unsent");
        using var test = await Api.PostAsJsonAsync(
            $"/api/webhooks/{failing}/test",
            new { @event = DispatchTestData.Event("logged-test") },
            Token);
        using var preview = await Api.PostAsJsonAsync(
            "/api/webhooks/preview?reveal=true",
            new { webhook = revision, @event = DispatchTestData.Event("logged-preview") },
            PanelJson.Options,
            Token);
        using var reveal = await Api.PostAsJsonAsync(
            $"/api/webhooks/{sent}/secrets/reveal",
            new { header = "X-Api-Key" },
            Token);
        using var signing = await Api.PostAsync($"/api/webhooks/{sent}/signing-secret/reveal", null, Token);
        var signingSecret = (await signing.Content.ReadFromJsonAsync<RevealedSigningSecret>(Token))!.Secret;

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        var received = Receiver.Requests.Where(r => r.Url.Contains("/ok", StringComparison.Ordinal)).ToList();
        Assert.Contains(received, r => r.Header("Authorization") == $"Bearer {replaced}");
        Assert.Contains(Receiver.Requests, r => r.Url.Contains("/fail", StringComparison.Ordinal));
        var deliveryLog = await Api.GetStringAsync($"/api/webhooks/{sent}/deliveries", Token)
            + await Api.GetStringAsync($"/api/webhooks/{failing}/deliveries", Token)
            + await test.Content.ReadAsStringAsync(Token);
        Assert.Contains($"\"value\":\"{SecretMask.Value}\"", deliveryLog, StringComparison.Ordinal);
        var entries = Logs.Entries.ToList();
        Assert.Contains(entries, e => e.Category == typeof(DeliveryWorker).FullName && e.Level == LogLevel.Debug);
        Assert.Contains(entries, e => e.Category == typeof(DeliveryWorker).FullName && e.Level == LogLevel.Warning);
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        foreach (var secret in new[] { _apiKey, _token, replaced, signingSecret["whsec_".Length..] })
        {
            var leaks = entries.Where(e => e.Text.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"A log entry holds a secret: {leaks.FirstOrDefault()}");
            Assert.DoesNotContain(secret, deliveryLog, StringComparison.Ordinal);
        }
    }

    private async Task<int> CreateAsync(string path, bool signed)
    {
        var hook = DispatchTestData.Hook(Receiver.BaseUrl + path);
        hook.Signing.Enabled = signed;
        hook.UriParameters = [.. UriTemplateParser.Parse(hook.Uri).ParameterNames
            .Select(name => new UriParameter { Name = name, Label = name })];
        hook.Headers =
        [
            new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = _apiKey, Secret = true },
            new FieldRow { Key = "Authorization", Source = ValueSource.Fixed, Value = $"Bearer {_token}" },
        ];
        using var response = await Api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        return (await response.Content.ReadFromJsonAsync<WebHookResource>(PanelJson.Options, Token))!.Id!.Value;
    }

    private async Task<DeliveryStatus?> DeliveryAsync(int hookId)
    {
        var page = await Api.GetFromJsonAsync<DeliveryPage>(
            $"/api/webhooks/{hookId}/deliveries",
            PanelJson.Options,
            Token);

        return page!.Items.Count == 1 ? page.Items[0].Status : null;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
