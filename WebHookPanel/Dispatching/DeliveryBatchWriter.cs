using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebHookPanel.Accounts;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Commits one batch of the dispatcher's writes in one transaction: outcomes of attempts, new events with their
/// deliveries, and a claim of due deliveries. SQLite takes one writer at a time, so grouping many small writes
/// into one short transaction is what keeps it fast and keeps "database is locked" away. Only the dispatcher's
/// writer loop calls it, one batch at a time.
/// </summary>
public sealed partial class DeliveryBatchWriter(
    IDbContextFactory<PanelDbContext> contextFactory,
    TimeProvider timeProvider,
    DeliveryNotifier notifier,
    SendableHooks sendable,
    WalCheckpointer checkpointer,
    IOptions<DispatcherOptions> options,
    ILogger<DeliveryBatchWriter> logger) : IDisposable
{
    private static readonly TimeSpan LongestDeferral = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly DispatcherOptions _options = options.Value;
    private readonly DispatchTargets _targets = new(sendable);
    private DispatchStatements? _statements;
    private long _checkpointsSeen;
    private bool _sweepDue = true;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>Who holds this process's leases; a new process never mistakes another's lease for its own.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Commits the batch and, when <paramref name="claimLimit"/> allows, a claim of due deliveries.</summary>
    /// <param name="batch">The commands to commit together.</param>
    /// <param name="claimLimit">How many due deliveries to claim; 0 for none.</param>
    /// <param name="handOffBudget">
    /// How much new deliveries may weigh (<see cref="DeliveryWork.Weight"/>) that are handed to the workers in
    /// memory; the rest are stored pending, for a claim once the workers have room.
    /// </param>
    /// <param name="cancellationToken">Cancels only a batch that has not begun.</param>
    public Task<WriteResult> WriteAsync(
        IReadOnlyList<DispatchCommand> batch,
        int claimLimit,
        long handOffBudget,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(Write(batch, claimLimit, handOffBudget));
        }
        catch
        {
            // What the batch changed was rolled back; a broken connection is opened afresh for the next one.
            _targets.Invalidate();
            _statements?.Dispose();
            _statements = null;
            throw;
        }
    }

    public void Dispose() => _statements?.Dispose();

    private WriteResult Write(IReadOnlyList<DispatchCommand> batch, int claimLimit, long handOffBudget)
    {
        var statements = _statements ??= DispatchStatements.Open(ConnectionString());
        FinishCheckpoint(statements);
        using var transaction = statements.Begin();
        var now = timeProvider.GetUtcNow();
        var changed = new HashSet<int>();
        // Another connection committed (a pause, a delete, a resume): sweep due deliveries of paused and deleted
        // hooks at the next claim. Otherwise now and then, for leases of a crashed process that ran out meanwhile.
        _sweepDue |= _targets.Refresh(statements) || now - _lastSweep >= SweepInterval;

        var applied = ApplyOutcomes(statements, batch, now, changed);
        var work = AddEvents(statements, batch, now, changed, handOffBudget, applied);
        PauseFailingHooks(statements, applied.FailingHooks, now, changed);
        var budgetLeft = handOffBudget - work.Sum(w => w.Weight);
        if (claimLimit > 0 && budgetLeft > 0)
        {
            var claimed = statements.Claim(
                Owner,
                claimLimit,
                budgetLeft,
                now,
                now + _options.Lease,
                _sweepDue,
                out var budgetSpent);
            if (_sweepDue)
            {
                _sweepDue = false;
                _lastSweep = now;
            }

            LogClaimed(logger, claimed.Count);
            changed.UnionWith(claimed.Select(c => c.WebHookId));
            work.AddRange(claimed);
            applied.ClaimedAll = claimed.Count >= claimLimit || budgetSpent;
        }
        else if (claimLimit > 0)
        {
            applied.ClaimedAll = true;
        }

        transaction.Commit();
        notifier.Notify(changed);

        return new WriteResult(work, applied.RetryDueNow, applied.ClaimedAll || applied.LeftPending);
    }

    // After each checkpoint pass that found the log in use: copy what the writer added since, so that this batch's
    // transaction starts the log over instead of making it longer. Before the batch rather than after the last
    // one, so that the callers of a committed batch never wait for it; and never fatal, since a checkpoint that
    // fails leaves the log as it was and the next pass tries again.
    private void FinishCheckpoint(DispatchStatements statements)
    {
        var passes = checkpointer.Passes;
        if (passes == _checkpointsSeen)
        {
            return;
        }

        _checkpointsSeen = passes;
        try
        {
            statements.Checkpoint();
        }
        catch (SqliteException exception)
        {
            LogCheckpointFailed(logger, exception);
        }
    }

    private string ConnectionString()
    {
        using var context = contextFactory.CreateDbContext();

        return context.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The panel's database has no connection string.");
    }

    private AppliedOutcomes ApplyOutcomes(
        DispatchStatements statements,
        IReadOnlyList<DispatchCommand> batch,
        DateTimeOffset now,
        HashSet<int> changed)
    {
        var result = new AppliedOutcomes();
        foreach (var command in batch)
        {
            if (command is DispatchCommand.Outcome { Result: var outcome })
            {
                Apply(statements, outcome, now, result);
                changed.Add(outcome.Work.WebHookId);
            }
            else if (command is DispatchCommand.Release release)
            {
                statements.Transition(release.DeliveryId, Owner, DeliveryTransition.Released(now), attempted: false);
            }
        }

        return result;
    }

    private void Apply(
        DispatchStatements statements,
        DeliveryOutcome outcome,
        DateTimeOffset now,
        AppliedOutcomes result)
    {
        var hookId = outcome.Work.WebHookId;
        var error = outcome.Error ?? "failed";
        var transition = outcome.Kind switch
        {
            OutcomeKind.Succeeded => DeliveryTransition.Succeeded(now),
            OutcomeKind.Failed or OutcomeKind.Gone => DeliveryTransition.Failed(error, now),
            OutcomeKind.EventRejected => DeliveryTransition.RejectedEvent(error, now),
            OutcomeKind.Released when _targets.IsPaused(hookId) => DeliveryTransition.Held(null),
            OutcomeKind.Released => DeliveryTransition.Released(now),
            OutcomeKind.Deferred when _targets.IsPaused(hookId) => DeliveryTransition.Held(error),
            OutcomeKind.Deferred => DeliveryTransition.Deferred(now + RandomDeferralWait(outcome.Work), error),
            _ => Retry(outcome, error, now, result),
        };

        // Given back because its hook was paused or deleted: the next claim's sweep holds or fails it. An outcome
        // of a hook that is gone asks for one too, though a retry it schedules is failed by a later sweep.
        _sweepDue |= outcome.Kind == OutcomeKind.Released || !_targets.Contains(hookId);

        var attempted = outcome.Attempt is not null;
        var sentVersion = attempted ? outcome.Work.WebHookVersion : (int?)null;
        var count = statements.Transition(outcome.DeliveryId, Owner, transition, attempted, sentVersion);

        // Our lease ran out and someone claimed it again: the attempt is logged, but theirs decides the state.
        if (count is null)
        {
            count = attempted ? statements.CountAttempt(outcome.DeliveryId) : null;
        }
        else if (transition.Status is DeliveryStatus.Failed or DeliveryStatus.Dead && !transition.EventAtFault)
        {
            result.FailingHooks.Add(hookId);
        }

        if (outcome.Attempt is { } attempt && count is { } number)
        {
            statements.InsertAttempt(outcome.DeliveryId, number, attempt);
        }

        if (outcome.Kind == OutcomeKind.Gone && count is not null)
        {
            Pause(statements, hookId, now, "the receiver answered 410 Gone");
        }

        if (transition.Status == DeliveryStatus.Dead && count is not null)
        {
            LogDead(logger, outcome.DeliveryId, hookId, count.Value);
        }
    }

    /// <summary>
    /// How long a delivery waits for its host's open circuit: the circuit's break at first, twice as long each time
    /// in a row after, at most five minutes, with up to a fifth more at random so that a backlog comes due spread
    /// out rather than all at the moment the circuit lets one trial through.
    /// </summary>
    public static TimeSpan DeferralWait(int deferrals, double random = 0)
    {
        var wait = WebHookSender.CircuitBreak * Math.Pow(2, Math.Min(deferrals, 16));
        var capped = wait < LongestDeferral ? wait : LongestDeferral;

        return capped + capped * 0.2 * random;
    }

    private static TimeSpan RandomDeferralWait(DeliveryWork work) =>
        DeferralWait(work.Deferrals, Random.Shared.NextDouble());

    private DeliveryTransition Retry(DeliveryOutcome outcome, string error, DateTimeOffset now, AppliedOutcomes result)
    {
        var wait = DeliveryRules.NextDelay(_options.EffectiveSchedule, outcome.Work.ScheduleStep, outcome.RetryAfter);
        if (wait is not { } delay)
        {
            return DeliveryTransition.Dead(error, now);
        }

        if (_targets.IsPaused(outcome.Work.WebHookId))
        {
            return DeliveryTransition.Held(error);
        }

        result.RetryDueNow |= delay == TimeSpan.Zero;

        return DeliveryTransition.RetryAt(now + delay, error);
    }

    private List<DeliveryWork> AddEvents(
        DispatchStatements statements,
        IReadOnlyList<DispatchCommand> batch,
        DateTimeOffset now,
        HashSet<int> changed,
        long handOffBudget,
        AppliedOutcomes result)
    {
        var fresh = new List<DeliveryWork>();
        var leaseUntil = now + _options.Lease;
        foreach (var ingest in batch.OfType<DispatchCommand.Ingest>())
        {
            foreach (var item in ingest.Events)
            {
                // A client id seen before, in the database or earlier in this batch, makes no new deliveries.
                if (statements.InsertEvent(item, now) is not { } eventId)
                {
                    continue;
                }

                // All of an event's deliveries go to the workers or none, so that those in memory share it.
                var matching = _targets.Matching(item.Event).ToList();
                var sharing = matching.Count(t => !_targets.IsPaused(t.WebHookId));
                var handOff = handOffBudget > 0;
                foreach (var target in matching)
                {
                    var messageId = Delivery.NewMessageId();
                    changed.Add(target.WebHookId);
                    if (_targets.IsPaused(target.WebHookId))
                    {
                        statements.InsertDelivery(eventId, target, messageId, DeliveryStatus.Held, null, now, null);
                        continue;
                    }

                    // The workers have enough in hand (a slow receiver, large events): stored for a later claim
                    // rather than held in memory, which would otherwise grow for as long as events come in.
                    if (!handOff)
                    {
                        statements.InsertDelivery(eventId, target, messageId, DeliveryStatus.Pending, null, now, null);
                        result.LeftPending = true;
                        continue;
                    }

                    var id = statements.InsertDelivery(
                        eventId,
                        target,
                        messageId,
                        DeliveryStatus.InFlight,
                        Owner,
                        now,
                        leaseUntil);
                    var work = new DeliveryWork(
                        id,
                        target.WebHookId,
                        target.Version,
                        messageId,
                        0,
                        leaseUntil,
                        item.Event,
                        item.PayloadJson,
                        Sharing: sharing);
                    fresh.Add(work);
                    handOffBudget -= work.Weight;
                }
            }
        }

        return fresh;
    }

    private void PauseFailingHooks(
        DispatchStatements statements,
        HashSet<int> failing,
        DateTimeOffset now,
        HashSet<int> changed)
    {
        var threshold = _options.PauseThreshold;
        foreach (var hookId in failing)
        {
            if (_targets.IsPaused(hookId))
            {
                continue;
            }

            var latest = statements.LatestEndStates(hookId, threshold);
            if (latest.Count < threshold || latest.Contains(DeliveryStatus.Succeeded))
            {
                continue;
            }

            Pause(statements, hookId, now, $"{threshold} deliveries in a row failed");
            changed.Add(hookId);
        }
    }

    private void Pause(DispatchStatements statements, int hookId, DateTimeOffset now, string reason)
    {
        if (!statements.PauseHook(hookId, now))
        {
            return;
        }

        _targets.MarkPaused(hookId);
        statements.InsertAudit(new AuditEntry(
            now,
            PanelPermissions.SystemActor,
            WebHookAudit.PausedAction,
            WebHookAudit.Target,
            hookId.ToString(CultureInfo.InvariantCulture),
            WebHookAudit.StatusSummary(WebHookStatus.Active, WebHookStatus.Paused, reason)));
        LogPaused(logger, hookId, reason);
    }

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning,
        Message = "The writer could not finish a checkpoint of the write-ahead log")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Debug, Message = "Claimed {Count} due deliveries")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Webhook {WebHookId} paused: {Reason}")]
    private static partial void LogPaused(ILogger logger, int webHookId, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning,
        Message = "Delivery {DeliveryId} of webhook {WebHookId} is dead after {Attempts} attempts")]
    private static partial void LogDead(ILogger logger, long deliveryId, int webHookId, int attempts);

    private sealed class AppliedOutcomes
    {
        public HashSet<int> FailingHooks { get; } = [];

        public bool RetryDueNow { get; set; }

        public bool ClaimedAll { get; set; }

        public bool LeftPending { get; set; }
    }
}
