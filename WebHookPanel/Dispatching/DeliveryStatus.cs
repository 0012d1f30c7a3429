namespace WebHookPanel.Dispatching;

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt at <see cref="Delivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Kept back while its hook is paused; resuming the hook makes it pending again.</summary>
    Held,

    /// <summary>Claimed by a dispatcher under a lease; claimed again by anyone once the lease runs out.</summary>
    InFlight,

    Succeeded,

    /// <summary>Ended by an answer that retrying cannot fix (3xx, most 4xx) or by an unbuildable request.</summary>
    Failed,

    /// <summary>Every attempt of the retry schedule failed.</summary>
    Dead,
}
