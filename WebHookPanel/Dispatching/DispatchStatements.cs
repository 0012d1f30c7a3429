using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>
/// The dispatcher writer's SQL, on one connection it keeps open, with each command compiled once and reused.
/// EF Core is the panel's data layer everywhere else; here it is not, because a profile of the writer showed three
/// quarters of its time in SaveChanges (change tracking, command building, and SQLite compiling the same INSERT and
/// UPDATE text again for every batch) and the one writer thread is the dispatcher's ceiling. The schema is still
/// EF's: the column names below are those of the entity configurations in <c>Data/</c>.
/// </summary>
public sealed class DispatchStatements : IDisposable
{
    private const string Due = """
        ((d.Status = 'Pending' AND d.NextAttemptAt <= $now) OR (d.Status = 'InFlight' AND d.LeaseUntil < $now))
        """;

    private static readonly Func<DateTimeOffset, long> ToStored =
        new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;

    private readonly SqliteConnection _connection;
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _dataVersion;
    private readonly SqliteCommand _targets;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertDelivery;
    private readonly SqliteCommand _transition;
    private readonly SqliteCommand _countAttempt;
    private readonly SqliteCommand _insertAttempt;
    private readonly SqliteCommand _latestEndStates;
    private readonly SqliteCommand _pauseHook;
    private readonly SqliteCommand _holdPending;
    private readonly SqliteCommand _insertAudit;
    private readonly SqliteCommand _holdDueOfPaused;
    private readonly SqliteCommand _failDueOfDeleted;
    private readonly SqliteCommand _selectDue;
    private readonly SqliteCommand _lease;

