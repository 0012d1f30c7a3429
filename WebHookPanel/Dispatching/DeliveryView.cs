namespace WebHookPanel.Dispatching;

/// <summary>One delivery in a hook's log, with its attempts in order.</summary>
public sealed record DeliveryView(
    long Id,
    string EventId,
    int WebHookVersion,
    DeliveryStatus Status,
    int AttemptCount,
    DateTimeOffset NextAttemptAt,
    string MessageId,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<AttemptView> Attempts);
