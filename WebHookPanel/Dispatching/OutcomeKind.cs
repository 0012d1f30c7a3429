namespace WebHookPanel.Dispatching;

/// <summary>What an attempt means for its delivery (DESIGN §5.2).</summary>
public enum OutcomeKind
{
    Succeeded,

    /// <summary>Network error, timeout, 408, 425, 429 or 5xx: tried again on the schedule.</summary>
    Retry,

    /// <summary>3xx, other 4xx, or a request that cannot be built: ended at once.</summary>
    Failed,

    /// <summary>410: the delivery failed and the hook is paused.</summary>
    Gone,

    /// <summary>Not attempted after all (shutdown): due again at once.</summary>
    Released,

    /// <summary>
    /// Not attempted: the host's circuit is open after many failures there. Due again when the circuit may close,
    /// without using a step of the schedule or counting an attempt, since the receiver was never asked.
    /// </summary>
    Deferred,

    /// <summary>
    /// Not attempted: the event lacks what the hook's request needs (a URI parameter's value) or cannot be read.
    /// Ended at once, and not held against the hook: a bad event says nothing about its receiver.
    /// </summary>
    EventRejected,
}
