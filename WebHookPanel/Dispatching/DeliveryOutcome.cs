namespace WebHookPanel.Dispatching;

/// <summary>The result of working on one delivery, waiting for the writer to commit it.</summary>
public sealed record DeliveryOutcome(
    DeliveryWork Work,
    OutcomeKind Kind,
    AttemptRow? Attempt,
    string? Error,
    TimeSpan? RetryAfter)
{
    public long DeliveryId => Work.DeliveryId;
}
