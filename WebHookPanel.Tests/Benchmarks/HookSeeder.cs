using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>Fills a database with hooks that look like a busy tenant's: varied names, triggers and statuses.</summary>
public static class HookSeeder
{
    private const int BatchSize = 1_000;

    private static readonly string[] Subjects =
        ["Order", "Cart", "Invoice", "Customer", "Shipment", "Payment", "Coupon", "Review", "Push", "Geofence"];

    private static readonly string[] Actions =
        ["created", "updated", "shipped", "abandoned", "refunded", "opened", "clicked", "entered", "expired"];

    /// <summary>Adds <paramref name="count"/> hooks, one version each, in transactions of 1,000.</summary>
    public static async Task SeedAsync(
        IDbContextFactory<PanelDbContext> contextFactory,
        int count,
        CancellationToken cancellationToken)
    {
        // A fixed seed: every run measures the same data.
        var random = new Random(20_000);
        var triggers = Enum.GetValues<TriggerType>();
        var statuses = Enum.GetValues<WebHookStatus>();
        var methods = Enum.GetValues<WebHookMethod>();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        for (var first = 0; first < count; first += BatchSize)
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(count, first + BatchSize); i++)
            {
                var trigger = triggers[random.Next(triggers.Length)];
                var definition = Definition(i, trigger, methods[random.Next(methods.Length)]);
                var status = statuses[random.Next(statuses.Length)];
                context.WebHooks.Add(Seed(definition, status, start.AddSeconds(i * 37)));
            }

            await context.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A hook in <paramref name="status"/>, reached the way the panel reaches it: through review.</summary>
    private static WebHook Seed(WebHookDefinition definition, WebHookStatus status, DateTimeOffset at)
    {
        var hook = WebHook.Create(definition, "seeder", at);
        if (status is WebHookStatus.Active or WebHookStatus.Paused)
        {
            hook.Approve(hook.Versions[^1], "seeder", null, at);
            hook.ChangeStatus(status, at);
        }
        else if (status == WebHookStatus.Rejected)
        {
            hook.Reject(hook.LatestVersion, "seeder", "seeded as rejected", at);
        }

        return hook;
    }

    private static WebHookDefinition Definition(int index, TriggerType trigger, WebHookMethod method) => new()
    {
        Name = $"{Subjects[index % Subjects.Length]} {Actions[index / Subjects.Length % Actions.Length]} {index:D5}",
        Uri = $"https://receiver{index % 17}.example/hooks/{{tenant}}/events?id={{eventId}}",
        Method = method,
        Trigger = new Trigger { Type = trigger, Filter = trigger == TriggerType.Event ? $"event.{index % 50}" : null },
        UriParameters =
        [
            new UriParameter { Name = "tenant", Label = "Tenant", Default = "main" },
            new UriParameter { Name = "eventId", Label = "Event id" },
        ],
        Headers = [new FieldRow { Key = "X-Source", Value = "webhookpanel" }],
        Parameters = [new FieldRow { Key = "customer", Source = ValueSource.Profile, Value = "customerId" }],
    };
}
