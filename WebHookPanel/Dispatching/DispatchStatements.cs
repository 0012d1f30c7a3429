using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>
/// The dispatcher writer's SQL, on one connection it keeps open, each statement compiled once and reused
/// (<see cref="SqliteStatement"/>). EF Core is the panel's data layer everywhere else; here it is not, because a
/// profile of the writer showed three quarters of its time in SaveChanges (change tracking, command building, and
/// SQLite compiling the same INSERT and UPDATE text again for every batch) and the one writer thread is the
/// dispatcher's ceiling. The SQL text is in <see cref="DispatchSql"/>; this class binds and runs it.
/// </summary>
public sealed class DispatchStatements : IDisposable
{
    private static readonly Func<DateTimeOffset, long> ToStored =
        new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;

    private readonly SqliteConnection _connection;
    private readonly List<SqliteStatement> _statements = [];
    private readonly SqliteStatement _dataVersion;
    private readonly SqliteStatement _targets;
    private readonly SqliteStatement _insertEvent;
    private readonly SqliteStatement _insertDelivery;
    private readonly SqliteStatement _transition;
    private readonly SqliteStatement _countAttempt;
    private readonly SqliteStatement _insertAttempt;
    private readonly SqliteStatement _latestEndStates;
    private readonly SqliteStatement _pauseHook;
    private readonly SqliteStatement _holdPending;
    private readonly SqliteStatement _insertAudit;
    private readonly SqliteStatement _holdDueOfPaused;
    private readonly SqliteStatement _failDueOfDeleted;
    private readonly SqliteStatement _selectLeaseExpired;
    private readonly SqliteStatement _selectPendingDue;
    private readonly SqliteStatement _lease;
    private readonly SqliteStatement _checkpoint;