    private DispatchStatements(SqliteConnection connection)
    {
        _connection = connection;
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
                ScheduleStep = ScheduleStep + $advance
            WHERE Id = $id AND Status = 'InFlight' AND LeaseOwner = $owner
            RETURNING AttemptCount;
            """);
        _countAttempt = Prepare("""
            UPDATE Deliveries SET AttemptCount = AttemptCount + 1 WHERE Id = $id RETURNING AttemptCount;
            """);
        _insertAttempt = Prepare("""
            INSERT INTO Attempts (DeliveryId, Number, StartedAt, DurationMs, RequestMethod, RequestUrl, RequestHeaders,
                RequestBody, ResponseStatus, ResponseHeaders, ResponseBody, Error, Omitted)
            VALUES ($deliveryId, $number, $startedAt, $durationMs, $method, $url, $requestHeaders, $requestBody,
                $responseStatus, $responseHeaders, $responseBody, $error, $omitted);
            """);
        _latestEndStates = Prepare("""
            SELECT Status FROM Deliveries WHERE WebHookId = $hookId AND FinishedAt IS NOT NULL
            ORDER BY FinishedAt DESC, Id DESC LIMIT $count;
            """);
        _pauseHook = Prepare("""
            UPDATE WebHooks SET Status = 'Paused', UpdatedAt = $now WHERE Id = $hookId AND Status = 'Active';
            """);
        _holdPending = Prepare("""
            UPDATE Deliveries SET Status = 'Held' WHERE WebHookId = $hookId AND Status = 'Pending';
            """);
        _insertAudit = Prepare("""
            INSERT INTO AuditEntries (At, Actor, Action, TargetType, TargetId, Summary)
            VALUES ($at, $actor, $action, $targetType, $targetId, $summary);
            """);
        _holdDueOfPaused = Prepare($"""
            UPDATE Deliveries AS d SET Status = 'Held', LeaseOwner = NULL, LeaseUntil = NULL
            WHERE {Due} AND d.WebHookId IN (SELECT Id FROM WebHooks WHERE Status = 'Paused');
            """);
        _failDueOfDeleted = Prepare($"""
            UPDATE Deliveries AS d SET Status = 'Failed', LastError = 'the webhook was deleted', FinishedAt = $now,
                LeaseOwner = NULL, LeaseUntil = NULL
            WHERE {Due} AND d.WebHookId IN (SELECT Id FROM WebHooks WHERE DeletedAt IS NOT NULL);
            """);
        _selectDue = Prepare($"""
            SELECT d.Id, d.WebHookId, h.ActiveVersion, d.MessageId, d.ScheduleStep, e.PayloadJson
            FROM Deliveries AS d
            JOIN WebHooks AS h ON h.Id = d.WebHookId
            JOIN Events AS e ON e.Id = d.EventId
            WHERE {Due} AND h.Status = 'Active' AND h.DeletedAt IS NULL
            ORDER BY d.NextAttemptAt
            LIMIT $limit;
            """);
        _lease = Prepare("""
            UPDATE Deliveries SET Status = 'InFlight', LeaseOwner = $owner, LeaseUntil = $leaseUntil,
                WebHookVersion = $version
            WHERE Id = $id;
            """);
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
        var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var command in _commands)
        {
            command.Transaction = transaction;
        }

        return transaction;
    }

    /// <summary>
    /// Changes whenever another connection committed since the last look; the writer's own do not count.
    /// </summary>
    public long DataVersion() => (long)_dataVersion.ExecuteScalar()!;

    public List<TriggerTarget> ReadTargets()
    {
        var targets = new List<TriggerTarget>();
        using var reader = _targets.ExecuteReader();
        while (reader.Read())
        {
            targets.Add(new TriggerTarget(
                reader.GetInt32(0),
                Enum.Parse<TriggerType>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                Enum.Parse<WebHookStatus>(reader.GetString(3)),
                reader.GetInt32(4)));
        }

        return targets;
    }

    /// <summary>Stores an event; null when its client id was stored before, which makes ingestion idempotent.</summary>
    public long? InsertEvent(DispatchCommand.IngestItem item, DateTimeOffset now)
    {
        Set(_insertEvent, "$clientId", item.ClientId);
        Set(_insertEvent, "$type", item.Event.Type.ToString());
        Set(_insertEvent, "$code", item.Event.Code);
        Set(_insertEvent, "$payload", item.PayloadJson);
        Set(_insertEvent, "$now", ToStored(now));

        return (long?)_insertEvent.ExecuteScalar();
    }

    /// <summary>Stores a delivery: in flight under this writer's lease, or held when its hook is paused.</summary>
    public long InsertDelivery(
        long eventId,
        TriggerTarget target,
        string messageId,
        string? owner,
        DateTimeOffset now,
        DateTimeOffset? leaseUntil)
    {
        Set(_insertDelivery, "$eventId", eventId);
        Set(_insertDelivery, "$hookId", target.WebHookId);
        Set(_insertDelivery, "$version", target.Version);
        Set(_insertDelivery, "$status", (owner is null ? DeliveryStatus.Held : DeliveryStatus.InFlight).ToString());
        Set(_insertDelivery, "$owner", owner);
        Set(_insertDelivery, "$leaseUntil", leaseUntil is { } until ? ToStored(until) : null);
        Set(_insertDelivery, "$messageId", messageId);
        Set(_insertDelivery, "$now", ToStored(now));

        return (long)_insertDelivery.ExecuteScalar()!;
    }

    /// <summary>
    /// Applies the transition when <paramref name="owner"/> still holds the delivery's lease, counting the attempt
    /// if there was one. Returns the attempt count after it, or null when the lease is gone (nothing changed).
    /// </summary>
    public int? Transition(long deliveryId, string owner, DeliveryTransition transition, bool attempted)
    {
        Set(_transition, "$id", deliveryId);
        Set(_transition, "$owner", owner);
        Set(_transition, "$attempted", attempted ? 1 : 0);
        Set(_transition, "$status", transition.Status.ToString());
        Set(_transition, "$keepsError", transition.KeepsError);
        Set(_transition, "$error", transition.Error);
        Set(_transition, "$finishedAt", transition.FinishedAt is { } finished ? ToStored(finished) : null);
        Set(_transition, "$nextAttemptAt", transition.NextAttemptAt is { } next ? ToStored(next) : null);
        Set(_transition, "$advance", transition.AdvancesSchedule ? 1 : 0);

        var count = _transition.ExecuteScalar();

        return count is null ? null : Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Counts an attempt of a delivery whose lease was lost: logged, but another claim decides its state.
    /// </summary>
    public int? CountAttempt(long deliveryId)
    {
        Set(_countAttempt, "$id", deliveryId);
        var count = _countAttempt.ExecuteScalar();

        return count is null ? null : Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void InsertAttempt(long deliveryId, int number, AttemptRow attempt)
    {
        Set(_insertAttempt, "$deliveryId", deliveryId);
        Set(_insertAttempt, "$number", number);
        Set(_insertAttempt, "$startedAt", ToStored(attempt.StartedAt));
        Set(_insertAttempt, "$durationMs", attempt.DurationMs);
        Set(_insertAttempt, "$method", attempt.Method);
        Set(_insertAttempt, "$url", attempt.Url);
        Set(_insertAttempt, "$requestHeaders", attempt.RequestHeaders);
        Set(_insertAttempt, "$requestBody", attempt.RequestBody);
        Set(_insertAttempt, "$responseStatus", attempt.ResponseStatus);
        Set(_insertAttempt, "$responseHeaders", attempt.ResponseHeaders);
        Set(_insertAttempt, "$responseBody", attempt.ResponseBody);
        Set(_insertAttempt, "$error", attempt.Error);
        Set(_insertAttempt, "$omitted", attempt.Omitted);
        _insertAttempt.ExecuteNonQuery();
    }

    /// <summary>The statuses of the hook's latest finished deliveries, newest first.</summary>
    public List<DeliveryStatus> LatestEndStates(int webHookId, int count)
    {
        Set(_latestEndStates, "$hookId", webHookId);
        Set(_latestEndStates, "$count", count);

        var states = new List<DeliveryStatus>(count);
        using var reader = _latestEndStates.ExecuteReader();
        while (reader.Read())
        {
            states.Add(Enum.Parse<DeliveryStatus>(reader.GetString(0)));
        }

        return states;
    }

    /// <summary>Pauses an active hook and holds its pending deliveries; false when it was not active.</summary>
    public bool PauseHook(int webHookId, DateTimeOffset now)
    {
        Set(_pauseHook, "$hookId", webHookId);
        Set(_pauseHook, "$now", ToStored(now));
        if (_pauseHook.ExecuteNonQuery() == 0)
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
        Set(_insertAudit, "$at", ToStored(entry.At));
        Set(_insertAudit, "$actor", entry.Actor);
        Set(_insertAudit, "$action", entry.Action);
        Set(_insertAudit, "$targetType", entry.TargetType);
        Set(_insertAudit, "$targetId", entry.TargetId);
        Set(_insertAudit, "$summary", entry.Summary);
        _insertAudit.ExecuteNonQuery();
    }

    public void HoldPending(int webHookId)
    {
        Set(_holdPending, "$hookId", webHookId);
        _holdPending.ExecuteNonQuery();
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> due deliveries to <paramref name="owner"/>: pending ones whose time
    /// came and in-flight ones whose lease ran out. Due deliveries of paused hooks become held on the way, and those
    /// of deleted hooks fail, since they can never be sent. A claimed delivery goes out with the hook's version in
    /// force and records it: a retry, a replay or a held delivery after a fix sends the fixed request, as Stripe
    /// and Svix resend to the endpoint as it is now.
    /// </summary>
    public List<DeliveryWork> Claim(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        var storedNow = ToStored(now);
        Set(_holdDueOfPaused, "$now", storedNow);
        _holdDueOfPaused.ExecuteNonQuery();
        Set(_failDueOfDeleted, "$now", storedNow);
        _failDueOfDeleted.ExecuteNonQuery();

        var claimed = new List<DeliveryWork>();
        Set(_selectDue, "$now", storedNow);
        Set(_selectDue, "$limit", limit);
        using (var reader = _selectDue.ExecuteReader())
        {
            while (reader.Read())
            {
                claimed.Add(new DeliveryWork(
                    reader.GetInt64(0),
                    reader.GetInt32(1),
                    reader.GetInt32(2),
                    reader.GetString(3),
                    reader.GetInt32(4),
                    leaseUntil,
                    null,
                    reader.GetString(5)));
            }
        }

        Set(_lease, "$owner", owner);
        Set(_lease, "$leaseUntil", ToStored(leaseUntil));
        foreach (var work in claimed)
        {
            Set(_lease, "$id", work.DeliveryId);
            Set(_lease, "$version", work.WebHookVersion);
            _lease.ExecuteNonQuery();
        }

        return claimed;
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private static void Set(SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in SqlParameterNames.Of(sql))
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        _commands.Add(command);

        return command;
    }
}
