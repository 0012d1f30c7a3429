using Microsoft.EntityFrameworkCore;
using WebHookPanel.Dispatching;
using WebHookPanel.Events;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// The writer's SQL against a migrated database: each state change must leave the row exactly as the entity's
/// own method would, and only under the writer's lease.
/// </summary>
public sealed class DispatchStatementsTests : IAsyncLifetime
{
    private const string Owner = "writer-under-test";

    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private PanelDatabase _database = null!;
    private DispatchStatements _statements = null!;

    public static TheoryData<string> Transitions =>
        ["succeeded", "failed", "dead", "retry", "held", "held-error", "released"];

    public async ValueTask InitializeAsync()
    {
        _database = await PanelDatabase.CreateAsync(TestContext.Current.CancellationToken);
        _statements = DispatchStatements.Open(_database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        _statements.Dispose();
        await _database.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Transition_UnderOwnLease_LeavesTheRowAsTheEntityWould(string name)
    {
        var transition = Transition(name);
        var hookId = await AddHookAsync(WebHookStatus.Active);
        var sqlId = await AddLeasedDeliveryAsync(hookId, Owner, "evt-sql");
        var entityId = await AddLeasedDeliveryAsync(hookId, Owner, "evt-entity");

        int? count;
        using (var transaction = _statements.Begin())
        {
            count = _statements.Transition(sqlId, Owner, transition, attempted: true);
            transaction.Commit();
        }

        await using (var context = await _database.ContextFactory.CreateDbContextAsync(Token))
        {
            var tracked = await context.Deliveries.SingleAsync(d => d.Id == entityId, Token);
            tracked.RecordAttempt();
            tracked.Apply(transition);
            await context.SaveChangesAsync(Token);
        }

        var bySql = await ReadAsync(sqlId);
        var byEntity = await ReadAsync(entityId);
        Assert.Equal(1, count);
        Assert.Equal(
            (byEntity.Status, byEntity.LastError, byEntity.FinishedAt, byEntity.NextAttemptAt, byEntity.ScheduleStep),
            (bySql.Status, bySql.LastError, bySql.FinishedAt, bySql.NextAttemptAt, bySql.ScheduleStep));
        Assert.Equal((byEntity.LeaseOwner, byEntity.LeaseUntil, byEntity.AttemptCount), (null, null, 1));
        Assert.Equal((bySql.LeaseOwner, bySql.LeaseUntil, bySql.AttemptCount), (null, null, 1));
    }

    [Fact]
    public async Task Transition_LeaseTakenByAnotherProcess_ChangesNothingButCountsTheAttempt()
    {
        var hookId = await AddHookAsync(WebHookStatus.Active);
        var id = await AddLeasedDeliveryAsync(hookId, "another-process", "evt-1");

        int? changed;
        int? counted;
        using (var transaction = _statements.Begin())
        {
            changed = _statements.Transition(id, Owner, DeliveryTransition.Succeeded(Now), attempted: true);
            counted = _statements.CountAttempt(id);
            transaction.Commit();
        }

        var row = await ReadAsync(id);
        Assert.Null(changed);
        Assert.Equal(1, counted);
        Assert.Equal((DeliveryStatus.InFlight, "another-process", 1), (row.Status, row.LeaseOwner, row.AttemptCount));
    }

    [Fact]
    public void InsertEvent_SameClientIdTwice_StoresItOnce()
    {
        var item = new DispatchCommand.IngestItem("evt-twice", new WebHookEvent { Id = "evt-twice" });

        long? first;
        long? second;
        using (var transaction = _statements.Begin())
        {
            first = _statements.InsertEvent(item, Now);
            second = _statements.InsertEvent(item, Now);
            transaction.Commit();
        }

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task Claim_DueDeliveries_LeasesActiveHoldsPausedFailsDeleted()
    {
        var active = await AddHookAsync(WebHookStatus.Active);
        var paused = await AddHookAsync(WebHookStatus.Paused);
        var deleted = await AddHookAsync(WebHookStatus.Active, delete: true);
        var expired = await AddLeasedDeliveryAsync(active, "killed-process", "evt-expired", Now.AddSeconds(-1));
        var live = await AddLeasedDeliveryAsync(active, "living-process", "evt-live", Now.AddMinutes(1));
        var ofPaused = await AddLeasedDeliveryAsync(paused, "killed-process", "evt-paused", Now.AddSeconds(-1));
        var ofDeleted = await AddLeasedDeliveryAsync(deleted, "killed-process", "evt-deleted", Now);

        List<DeliveryWork> claimed;
        using (var transaction = _statements.Begin())
        {
            claimed = _statements.Claim(
                Owner,
                10,
                long.MaxValue,
                Now.AddMilliseconds(1),
                Now.AddMinutes(5),
                sweep: true,
                out _);
            transaction.Commit();
        }

        var reclaimed = await ReadAsync(expired);
        var failed = await ReadAsync(ofDeleted);
        Assert.Equal([expired], claimed.Select(c => c.DeliveryId));
        Assert.Equal((DeliveryStatus.InFlight, Owner), (reclaimed.Status, reclaimed.LeaseOwner));
        Assert.Equal("living-process", (await ReadAsync(live)).LeaseOwner);
        Assert.Equal(DeliveryStatus.Held, (await ReadAsync(ofPaused)).Status);
        Assert.Equal((DeliveryStatus.Failed, "the webhook was deleted"), (failed.Status, failed.LastError));
    }

    [Fact]
    public async Task Claim_WithoutSweep_PassesOverAPausedHooksDueDeliveryAndLeavesItAsItWas()
    {
        var paused = await AddHookAsync(WebHookStatus.Paused);
        var ofPaused = await AddLeasedDeliveryAsync(paused, "killed-process", "evt-unswept", Now.AddSeconds(-1));

        List<DeliveryWork> claimed;
        using (var transaction = _statements.Begin())
        {
            claimed = _statements.Claim(Owner, 10, long.MaxValue, Now, Now.AddMinutes(5), sweep: false, out _);
            transaction.Commit();
        }

        var untouched = await ReadAsync(ofPaused);
        Assert.Empty(claimed);
        Assert.Equal((DeliveryStatus.InFlight, "killed-process"), (untouched.Status, untouched.LeaseOwner));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(long.MaxValue, 3)]
    public async Task Claim_WeightBudget_StopsOnceTheClaimedWeighMoreButTakesOneAtLeast(long inWeights, int expected)
    {
        var spent = false;
        var hookId = await AddHookAsync(WebHookStatus.Active);
        for (var i = 0; i < 3; i++)
        {
            await AddLeasedDeliveryAsync(hookId, "killed-process", $"evt-w{i}", Now.AddSeconds(i - 3));
        }

        List<DeliveryWork> claimed;
        using (var transaction = _statements.Begin())
        {
            var all = _statements.Claim("peek", 10, long.MaxValue, Now, Now.AddSeconds(-10), true, out _);
            var budget = inWeights == long.MaxValue ? long.MaxValue : all[0].Weight * inWeights;
            claimed = _statements.Claim(Owner, 10, budget, Now, Now.AddMinutes(5), true, out spent);
            transaction.Commit();
        }

        Assert.Equal(expected, claimed.Count);
        Assert.Equal(expected < 3, spent);
    }

    [Fact]
    public async Task Claim_SeveralDue_LeasesEveryOneToTheOwner()
    {
        var hookId = await AddHookAsync(WebHookStatus.Active);
        long[] ids =
        [
            await AddLeasedDeliveryAsync(hookId, "killed-process", "evt-a", Now.AddSeconds(-3)),
            await AddLeasedDeliveryAsync(hookId, "killed-process", "evt-b", Now.AddSeconds(-2)),
            await AddLeasedDeliveryAsync(hookId, "killed-process", "evt-c", Now.AddSeconds(-1)),
        ];
        var leaseUntil = Now.AddMinutes(5);

        using (var transaction = _statements.Begin())
        {
            Assert.Equal(3, _statements.Claim(Owner, 10, long.MaxValue, Now, leaseUntil, true, out _).Count);
            transaction.Commit();
        }

        foreach (var id in ids)
        {
            var claimed = await ReadAsync(id);
            Assert.Equal(
                (DeliveryStatus.InFlight, Owner, leaseUntil),
                (claimed.Status, claimed.LeaseOwner, claimed.LeaseUntil));
        }
    }

    [Fact]
    public async Task Targets_HookChangedByAnotherConnection_AreReadAgain()
    {
        var targets = new DispatchTargets(new SendableHooks());
        var evt = new WebHookEvent { Type = TriggerType.PushClick };
        using (var transaction = _statements.Begin())
        {
            targets.Refresh(_statements);
            transaction.Commit();
        }

        var hookId = await AddHookAsync(WebHookStatus.Active);
        using (var transaction = _statements.Begin())
        {
            targets.Refresh(_statements);
            transaction.Commit();
        }

        Assert.Equal([hookId], targets.Matching(evt).Select(t => t.WebHookId));
    }

    [Fact]
    public async Task Targets_NeverApprovedOrChangedUnderReview_MatchTheVersionInForceOnly()
    {
        var approvedId = await AddHookAsync(WebHookStatus.Active);
        await using (var context = await _database.ContextFactory.CreateDbContextAsync(Token))
        {
            var approved = await context.WebHooks.Include(h => h.Versions).SingleAsync(h => h.Id == approvedId, Token);
            approved.Revise(Definition(TriggerType.Geofence), "marketer", Now);
            context.WebHooks.Add(WebHook.Create(Definition(TriggerType.PushClick), "marketer", Now));
            await context.SaveChangesAsync(Token);
        }

        var targets = new DispatchTargets(new SendableHooks());
        using (var transaction = _statements.Begin())
        {
            targets.Refresh(_statements);
            transaction.Commit();
        }

        var target = Assert.Single(targets.Matching(new WebHookEvent { Type = TriggerType.PushClick }));
        Assert.Equal((approvedId, 1), (target.WebHookId, target.Version));
        Assert.Empty(targets.Matching(new WebHookEvent { Type = TriggerType.Geofence }));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static WebHookDefinition Definition(TriggerType trigger) => new()
    {
        Name = $"Hook {Guid.NewGuid():N}",
        Uri = "https://receiver.example/hook",
        Trigger = new Trigger { Type = trigger },
    };

    private static DeliveryTransition Transition(string name) => name switch
    {
        "succeeded" => DeliveryTransition.Succeeded(Now),
        "failed" => DeliveryTransition.Failed("the receiver answered 404", Now),
        "dead" => DeliveryTransition.Dead("the receiver answered 500", Now),
        "retry" => DeliveryTransition.RetryAt(Now.AddMinutes(1), "the receiver answered 503"),
        "held" => DeliveryTransition.Held(null),
        "held-error" => DeliveryTransition.Held("the receiver answered 500"),
        _ => DeliveryTransition.Released(Now),
    };

    private async Task<int> AddHookAsync(WebHookStatus status, bool delete = false)
    {
        await using var context = await _database.ContextFactory.CreateDbContextAsync(Token);
        var hook = WebHook.Create(Definition(TriggerType.PushClick), "tests", Now);
        hook.Approve(hook.Versions[0], "tests", null, Now);
        hook.ChangeStatus(status, Now);
        context.WebHooks.Add(hook);
        await context.SaveChangesAsync(Token);
        if (delete)
        {
            hook.Delete(Now);
            await context.SaveChangesAsync(Token);
        }

        return hook.Id;
    }

    // A delivery in flight with a last error already set, so that a transition that keeps the error shows it.
    private async Task<long> AddLeasedDeliveryAsync(
        int hookId,
        string owner,
        string eventId,
        DateTimeOffset? leaseUntil = null)
    {
        await using var context = await _database.ContextFactory.CreateDbContextAsync(Token);
        var stored = StoredEvent.Create(eventId, new WebHookEvent { Id = eventId }, Now);
        var delivery = Delivery.CreateLeased(stored, hookId, 1, owner, Now, leaseUntil ?? Now.AddMinutes(5));
        context.Events.Add(stored);
        context.Deliveries.Add(delivery);
        await context.SaveChangesAsync(Token);
        await context.Deliveries.Where(d => d.Id == delivery.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastError, "an earlier error"), Token);

        return delivery.Id;
    }

    private async Task<Delivery> ReadAsync(long id)
    {
        await using var context = await _database.ContextFactory.CreateDbContextAsync(Token);

        return await context.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id, Token);
    }
}
