using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.ApiKeys;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Review;

public sealed class ReviewAuditTests
{
    private const string Secret = "audit-secret-one";
    private const string NewSecret = "audit-secret-two";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HookLife_EveryStep_IsAuditedWithItsActorAndNoSecret()
    {
        await using var panel = new PanelFactory();
        using var api = panel.CreateApiClient();
        var commands = panel.Services.GetRequiredService<WebHookCommands>();
        var deliveries = panel.Services.GetRequiredService<DeliveryCommands>();
        var created = await commands.CreateAsync(Hook("/v1", Secret), TestActors.Marketer, Cancellation);
        var id = created.Id!.Value;

        using var approved = await api.PostAsJsonAsync(
            $"/api/webhooks/{id}/approve",
            new { version = 1 },
            Cancellation);
        await commands.ReviseAsync(id, Hook("/v2", NewSecret), TestActors.Marketer, Cancellation);
        using var rejected = await api.PostAsJsonAsync(
            $"/api/webhooks/{id}/reject",
            new { version = 2, comment = "Keep the v1 path." },
            Cancellation);
        await deliveries.PauseAsync(id, TestActors.Admin, Cancellation);
        using var resumed = await api.PostAsync($"/api/webhooks/{id}/resume", null, Cancellation);
        await commands.ReviseAsync(id, Hook("/v3", NewSecret), TestActors.Admin, Cancellation);
        using var deleted = await api.DeleteAsync($"/api/webhooks/{id}", Cancellation);
        var entries = await EntriesAsync(panel, id);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(
            [
                ("webhook.created", PanelTestContext.MarketerName),
                ("webhook.submitted", PanelTestContext.MarketerName),
                ("webhook.approved", BootstrapApiKey.Name),
                ("webhook.revised", PanelTestContext.MarketerName),
                ("webhook.submitted", PanelTestContext.MarketerName),
                ("webhook.rejected", BootstrapApiKey.Name),
                ("webhook.paused", PanelTestContext.AdminName),
                ("webhook.resumed", BootstrapApiKey.Name),
                ("webhook.revised", PanelTestContext.AdminName),
                ("webhook.submitted", PanelTestContext.AdminName),
                ("webhook.deleted", BootstrapApiKey.Name),
            ],
            entries.Select(e => (e.Action, e.Actor)));
        Assert.Contains("Header X-Api-Key", entries[3].Summary, StringComparison.Ordinal);
        Assert.Contains("URI", entries[3].Summary, StringComparison.Ordinal);
        Assert.Contains("Keep the v1 path.", entries[5].Summary, StringComparison.Ordinal);
        // v3 builds on the rejected v2, so even an admin's save goes through the review page's diff.
        Assert.Contains("waits for review", entries[8].Summary, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain(Secret, e.Summary, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(NewSecret, e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_ByAdmin_IsAuditedAsInForceAtOnce()
    {
        await using var panel = new PanelFactory();
        using var api = panel.CreateApiClient();

        using var created = await api.PostAsJsonAsync("/api/webhooks", Hook("/admin", Secret), PanelJson.Options,
            Cancellation);
        var hook = await created.Content.ReadFromJsonAsync<WebHookResource>(PanelJson.Options, Cancellation);
        var entry = Assert.Single(await EntriesAsync(panel, hook!.Id!.Value));

        Assert.Equal("webhook.created", entry.Action);
        Assert.Equal(WebHookAudit.Target, entry.TargetType);
        Assert.Contains("in force at once", entry.Summary, StringComparison.Ordinal);
    }

    private static async Task<List<AuditEntry>> EntriesAsync(PanelFactory panel, int id)
    {
        var factory = panel.Services.GetRequiredService<IDbContextFactory<PanelDbContext>>();
        await using var context = await factory.CreateDbContextAsync(Cancellation);
        var target = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        return await context.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == WebHookAudit.Target && e.TargetId == target)
            .OrderBy(e => e.Id)
            .ToListAsync(Cancellation);
    }

    private static WebHookResource Hook(string path, string secret) => new()
    {
        Name = "Audited hook",
        Uri = "https://crm.example.com" + path,
        Headers = [TestData.Fixed("X-Api-Key", secret, secret: true)],
    };
}
