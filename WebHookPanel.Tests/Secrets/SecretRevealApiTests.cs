using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Api;
using WebHookPanel.ApiKeys;
using WebHookPanel.Audit;
using WebHookPanel.Secrets;
using WebHookPanel.Signing;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Secrets;

/// <summary>Revealing and rotating secrets through the admin API, and the preview's masks.</summary>
public sealed class SecretRevealApiTests : IAsyncLifetime
{
    private readonly string _apiKey = $"api-key-{Guid.NewGuid():N}";
    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RevealHeader_Admin_AnswersStoredValueAndAuditsWithoutIt()
    {
        var hookId = await _host.CreateHookAsync(SecretHook());

        using var response = await _host.Api.PostAsJsonAsync(
            $"/api/webhooks/{hookId}/secrets/reveal",
            new { header = "x-api-key" },
            Token);

        var revealed = await response.Content.ReadFromJsonAsync<RevealedHeader>(Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_apiKey, revealed!.Value);
        var entry = Assert.Single(await AuditAsync(hookId));
        Assert.Equal(SecretAccess.RevealedAction, entry.Action);
        Assert.Equal(BootstrapApiKey.Name, entry.Actor);
        Assert.Contains("'X-Api-Key'", entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(_apiKey, entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Email")]
    [InlineData("X-Missing")]
    public async Task RevealHeader_NoSecretOfThatName_AnswersNotFoundAndAuditsNothing(string header)
    {
        var hookId = await _host.CreateHookAsync(SecretHook());

        using var response = await _host.Api.PostAsJsonAsync(
            $"/api/webhooks/{hookId}/secrets/reveal",
            new { header },
            Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await AuditAsync(hookId));
    }

    [Fact]
    public async Task RevealThenRotateSigningSecret_Admin_AuditsBoth()
    {
        var hookId = await _host.CreateHookAsync(SecretHook());

        using var reveal = await _host.Api.PostAsync($"/api/webhooks/{hookId}/signing-secret/reveal", null, Token);
        var before = (await reveal.Content.ReadFromJsonAsync<RevealedSigningSecret>(Token))!.Secret;
        using var rotate = await _host.Api.PostAsync($"/api/webhooks/{hookId}/signing-secret/rotate", null, Token);
        var after = await Keys.CurrentAsync(hookId, Token);

        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, rotate.StatusCode);
        Assert.StartsWith(SigningSecret.Prefix, before, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
        var entries = await AuditAsync(hookId);
        Assert.Equal([SecretAccess.RevealedAction, SecretAccess.RotatedAction], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.DoesNotContain(before[SigningSecret.Prefix.Length..], e.Summary,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_WithoutReveal_MasksSecretsInHeadersAndBothCurls()
    {
        using var response = await _host.Api.PostAsJsonAsync(
            "/api/webhooks/preview",
            new { webhook = SecretHook(), @event = DispatchTestData.Event("masked-preview") },
            PanelJson.Options,
            Token);

        var text = await response.Content.ReadAsStringAsync(Token);
        var preview = JsonSerializer.Deserialize<PreviewResponse>(text, PanelJson.Options)!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_apiKey, text, StringComparison.Ordinal);
        Assert.Contains(new PreviewHeader("X-Api-Key", SecretMask.Value, true), preview.Headers);
        Assert.Contains($"-H 'X-Api-Key: {SecretMask.Value}'", preview.Curl, StringComparison.Ordinal);
        Assert.Contains($"-H 'X-Api-Key: {SecretMask.Value}'", preview.CurlTemplate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_SavedHookAsReadWithReveal_ShowsStoredValueAndAuditsIt()
    {
        var hookId = await _host.CreateHookAsync(SecretHook());
        var read = await _host.Api.GetFromJsonAsync<WebHookResource>(
            $"/api/webhooks/{hookId}",
            PanelJson.Options,
            Token);

        using var response = await _host.Api.PostAsJsonAsync(
            "/api/webhooks/preview?reveal=true",
            new { webhook = read, @event = DispatchTestData.Event("revealed-preview") },
            PanelJson.Options,
            Token);

        var preview = await response.Content.ReadFromJsonAsync<PreviewResponse>(PanelJson.Options, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(new PreviewHeader("X-Api-Key", _apiKey, true), preview!.Headers);
        Assert.Contains($"-H 'X-Api-Key: {_apiKey}'", preview.Curl, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync(hookId));
        Assert.Equal(SecretAccess.RevealedAction, entry.Action);
        Assert.Contains("'X-Api-Key' in a preview", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WithTheHooksOwnEncryptedValueAndReveal_AuditsTheReveal()
    {
        var hookId = await _host.CreateHookAsync(SecretHook());
        var stored = await _host.Factory.Services.GetRequiredService<WebHookStore>().FindAsync(hookId, Token);
        Assert.StartsWith(HeaderSecretProtector.Prefix, stored!.Headers[0].Value, StringComparison.Ordinal);

        using var response = await _host.Api.PostAsJsonAsync(
            "/api/webhooks/preview?reveal=true",
            new { webhook = stored, @event = DispatchTestData.Event("token-preview") },
            PanelJson.Options,
            Token);

        var preview = await response.Content.ReadFromJsonAsync<PreviewResponse>(PanelJson.Options, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(new PreviewHeader("X-Api-Key", _apiKey, true), preview!.Headers);
        var entry = Assert.Single(await AuditAsync(hookId));
        Assert.Equal(SecretAccess.RevealedAction, entry.Action);
    }

    [Fact]
    public async Task Preview_RevealNotABoolean_NamesTheParameter()
    {
        using var response = await _host.Api.PostAsJsonAsync(
            "/api/webhooks/preview?reveal=please",
            new { webhook = SecretHook(), @event = DispatchTestData.Event("bad-reveal") },
            PanelJson.Options,
            Token);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reveal", out _));
    }

    private SigningKeyStore Keys => _host.Factory.Services.GetRequiredService<SigningKeyStore>();

    private WebHookResource SecretHook()
    {
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok");
        hook.Headers =
        [
            new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = _apiKey, Secret = true },
            new FieldRow { Key = "X-Email", Source = ValueSource.Profile, Value = "email" },
        ];

        return hook;
    }

    private async Task<List<AuditEntry>> AuditAsync(int hookId)
    {
        await using var context = await _host.Database.CreateDbContextAsync(Token);
        var id = hookId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        return await context.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == "webhook" && e.TargetId == id)
            .Where(SecretAudit.Entries)
            .OrderBy(e => e.Id)
            .ToListAsync(Token);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
