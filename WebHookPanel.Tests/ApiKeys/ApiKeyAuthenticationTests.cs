using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebHookPanel.ApiKeys;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.ApiKeys;

public sealed class ApiKeyAuthenticationTests(PanelFactory panel) : IClassFixture<PanelFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatedKey_CallsTheApiUnderItsName()
    {
        var (key, id) = await ApiKeyTestData.CreateAsync(panel.Services, "crm sync", ApiKeyScopes.All);
        using var client = ApiKeyTestData.Client(panel, key);

        using var events = await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);
        using var hooks = await client.GetAsync("/api/webhooks", Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hooks.StatusCode);
        Assert.Matches("^whp_[0-9a-f]{6}_[A-Za-z0-9_-]{43}$", key);
        var row = await ApiKeyTestData.RowAsync(panel.Services, id);
        Assert.Equal(key[..10], row.Prefix);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), row.Hash);
    }

    [Fact]
    public async Task CreatedKey_PlaintextIsNowhereInTheDatabaseFiles()
    {
        using var database = new TempDatabase();
        string key;
        await using (var own = PanelFactory.On(database))
        {
            (key, _) = await ApiKeyTestData.CreateAsync(own.Services, "file check", ApiKeyScopes.EventsWrite);
            using var client = ApiKeyTestData.Client(own, key);
            using var response = await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var secret = key[11..];
        var files = new[] { "", "-wal", "-shm" }
            .Select(suffix => database.FilePath + suffix)
            .Where(File.Exists)
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file, Cancellation);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
    }

    [Fact]
    public async Task RevokedKey_Answers401AtOnce()
    {
        var (key, id) = await ApiKeyTestData.CreateAsync(panel.Services, "to revoke", ApiKeyScopes.EventsWrite);
        using var client = ApiKeyTestData.Client(panel, key);
        using var before = await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);
        var commands = panel.Services.GetRequiredService<ApiKeyCommands>();

        var outcome = await commands.RevokeAsync(ApiKeyTestData.Admin, id, Cancellation);
        using var after = await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        Assert.Equal(ApiKeyRevocation.Revoked, outcome);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownRevokedAndExpiredKeys_LookTheSame()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        using var database = new TempDatabase();
        await using var own = PanelFactory.On(database, timeProvider: time);
        var (expiring, _) = await ApiKeyTestData.CreateAsync(
            own.Services, "expiring", ApiKeyScopes.EventsWrite, time.GetUtcNow().AddHours(1));
        var (revoked, revokedId) = await ApiKeyTestData.CreateAsync(own.Services, "revoked", ApiKeyScopes.EventsWrite);
        await own.Services.GetRequiredService<ApiKeyCommands>()
            .RevokeAsync(ApiKeyTestData.Admin, revokedId, Cancellation);
        using var beforeExpiry = await PostEventAsync(own, expiring);

        time.Advance(TimeSpan.FromHours(1));
        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var key in new[] { expiring, revoked, revoked[..^1] + "x", "whp_000000_unknown", "" })
        {
            using var response = await PostEventAsync(own, key);
            answers.Add((response.StatusCode, Comparable(await response.Content.ReadAsStringAsync(Cancellation))));
        }

        Assert.Equal(HttpStatusCode.Accepted, beforeExpiry.StatusCode);
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
    }

    [Fact]
    public async Task EventsWriteOnlyKey_PostsEventsButCannotManageHooks()
    {
        var (key, _) = await ApiKeyTestData.CreateAsync(panel.Services, "events only", ApiKeyScopes.EventsWrite);
        using var client = ApiKeyTestData.Client(panel, key);

        using var hooks = await client.GetAsync("/api/webhooks", Cancellation);
        using var audit = await client.GetAsync("/api/audit", Cancellation);
        using var events = await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, hooks.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
    }

    [Fact]
    public async Task WebHooksAdminOnlyKey_ManagesHooksButCannotPostEvents()
    {
        var (key, _) = await ApiKeyTestData.CreateAsync(panel.Services, "admin only", ApiKeyScopes.WebHooksAdmin);
        using var client = ApiKeyTestData.Client(panel, key);

        using var events = await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);
        using var hooks = await client.GetAsync("/api/webhooks", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, events.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hooks.StatusCode);
    }

    [Fact]
    public async Task UsedKey_RecordsLastUse()
    {
        var (key, id) = await ApiKeyTestData.CreateAsync(panel.Services, "last used", ApiKeyScopes.EventsWrite);
        var unused = await ApiKeyTestData.RowAsync(panel.Services, id);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var client = ApiKeyTestData.Client(panel, key);
        using var response = await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);
        var used = await Eventually.UntilAsync(
            () => ApiKeyTestData.RowAsync(panel.Services, id),
            row => row.LastUsedAt is not null,
            "the key's last use is written");

        Assert.Null(unused.LastUsedAt);
        Assert.InRange(used.LastUsedAt!.Value, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public void RecordUse_SameKeyWithinAMinute_IsWrittenOnce()
    {
        var usage = panel.Services.GetRequiredService<ApiKeyUsage>();
        var at = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        const int keyId = int.MaxValue;

        bool[] written =
        [
            usage.Record(keyId, at),
            usage.Record(keyId, at.AddSeconds(30)),
            usage.Record(keyId - 1, at.AddSeconds(30)),
            usage.Record(keyId, at.AddSeconds(59)),
            usage.Record(keyId, at.AddSeconds(60)),
        ];

        Assert.Equal([true, false, true, false, true], written);
    }

    [Fact]
    public async Task CreateAndRevoke_AreAuditedWithoutTheKey()
    {
        var (key, id) = await ApiKeyTestData.CreateAsync(panel.Services, "audited", ApiKeyScopes.EventsWrite);
        await panel.Services.GetRequiredService<ApiKeyCommands>().RevokeAsync(ApiKeyTestData.Admin, id, Cancellation);

        var entries = await ApiKeyTestData.AuditAsync(panel.Services, id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(["apikey.created", "apikey.revoked"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(PanelTestContext.AdminName, e.Actor));
        Assert.Contains(key[..10], entries[0].Summary, StringComparison.Ordinal);
        Assert.Contains("events:write", entries[0].Summary, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain(key[11..], e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Marketer_CannotCreateOrRevoke()
    {
        var (key, id) = await ApiKeyTestData.CreateAsync(panel.Services, "kept", ApiKeyScopes.EventsWrite);
        var commands = panel.Services.GetRequiredService<ApiKeyCommands>();
        var request = new NewApiKey { Name = "by a marketer", Scopes = ApiKeyScopes.All };

        var created = await commands.CreateAsync(ApiKeyTestData.Marketer, request, Cancellation);
        var revoked = await commands.RevokeAsync(ApiKeyTestData.Marketer, id, Cancellation);
        using var response = await PostEventAsync(panel, key);

        Assert.False(created.Succeeded);
        Assert.Equal(ApiKeyCommands.RefusalMessage, created.Refusal);
        Assert.Equal(ApiKeyRevocation.Refused, revoked);
        Assert.Empty(await ApiKeyTestData.RowsAsync(panel.Services, "by a marketer"));
        Assert.Null((await ApiKeyTestData.RowAsync(panel.Services, id)).RevokedAt);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostEventAsync(PanelFactory factory, string key)
    {
        using var client = ApiKeyTestData.Client(factory, key);

        return await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);
    }

    // The trace id differs from call to call; everything else must not.
    private static string Comparable(string problem)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(problem)!;
        fields.Remove("traceId");

        return JsonSerializer.Serialize(fields.OrderBy(f => f.Key, StringComparer.Ordinal));
    }
}
