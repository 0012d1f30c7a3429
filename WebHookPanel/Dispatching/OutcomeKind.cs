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
}
