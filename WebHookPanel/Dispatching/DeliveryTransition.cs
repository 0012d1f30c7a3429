namespace WebHookPanel.Dispatching;

/// <summary>
/// One change of a delivery's state, decided once and applied either to a tracked <see cref="Delivery"/> or, on
/// the writer's hot path, by id in SQL: both ways follow the same rules because both take this value.
/// </summary>
/// <param name="Status">The new status; the lease always ends.</param>
/// <param name="Error">The new last error; ignored when <paramref name="KeepsError"/>.</param>
/// <param name="KeepsError">Whether the last error stays as it was.</param>
/// <param name="FinishedAt">Set for end states, cleared otherwise.</param>
/// <param name="NextAttemptAt">When the delivery is due again; null leaves the time as it was.</param>
/// <param name="AdvancesSchedule">Whether a step of the retry schedule is used up.</param>
/// <param name="EventAtFault">Whether the delivery ended because of its event, not its receiver.</param>
/// <param name="Defers">Whether it waits untried for its host's circuit; any other change resets the count.</param>
public readonly record struct DeliveryTransition(
    DeliveryStatus Status,
    string? Error,
    bool KeepsError,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? NextAttemptAt,
    bool AdvancesSchedule,
    bool EventAtFault = false,
    bool Defers = false)
{
    public static DeliveryTransition Succeeded(DateTimeOffset now) =>
        new(DeliveryStatus.Succeeded, null, false, now, null, false);

    public static DeliveryTransition Failed(string error, DateTimeOffset now) =>
        new(DeliveryStatus.Failed, error, false, now, null, false);

    /// <summary>Failed unsent because of its event; the consecutive-failure rule passes over it.</summary>
    public static DeliveryTransition RejectedEvent(string error, DateTimeOffset now) =>
        new(DeliveryStatus.Failed, error, false, now, null, false, EventAtFault: true);

    public static DeliveryTransition Dead(string error, DateTimeOffset now) =>
        new(DeliveryStatus.Dead, error, false, now, null, false);

    public static DeliveryTransition RetryAt(DateTimeOffset at, string error) =>
        new(DeliveryStatus.Pending, error, false, null, at, true);

    /// <summary>Due again at <paramref name="at"/> without using a step of the schedule.</summary>
    public static DeliveryTransition Deferred(DateTimeOffset at, string error) =>
        new(DeliveryStatus.Pending, error, false, null, at, false, Defers: true);

    /// <summary>Waits for its hook to be resumed; without a new error the last one stays.</summary>
    public static DeliveryTransition Held(string? error) =>
        new(DeliveryStatus.Held, error, error is null, null, null, false);

    /// <summary>Given back unattempted, e.g. at shutdown, so that it is due again at once.</summary>
    public static DeliveryTransition Released(DateTimeOffset now) =>
        new(DeliveryStatus.Pending, null, true, null, now, false);
}
