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
/// dispatcher's ceiling. The schema is still EF's: the column names below are those of the entity configurations
/// in <c>Data/</c>.
/// </summary>
public sealed class DispatchStatements : IDisposable
{
    private const string Due = """
        ((d.Status = 'Pending' AND d.NextAttemptAt <= $now) OR (d.Status = 'InFlight' AND d.LeaseUntil < $now))
        """;

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
            _dataVersion = Prepare("PRAGMA data_version;");
            _targets = Prepare("""
                SELECT Id, ActiveTriggerType, ActiveTriggerFilter, Status, ActiveVersion FROM WebHooks
                WHERE DeletedAt IS NULL AND ActiveVersion IS NOT NULL AND Status IN ('Active', 'Paused');
                """);
            _insertEvent = Prepare("""
                INSERT INTO Events (ClientId, Type, Code, PayloadJson, ReceivedAt)
                VALUES ($clientId, $type, $code, $payload, $now)
                ON CONFLICT (ClientId) DO NOTHING
                RETURNING Id;
                """);
            _insertDelivery = Prepare("""
                INSERT INTO Deliveries (EventId, WebHookId, WebHookVersion, Status, AttemptCount, ScheduleStep,
                    NextAttemptAt, LeaseOwner, LeaseUntil, MessageId, CreatedAt)
                VALUES ($eventId, $hookId, $version, $status, 0, 0, $now, $owner, $leaseUntil, $messageId, $now)
                RETURNING Id;
                """);
            _transition = Prepare("""
                UPDATE Deliveries SET
                    AttemptCount = AttemptCount + $attempted,
                    Status = $status,
                    LeaseOwner = NULL,
                    LeaseUntil = NULL,
                    LastError = CASE WHEN $keepsError THEN LastError ELSE $error END,
                    FinishedAt = $finishedAt,
                    NextAttemptAt = COALESCE($nextAttemptAt, NextAttemptAt),
                    ScheduleStep = ScheduleStep + $advance,
                    EventAtFault = $eventAtFault,
                    Deferrals = CASE WHEN $defers THEN Deferrals + 1 ELSE 0 END,
                    WebHookVersion = COALESCE($version, WebHookVersion)
                WHERE Id = $id AND Status = 'InFlight' AND LeaseOwner = $owner
                RETURNING AttemptCount;
                """);
            _countAttempt = Prepare("""
                UPDATE Deliveries SET AttemptCount = AttemptCount + 1 WHERE Id = $id RETURNING AttemptCount;
                """);
            _insertAttempt = Prepare("""
                INSERT INTO Attempts (DeliveryId, Number, StartedAt, DurationMs, RequestMethod, RequestUrl,
                    RequestHeaders, RequestBody, ResponseStatus, ResponseHeaders, ResponseBody, Error, Omitted)
                VALUES ($deliveryId, $number, $startedAt, $durationMs, $method, $url, $requestHeaders, $requestBody,
                    $responseStatus, $responseHeaders, $responseBody, $error, $omitted);
                """);
            _latestEndStates = Prepare("""
                SELECT Status FROM Deliveries WHERE WebHookId = $hookId AND FinishedAt IS NOT NULL AND NOT EventAtFault
                ORDER BY FinishedAt DESC, Id DESC LIMIT $count;
                """);
            _pauseHook = Prepare("""
                UPDATE WebHooks SET Status = 'Paused', UpdatedAt = $now WHERE Id = $hookId AND Status = 'Active';
                """);
            _holdPending = Prepare("""
                UPDATE Deliveries SET Status = 'Held', Deferrals = 0 WHERE WebHookId = $hookId AND Status = 'Pending';
                """);
            _insertAudit = Prepare("""
                INSERT INTO AuditEntries (At, Actor, Action, TargetType, TargetId, Summary)
                VALUES ($at, $actor, $action, $targetType, $targetId, $summary);
                """);
            _holdDueOfPaused = Prepare($"""
                UPDATE Deliveries AS d SET Status = 'Held', LeaseOwner = NULL, LeaseUntil = NULL, Deferrals = 0
                WHERE {Due} AND d.WebHookId IN (SELECT Id FROM WebHooks WHERE Status = 'Paused');
                """);
            _failDueOfDeleted = Prepare($"""
                UPDATE Deliveries AS d SET Status = 'Failed', LastError = 'the webhook was deleted', FinishedAt = $now,
                    LeaseOwner = NULL, LeaseUntil = NULL, EventAtFault = 0, Deferrals = 0
                WHERE {Due} AND d.WebHookId IN (SELECT Id FROM WebHooks WHERE DeletedAt IS NOT NULL);
                """);
            // Two selects, each walking its own partial index in order and stopping at the limit: one query for
            // both kinds of due rows made SQLite read and sort every due row for each claim, 66 ms with a backlog
            // of 150,000.
            _selectLeaseExpired = Prepare(SelectDue("d.Status = 'InFlight' AND d.LeaseUntil < $now", "d.LeaseUntil"));
            _selectPendingDue = Prepare(
                SelectDue("d.Status = 'Pending' AND d.NextAttemptAt <= $now", "d.NextAttemptAt"));
            _lease = Prepare("""
                UPDATE Deliveries SET Status = 'InFlight', LeaseOwner = $owner, LeaseUntil = $leaseUntil,
                    WebHookVersion = $version
                WHERE Id = $id;
                """);
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

    private static string SelectDue(string due, string order) => $"""
        SELECT d.Id, d.WebHookId, h.ActiveVersion, d.MessageId, d.ScheduleStep, e.PayloadJson, d.Deferrals
        FROM Deliveries AS d
        JOIN WebHooks AS h ON h.Id = d.WebHookId
        JOIN Events AS e ON e.Id = d.EventId
        WHERE {due} AND h.Status = 'Active' AND h.DeletedAt IS NULL
        ORDER BY {order}
        LIMIT $limit;
        """;

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