    private DispatchStatements(SqliteConnection connection)
    {
        _connection = connection;

        // Statements are SQLite's own and are not closed with the connection: on a failure here (no such table
        // before migration) those compiled so far are finalized before the connection goes back to the pool.
        try
        {
            _dataVersion = Prepare(DispatchSql.DataVersion);
            _targets = Prepare(DispatchSql.Targets);
            _insertEvent = Prepare(DispatchSql.InsertEvent);
            _insertDelivery = Prepare(DispatchSql.InsertDelivery);
            _transition = Prepare(DispatchSql.Transition);
            _countAttempt = Prepare(DispatchSql.CountAttempt);
            _insertAttempt = Prepare(DispatchSql.InsertAttempt);
            _latestEndStates = Prepare(DispatchSql.LatestEndStates);
            _pauseHook = Prepare(DispatchSql.PauseHook);
            _holdPending = Prepare(DispatchSql.HoldPending);
            _insertAudit = Prepare(DispatchSql.InsertAudit);
            _holdDueOfPaused = Prepare(DispatchSql.HoldDueOfPaused);
            _failDueOfDeleted = Prepare(DispatchSql.FailDueOfDeleted);
            _selectLeaseExpired = Prepare(DispatchSql.SelectLeaseExpired);
            _selectPendingDue = Prepare(DispatchSql.SelectPendingDue);
            _lease = Prepare(DispatchSql.Lease);
            _checkpoint = Prepare(WalCheckpointer.WriterCheckpoint);
        }
        catch
        {
            foreach (var statement in _statements)
            {
                statement.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Opens the connection with the pragmas every panel connection gets, leaves checkpoints to
    /// <see cref="WalCheckpointer"/>, and compiles the commands.
    /// </summary>
    public static DispatchStatements Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = SqlitePragmaInterceptor.Pragmas + WalCheckpointer.WriterPragmas;
                pragmas.ExecuteNonQuery();
            }

            return new DispatchStatements(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Begins the batch's transaction; IMMEDIATE, so the write lock is held from the first statement.
    /// </summary>
    public SqliteTransaction Begin()
    {
        return _connection.BeginTransaction(deferred: false);
    }

    /// <summary>
    /// Changes whenever another connection committed since the last look; the writer's own do not count.
    /// </summary>
    public long DataVersion() => _dataVersion.ExecuteScalar() ?? 0;

    public List<TriggerTarget> ReadTargets()
    {
        return _targets.Query(row => new TriggerTarget(
            row.GetInt32(0),
            Enum.Parse<TriggerType>(row.GetString(1)),
            row.IsNull(2) ? null : row.GetString(2),
            Enum.Parse<WebHookStatus>(row.GetString(3)),
            row.GetInt32(4)));
    }

    /// <summary>Stores an event; null when its client id was stored before, which makes ingestion idempotent.</summary>
    public long? InsertEvent(DispatchCommand.IngestItem item, DateTimeOffset now)
    {
        _insertEvent.Bind("$clientId", item.ClientId);
        _insertEvent.Bind("$type", item.Event.Type.ToString());
        _insertEvent.Bind("$code", item.Event.Code);
        _insertEvent.Bind("$payload", item.PayloadJson);
        _insertEvent.Bind("$now", ToStored(now));

        return _insertEvent.ExecuteScalar();
    }

    /// <summary>
    /// Stores a delivery: in flight under this writer's lease, held when its hook is paused, or pending (due now,
    /// for a later claim) when the workers have enough in hand.
    /// </summary>
    public long InsertDelivery(
        long eventId,
        TriggerTarget target,
        string messageId,
        DeliveryStatus status,
        string? owner,
        DateTimeOffset now,
        DateTimeOffset? leaseUntil)
    {
        _insertDelivery.Bind("$eventId", eventId);
        _insertDelivery.Bind("$hookId", target.WebHookId);
        _insertDelivery.Bind("$version", target.Version);
        _insertDelivery.Bind("$status", status.ToString());
        _insertDelivery.Bind("$owner", owner);
        _insertDelivery.Bind("$leaseUntil", leaseUntil is { } until ? ToStored(until) : null);
        _insertDelivery.Bind("$messageId", messageId);
        _insertDelivery.Bind("$now", ToStored(now));

        return _insertDelivery.ExecuteScalar()
            ?? throw new InvalidOperationException("The delivery's insert returned no id.");
    }

    /// <summary>
    /// Applies the transition when <paramref name="owner"/> still holds the delivery's lease, counting the attempt
    /// if there was one and recording the hook version it was sent with. Returns the attempt count after it, or
    /// null when the lease is gone (nothing changed).
    /// </summary>
    public int? Transition(
        long deliveryId,
        string owner,
        DeliveryTransition transition,
        bool attempted,
        int? sentVersion = null)
    {
        _transition.Bind("$id", deliveryId);
        _transition.Bind("$owner", owner);
        _transition.Bind("$attempted", attempted);
        _transition.Bind("$status", transition.Status.ToString());
        _transition.Bind("$keepsError", transition.KeepsError);
        _transition.Bind("$error", transition.Error);
        _transition.Bind("$finishedAt", transition.FinishedAt is { } finished ? ToStored(finished) : null);
        _transition.Bind("$nextAttemptAt", transition.NextAttemptAt is { } next ? ToStored(next) : null);
        _transition.Bind("$advance", transition.AdvancesSchedule);
        _transition.Bind("$eventAtFault", transition.EventAtFault);
        _transition.Bind("$defers", transition.Defers);
        _transition.Bind("$version", (long?)sentVersion);

        return (int?)_transition.ExecuteScalar();
    }

    /// <summary>
    /// Counts an attempt of a delivery whose lease was lost: logged, but another claim decides its state.
    /// </summary>
    public int? CountAttempt(long deliveryId)
    {
        _countAttempt.Bind("$id", deliveryId);

        return (int?)_countAttempt.ExecuteScalar();
    }

    public void InsertAttempt(long deliveryId, int number, AttemptRow attempt)
    {
        _insertAttempt.Bind("$deliveryId", deliveryId);
        _insertAttempt.Bind("$number", number);
        _insertAttempt.Bind("$startedAt", ToStored(attempt.StartedAt));
        _insertAttempt.Bind("$durationMs", attempt.DurationMs);
        _insertAttempt.Bind("$method", attempt.Method);
        _insertAttempt.Bind("$url", attempt.Url);
        _insertAttempt.Bind("$requestHeaders", attempt.RequestHeaders);
        _insertAttempt.Bind("$requestBody", attempt.RequestBody);
        _insertAttempt.Bind("$responseStatus", attempt.ResponseStatus);
        _insertAttempt.Bind("$responseHeaders", attempt.ResponseHeaders);
        _insertAttempt.Bind("$responseBody", attempt.ResponseBody);
        _insertAttempt.Bind("$error", attempt.Error);
        _insertAttempt.Bind("$omitted", attempt.Omitted);
        _insertAttempt.Execute();
    }

    /// <summary>The statuses of the hook's latest finished deliveries, newest first.</summary>
    public List<DeliveryStatus> LatestEndStates(int webHookId, int count)
    {
        _latestEndStates.Bind("$hookId", webHookId);
        _latestEndStates.Bind("$count", count);

        return _latestEndStates.Query(row => Enum.Parse<DeliveryStatus>(row.GetString(0)));
    }

    /// <summary>Pauses an active hook and holds its pending deliveries; false when it was not active.</summary>
    public bool PauseHook(int webHookId, DateTimeOffset now)
    {
        _pauseHook.Bind("$hookId", webHookId);
        _pauseHook.Bind("$now", ToStored(now));
        if (_pauseHook.Execute() == 0)
        {
            return false;
        }

        HoldPending(webHookId);

        return true;
    }

    /// <summary>
    /// An audit entry written in the writer's transaction, so it commits with the change it describes.
    /// </summary>
    public void InsertAudit(AuditEntry entry)
    {
        _insertAudit.Bind("$at", ToStored(entry.At));
        _insertAudit.Bind("$actor", entry.Actor);
        _insertAudit.Bind("$action", entry.Action);
        _insertAudit.Bind("$targetType", entry.TargetType);
        _insertAudit.Bind("$targetId", entry.TargetId);
        _insertAudit.Bind("$summary", entry.Summary);
        _insertAudit.Execute();
    }

    public void HoldPending(int webHookId)
    {
        _holdPending.Bind("$hookId", webHookId);
        _holdPending.Execute();
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> due deliveries to <paramref name="owner"/>: pending ones whose time
    /// came and in-flight ones whose lease ran out. With <paramref name="sweep"/>, due deliveries of paused hooks
    /// become held on the way, and those of deleted hooks fail, since they can never be sent (without it they are
    /// only passed over: the sweep reads every due row). A claimed delivery goes out with the hook's version in
    /// force and records it: a retry, a replay or a held delivery after a fix sends the fixed request, as Stripe
    /// and Svix resend to the endpoint as it is now. Stops short of the limit once the claimed weigh more than
    /// <paramref name="weightBudget"/> (<see cref="DeliveryWork.Weight"/>), after the first, and says so in
    /// <paramref name="budgetSpent"/>: more are due.
    /// </summary>
    public List<DeliveryWork> Claim(
        string owner,
        int limit,
        long weightBudget,
        DateTimeOffset now,
        DateTimeOffset leaseUntil,
        bool sweep,
        out bool budgetSpent)
    {
        var storedNow = ToStored(now);
        if (sweep)
        {
            _holdDueOfPaused.Bind("$now", storedNow);
            _holdDueOfPaused.Execute();
            _failDueOfDeleted.Bind("$now", storedNow);
            _failDueOfDeleted.Execute();
        }

        var claimed = SelectDue(_selectLeaseExpired, storedNow, limit, leaseUntil);
        if (claimed.Count < limit)
        {
            claimed.AddRange(SelectDue(_selectPendingDue, storedNow, limit - claimed.Count, leaseUntil));
        }

        // Within the memory the workers have room for, but always one: a single large event must still go out.
        var kept = new List<DeliveryWork>(claimed.Count);
        var weight = 0L;
        foreach (var work in claimed)
        {
            weight += work.Weight;
            if (kept.Count > 0 && weight > weightBudget)
            {
                break;
            }

            kept.Add(work);
        }

        budgetSpent = kept.Count < claimed.Count;

        _lease.Bind("$owner", owner);
        _lease.Bind("$leaseUntil", ToStored(leaseUntil));
        foreach (var work in kept)
        {
            _lease.Bind("$id", work.DeliveryId);
            _lease.Bind("$version", work.WebHookVersion);
            _lease.Execute();
        }

        return kept;
    }

    private static List<DeliveryWork> SelectDue(
        SqliteStatement select,
        long storedNow,
        int limit,
        DateTimeOffset leaseUntil)
    {
        select.Bind("$now", storedNow);
        select.Bind("$limit", limit);

        return select.Query(row => new DeliveryWork(
            row.GetInt64(0),
            row.GetInt32(1),
            row.GetInt32(2),
            row.GetString(3),
            row.GetInt32(4),
            leaseUntil,
            null,
            row.GetString(5),
            row.GetInt32(6)));
    }

    /// <summary>
    /// Copies what is left of the write-ahead log; call between transactions (see <see cref="WalCheckpointer"/>).
    /// </summary>
    public void Checkpoint() => _checkpoint.Execute();

    public void Dispose()
    {
        // Statements first: the connection goes back to the pool and must not carry them along.
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }

        _connection.Dispose();
    }

    private SqliteStatement Prepare(string sql)
    {
        var statement = new SqliteStatement(_connection, sql);
        _statements.Add(statement);

        return statement;
    }
}
