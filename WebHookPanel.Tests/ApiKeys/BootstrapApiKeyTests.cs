using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Api;
using WebHookPanel.ApiKeys;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.ApiKeys;

public sealed class BootstrapApiKeyTests
{
    private const string First = "first-bootstrap-value-0123456789";

    private const string Second = "second-bootstrap-value-987654321";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithSetting_CreatesBootstrapKeyWithEveryScope()
    {
        using var database = new TempDatabase();
        await using var panel = Start(database, First);

        using var events = await PostEventAsync(panel, First);
        using var hooks = await GetHooksAsync(panel, First);
        var row = Assert.Single(await ApiKeyTestData.RowsAsync(panel.Services, BootstrapApiKey.Name));
        var audit = await ApiKeyTestData.AuditAsync(panel.Services, row.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hooks.StatusCode);
        Assert.Equal(ApiKeyScopes.All, row.Scopes);
        Assert.Null(row.Prefix);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(First)), row.Hash);
        var created = Assert.Single(audit);
        Assert.Equal(("apikey.created", "system"), (created.Action, created.Actor));
    }

    [Fact]
    public async Task Restart_SameSetting_KeepsTheSameKey()
    {
        using var database = new TempDatabase();
        await using (var first = Start(database, First))
        {
            using var response = await PostEventAsync(first, First);
        }

        await using var second = Start(database, First);
        using var again = await PostEventAsync(second, First);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Single(await ApiKeyTestData.RowsAsync(second.Services, BootstrapApiKey.Name));
    }

    [Fact]
    public async Task Restart_ChangedSetting_OldValueStopsWorking()
    {
        using var database = new TempDatabase();
        await using (var first = Start(database, First))
        {
            using var response = await PostEventAsync(first, First);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await using var second = Start(database, Second);
        using var old = await PostEventAsync(second, First);
        using var current = await PostEventAsync(second, Second);
        var rows = await ApiKeyTestData.RowsAsync(second.Services, BootstrapApiKey.Name);

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, current.StatusCode);
        Assert.Equal(2, rows.Count);
        Assert.NotNull(rows[0].RevokedAt);
        Assert.Equal("system", rows[0].RevokedBy);
        Assert.Null(rows[1].RevokedAt);
        var oldId = rows[0].Id.ToString(CultureInfo.InvariantCulture);
        var revoked = await ApiKeyTestData.AuditAsync(second.Services, oldId);
        Assert.Equal(["apikey.created", "apikey.revoked"], revoked.Select(e => e.Action));
    }

    [Fact]
    public async Task Restart_SettingRemoved_KeyStopsWorking()
    {
        using var database = new TempDatabase();
        await using (var first = Start(database, First))
        {
            using var response = await PostEventAsync(first, First);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await using var second = Start(database, null);
        using var old = await PostEventAsync(second, First);

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        var row = Assert.Single(await ApiKeyTestData.RowsAsync(second.Services, BootstrapApiKey.Name));
        Assert.NotNull(row.RevokedAt);
    }

    [Fact]
    public async Task Restart_AfterAdminRevokedIt_KeyStaysRevoked()
    {
        using var database = new TempDatabase();
        await using (var first = Start(database, First))
        {
            var row = Assert.Single(await ApiKeyTestData.RowsAsync(first.Services, BootstrapApiKey.Name));
            var commands = first.Services.GetRequiredService<ApiKeyCommands>();
            var outcome = await commands.RevokeAsync(ApiKeyTestData.Admin, row.Id, Cancellation);
            Assert.Equal(ApiKeyRevocation.Revoked, outcome);
        }

        await using var second = Start(database, First);
        using var response = await PostEventAsync(second, First);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(await ApiKeyTestData.RowsAsync(second.Services, BootstrapApiKey.Name));
    }

    private static PanelFactory Start(TempDatabase database, string? setting) =>
        PanelFactory.On(database, new Dictionary<string, string?> { [ApiKeyHandler.BootstrapKeySetting] = setting });

    private static async Task<HttpResponseMessage> PostEventAsync(PanelFactory panel, string key)
    {
        using var client = ApiKeyTestData.Client(panel, key);

        return await client.PostAsJsonAsync("/api/events", DispatchTestData.Event(), Cancellation);
    }

    private static async Task<HttpResponseMessage> GetHooksAsync(PanelFactory panel, string key)
    {
        using var client = ApiKeyTestData.Client(panel, key);

        return await client.GetAsync("/api/webhooks", Cancellation);
    }
}
