namespace WebHookPanel.Dispatching;

/// <summary>The result of working on one delivery, waiting for the writer to commit it.</summary>
public sealed record DeliveryOutcome(
    long DeliveryId,
    OutcomeKind Kind,
    AttemptRecord? Attempt,
    string? Error,
    TimeSpan? RetryAfter);
