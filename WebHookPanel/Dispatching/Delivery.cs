namespace WebHookPanel.Dispatching;

/// <summary>
/// One hook fired by one event: stored in the same transaction as its event (an outbox) and never lost. The
/// claim query moves deliveries to <see cref="DeliveryStatus.InFlight"/> in bulk; every other change goes
/// through the methods here.
/// </summary>
public sealed class Delivery
{
    private Delivery()
    {
    }

    public long Id { get; private set; }

    public long EventId { get; private set; }

    public StoredEvent? Event { get; private set; }

    public int WebHookId { get; private set; }

    /// <summary>The number of the hook version the requests are built from.</summary>
    public int WebHookVersion { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int AttemptCount { get; private set; }

    /// <summary>How many steps of the retry schedule were used since the delivery was created or replayed.</summary>
    public int ScheduleStep { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>The <c>webhook-id</c> of every attempt, so that receivers can drop duplicates.</summary>
    public string MessageId { get; private set; } = "";

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the delivery reached an end state; the consecutive-failure rule reads the latest.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>
    /// Whether it ended because of its event (a URI parameter without a value), not its receiver: the
    /// consecutive-failure rule passes over it, so that bad events cannot pause a hook.
    /// </summary>
    public bool EventAtFault { get; private set; }

    /// <summary>
    /// How many times in a row it waited, untried, for its host's open circuit: each wait is longer, so that a
    /// backlog for a host that stays down is not claimed again every few seconds.
    /// </summary>
    public int Deferrals { get; private set; }

    public static string NewMessageId() => $"msg_{Guid.CreateVersion7():N}";

    /// <summary>A delivery that this process sends at once, under a lease in case it stops before it can.</summary>
    public static Delivery CreateLeased(
        StoredEvent evt,
        int webHookId,
        int version,
        string owner,
        DateTimeOffset now,
        DateTimeOffset leaseUntil)
    {
        var delivery = Create(evt, webHookId, version, DeliveryStatus.InFlight, now);
        delivery.LeaseOwner = owner;
        delivery.LeaseUntil = leaseUntil;

        return delivery;
    }

    public static Delivery CreateHeld(StoredEvent evt, int webHookId, int version, DateTimeOffset now) =>
        Create(evt, webHookId, version, DeliveryStatus.Held, now);

    public bool IsLeasedBy(string owner) =>
        Status == DeliveryStatus.InFlight && string.Equals(LeaseOwner, owner, StringComparison.Ordinal);

    public void RecordAttempt() => AttemptCount++;

    public void Succeed(DateTimeOffset now) => Apply(DeliveryTransition.Succeeded(now));

    public void Fail(string error, DateTimeOffset now) => Apply(DeliveryTransition.Failed(error, now));

    public void Die(string error, DateTimeOffset now) => Apply(DeliveryTransition.Dead(error, now));

    public void RetryAt(DateTimeOffset at, string error) => Apply(DeliveryTransition.RetryAt(at, error));

    public void Hold(string? error) => Apply(DeliveryTransition.Held(error));

    /// <summary>Gives a claimed delivery back unattempted, e.g. at shutdown, so that it is due again at once.</summary>
    public void Release(DateTimeOffset now) => Apply(DeliveryTransition.Released(now));

    public void Apply(DeliveryTransition transition)
    {
        ClearLease();
        Status = transition.Status;
        LastError = transition.KeepsError ? LastError : transition.Error;
        FinishedAt = transition.FinishedAt;
        EventAtFault = transition.EventAtFault;
        Deferrals = transition.Status == DeliveryStatus.Pending && transition.Defers ? Deferrals + 1 : 0;
        NextAttemptAt = transition.NextAttemptAt ?? NextAttemptAt;
        ScheduleStep += transition.AdvancesSchedule ? 1 : 0;
    }

    private static Delivery Create(
        StoredEvent evt,
        int webHookId,
        int version,
        DeliveryStatus status,
        DateTimeOffset now) => new()
    {
        Event = evt,
        WebHookId = webHookId,
        WebHookVersion = version,
        Status = status,
        NextAttemptAt = now,
        MessageId = NewMessageId(),
        CreatedAt = now,
    };

    private void ClearLease()
    {
        LeaseOwner = null;
        LeaseUntil = null;
    }
}
