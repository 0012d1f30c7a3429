using WebHookPanel.Events;

namespace WebHookPanel.Dispatching;

/// <summary>Work for the one writer: each kind below is committed together with the others of its batch.</summary>
public abstract record DispatchCommand
{
    private DispatchCommand()
    {
    }

    /// <summary>Events to store with their deliveries; <see cref="Done"/> completes after the commit.</summary>
    public sealed record Ingest(IReadOnlyList<IngestItem> Events, TaskCompletionSource Done) : DispatchCommand;

    public sealed record Outcome(DeliveryOutcome Result) : DispatchCommand;

    /// <summary>A claimed delivery given back unattempted.</summary>
    public sealed record Release(long DeliveryId) : DispatchCommand;

    /// <summary>Only wakes the writer so that it claims due deliveries.</summary>
    public sealed record Wake : DispatchCommand;

    /// <summary>
    /// An event and its stored form, serialized by the caller so that the writer's thread only writes.
    /// </summary>
    public sealed record IngestItem(string ClientId, WebHookEvent Event)
    {
        public string PayloadJson { get; } = StoredEvent.Serialize(Event);
    }
}
