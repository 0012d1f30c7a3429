using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Commits one batch of the dispatcher's writes in one transaction: outcomes of attempts, new events with their
/// deliveries, and a claim of due deliveries. SQLite takes one writer at a time, so grouping many small writes
/// into one short transaction is what keeps it fast and keeps "database is locked" away.
/// </summary>
public sealed partial class DeliveryBatchWriter(
    IDbContextFactory<PanelDbContext> contextFactory,
    TimeProvider timeProvider,
    DeliveryNotifier notifier,
    WebHookAudit audit,
    IOptions<DispatcherOptions> options,
    ILogger<DeliveryBatchWriter> logger)
{
    // Unauthenticated: the audit log names the dispatcher's own changes "system".
    private static readonly ClaimsPrincipal Dispatcher = new(new ClaimsIdentity());

    private readonly DispatcherOptions _options = options.Value;

    /// <summary>Who holds this process's leases; a new process never mistakes another's lease for its own.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    public async Task<WriteResult> WriteAsync(
        IReadOnlyList<DispatchCommand> batch,
        int claimLimit,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken up front, so a later write in this
        // transaction cannot fail on a snapshot that another writer made stale.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        var applied = await ApplyOutcomesAsync(context, batch, now, cancellationToken);
        var fresh = await AddEventsAsync(context, batch, applied.PausedHooks, now, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);

        var paused = await PauseFailingHooksAsync(
            context,
            applied.FailingHooks,
            applied.PausedHooks,
            now,
            cancellationToken);
        await HoldAsync(context, paused, cancellationToken);
        var claimed = claimLimit > 0 ? await ClaimAsync(context, claimLimit, now, cancellationToken) : [];
        await transaction.CommitAsync(cancellationToken);
        notifier.Notify();

        var work = new List<DeliveryWork>(fresh.Count + claimed.Count);
        work.AddRange(fresh.Select(f => new DeliveryWork(
            f.Delivery.Id,
            f.Delivery.WebHookId,
            f.Delivery.WebHookVersion,
            f.Delivery.MessageId,
            f.Delivery.LeaseUntil ?? now,
            f.Event,
            null)));
        work.AddRange(claimed);

        return new WriteResult(work, applied.RetryDueNow, claimLimit > 0 && claimed.Count >= claimLimit);
    }

    private async Task<AppliedOutcomes> ApplyOutcomesAsync(
        PanelDbContext context,
        IReadOnlyList<DispatchCommand> batch,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var result = new AppliedOutcomes();
        var ids = new List<long>();
        foreach (var command in batch)
        {
            if (command is DispatchCommand.Outcome outcome)
            {
                ids.Add(outcome.Result.DeliveryId);
            }
            else if (command is DispatchCommand.Release release)
            {
                ids.Add(release.DeliveryId);
            }
        }

        if (ids.Count == 0)
        {
            return result;
        }

        var deliveries = await context.Deliveries
            .Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var hookIds = deliveries.Values.Select(d => d.WebHookId).Distinct().ToList();
        var hooks = await context.WebHooks
            .Where(h => hookIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, cancellationToken);
        foreach (var command in batch)
        {
            if (command is DispatchCommand.Outcome outcome
                && deliveries.TryGetValue(outcome.Result.DeliveryId, out var delivery))
            {
                Apply(context, delivery, hooks[delivery.WebHookId], outcome.Result, now, result);
            }
            else if (command is DispatchCommand.Release release
                && deliveries.TryGetValue(release.DeliveryId, out var released)
                && released.IsLeasedBy(Owner))
            {
                released.Release(now);
            }
        }

        return result;
    }

    private void Apply(
        PanelDbContext context,
        Delivery delivery,
        WebHook hook,
        DeliveryOutcome outcome,
        DateTimeOffset now,
        AppliedOutcomes result)
    {
        if (outcome.Attempt is { } attempt)
        {
            delivery.RecordAttempt();
            context.Attempts.Add(Attempt.From(delivery.Id, delivery.AttemptCount, attempt));
        }

        // Our lease ran out and someone claimed it again: the attempt is logged, but theirs decides the state.
        if (!delivery.IsLeasedBy(Owner))
        {
            return;
        }

        var error = outcome.Error ?? "failed";
        switch (outcome.Kind)
        {
            case OutcomeKind.Succeeded:
                delivery.Succeed(now);
                break;
            case OutcomeKind.Failed:
                delivery.Fail(error, now);
                result.FailingHooks.Add(hook.Id);
                break;
            case OutcomeKind.Gone:
                delivery.Fail(error, now);
                Pause(context, hook, now, result.PausedHooks, "the receiver answered 410 Gone");
                break;
            case OutcomeKind.Released when hook.Status == WebHookStatus.Paused:
                delivery.Hold(null);
                break;
            case OutcomeKind.Released:
                delivery.Release(now);
                break;
            default:
                Retry(delivery, hook, outcome, error, now, result);
                break;
        }
    }

    private void Retry(
        Delivery delivery,
        WebHook hook,
        DeliveryOutcome outcome,
        string error,
        DateTimeOffset now,
        AppliedOutcomes result)
    {
        var wait = DeliveryRules.NextDelay(_options.EffectiveSchedule, delivery.ScheduleStep, outcome.RetryAfter);
        if (wait is not { } delay)
        {
            delivery.Die(error, now);
            result.FailingHooks.Add(hook.Id);
            LogDead(logger, delivery.Id, hook.Id, delivery.AttemptCount);
        }
        else if (hook.Status == WebHookStatus.Paused)
        {
            delivery.Hold(error);
        }
        else
        {
            delivery.RetryAt(now + delay, error);
            result.RetryDueNow |= delay == TimeSpan.Zero;
        }
    }

    private async Task<List<(Delivery Delivery, WebHookEvent Event)>> AddEventsAsync(
        PanelDbContext context,
        IReadOnlyList<DispatchCommand> batch,
        HashSet<int> pausedNow,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var items = batch.OfType<DispatchCommand.Ingest>().SelectMany(i => i.Events).ToList();
        var fresh = new List<(Delivery, WebHookEvent)>();
        if (items.Count == 0)
        {
            return fresh;
        }

        var clientIds = items.Select(i => i.ClientId).Distinct(StringComparer.Ordinal).ToList();
        var seen = (await context.Events.AsNoTracking()
            .Where(e => clientIds.Contains(e.ClientId))
            .Select(e => e.ClientId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var types = items.Select(i => i.Event.Type).Distinct().ToList();
        // Only the version in force sends: a change under review, or a hook never approved, matches nothing.
        var targets = await context.WebHooks.AsNoTracking()
            .Where(h => h.DeletedAt == null
                && h.ActiveVersion != null
                && (h.Status == WebHookStatus.Active || h.Status == WebHookStatus.Paused)
                && h.ActiveTriggerType != null
                && types.Contains(h.ActiveTriggerType.Value))
            .Select(h => new TriggerTarget(
                h.Id,
                h.ActiveTriggerType!.Value,
                h.ActiveTriggerFilter,
                h.Status,
                h.ActiveVersion!.Value))
            .ToListAsync(cancellationToken);
        var leaseUntil = now + _options.Lease;
        foreach (var item in items)
        {
            // A client id seen before, in the database or earlier in this batch, makes no new deliveries.
            if (!seen.Add(item.ClientId))
            {
                continue;
            }

            var stored = StoredEvent.Create(item.ClientId, item.Event, now);
            context.Events.Add(stored);
            foreach (var target in targets)
            {
                if (!DeliveryRules.Matches(target, item.Event))
                {
                    continue;
                }

                if (target.Status == WebHookStatus.Paused || pausedNow.Contains(target.WebHookId))
                {
                    context.Deliveries.Add(Delivery.CreateHeld(stored, target.WebHookId, target.Version, now));
                }
                else
                {
                    var delivery = Delivery.CreateLeased(
                        stored,
                        target.WebHookId,
                        target.Version,
                        Owner,
                        now,
                        leaseUntil);
                    context.Deliveries.Add(delivery);
                    fresh.Add((delivery, item.Event));
                }
            }
        }

        return fresh;
    }

    private async Task<HashSet<int>> PauseFailingHooksAsync(
        PanelDbContext context,
        HashSet<int> failing,
        HashSet<int> paused,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var threshold = _options.PauseThreshold;
        foreach (var hookId in failing.Except(paused).ToList())
        {
            var latest = await context.Deliveries.AsNoTracking()
                .Where(d => d.WebHookId == hookId && d.FinishedAt != null)
                .OrderByDescending(d => d.FinishedAt)
                .ThenByDescending(d => d.Id)
                .Take(threshold)
                .Select(d => d.Status)
                .ToListAsync(cancellationToken);
            if (latest.Count < threshold || latest.Exists(s => s == DeliveryStatus.Succeeded))
            {
                continue;
            }

            var hook = await context.WebHooks.SingleAsync(h => h.Id == hookId, cancellationToken);
            Pause(context, hook, now, paused, $"{threshold} deliveries in a row failed");
        }

        await context.SaveChangesAsync(cancellationToken);

        return paused;
    }

    private void Pause(PanelDbContext context, WebHook hook, DateTimeOffset now, HashSet<int> paused, string reason)
    {
        if (hook.Status != WebHookStatus.Active)
        {
            return;
        }

        hook.ChangeStatus(WebHookStatus.Paused, now);
        audit.StatusChanged(context, Dispatcher, hook, WebHookStatus.Active, reason);
        paused.Add(hook.Id);
        LogPaused(logger, hook.Id, reason);
    }

    private static async Task HoldAsync(
        PanelDbContext context,
        HashSet<int> paused,
        CancellationToken cancellationToken)
    {
        if (paused.Count == 0)
        {
            return;
        }

        var ids = paused.ToList();
        await context.Deliveries
            .Where(d => ids.Contains(d.WebHookId) && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Held), cancellationToken);
    }

    private async Task<List<DeliveryWork>> ClaimAsync(
        PanelDbContext context,
        int limit,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var due = context.Deliveries.Where(d =>
            (d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            || (d.Status == DeliveryStatus.InFlight && d.LeaseUntil < now));

        // Due deliveries of paused hooks wait as held; those of deleted hooks can never be sent.
        await due.Where(d => context.WebHooks.Any(h => h.Id == d.WebHookId && h.Status == WebHookStatus.Paused))
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Held)
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
        await due.Where(d => context.WebHooks.Any(h => h.Id == d.WebHookId && h.DeletedAt != null))
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Failed)
                    .SetProperty(d => d.LastError, "the webhook was deleted")
                    .SetProperty(d => d.FinishedAt, now)
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);

        var rows = await due
            .Where(d => context.WebHooks.Any(h =>
                h.Id == d.WebHookId && h.Status == WebHookStatus.Active && h.DeletedAt == null))
            .OrderBy(d => d.NextAttemptAt)
            .Take(limit)
            .Select(d => new { d.Id, d.WebHookId, d.WebHookVersion, d.MessageId, d.Event!.PayloadJson })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var leaseUntil = now + _options.Lease;
        await context.Deliveries.Where(d => ids.Contains(d.Id))
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.InFlight)
                    .SetProperty(d => d.LeaseOwner, Owner)
                    .SetProperty(d => d.LeaseUntil, leaseUntil),
                cancellationToken);
        LogClaimed(logger, rows.Count);

        return
        [
            .. rows.Select(r => new DeliveryWork(
                r.Id,
                r.WebHookId,
                r.WebHookVersion,
                r.MessageId,
                leaseUntil,
                null,
                r.PayloadJson)),
        ];
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Debug, Message = "Claimed {Count} due deliveries")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Webhook {WebHookId} paused: {Reason}")]
    private static partial void LogPaused(ILogger logger, int webHookId, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error,
        Message = "Delivery {DeliveryId} of webhook {WebHookId} is dead after {Attempts} attempts")]
    private static partial void LogDead(ILogger logger, long deliveryId, int webHookId, int attempts);

    private sealed class AppliedOutcomes
    {
        public HashSet<int> FailingHooks { get; } = [];

        public HashSet<int> PausedHooks { get; } = [];

        public bool RetryDueNow { get; set; }
    }
}
