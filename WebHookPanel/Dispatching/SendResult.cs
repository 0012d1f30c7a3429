namespace WebHookPanel.Dispatching;

/// <param name="Attempt">The logged exchange.</param>
/// <param name="Kind">What it means for the delivery.</param>
/// <param name="RetryAfter">The receiver's <c>Retry-After</c> on a 429 or 503.</param>
public sealed record SendResult(AttemptRecord Attempt, OutcomeKind Kind, TimeSpan? RetryAfter);
