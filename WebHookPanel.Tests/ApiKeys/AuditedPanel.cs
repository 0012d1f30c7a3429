using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.ApiKeys;

/// <summary>
/// A panel whose audit log holds nine known entries over three days (from <see cref="Day"/>, eight hours apart,
/// summaries <c>Entry 0 50%</c> to <c>Entry 8 50%</c>): actors ann@ (even) and bob@ (odd); by <c>i % 3</c>
/// <c>webhook.approved</c> of hook 1, <c>webhook.rejected</c> of hook 2, <c>apikey.revoked</c> of key 7.
/// </summary>
public sealed class AuditedPanel : IAsyncLifetime
{
    public static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public PanelFactory Panel { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var contextFactory = Panel.Services.GetRequiredService<IDbContextFactory<PanelDbContext>>();
        await using var context = await contextFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 9; i++)
        {
            var actor = i % 2 == 0 ? "ann@panel.test" : "bob@panel.test";
            var (action, type, id) = (i % 3) switch
            {
                0 => ("webhook.approved", "webhook", "1"),
                1 => ("webhook.rejected", "webhook", "2"),
                _ => ("apikey.revoked", "apikey", "7"),
            };
            context.AuditEntries.Add(new AuditEntry(Day.AddHours(8 * i), actor, action, type, id, $"Entry {i} 50%"));
        }

        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Panel.DisposeAsync();
}
