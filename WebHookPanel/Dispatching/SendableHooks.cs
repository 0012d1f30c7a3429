using System.Collections.Frozen;

namespace WebHookPanel.Dispatching;

/// <summary>
/// The hooks whose deliveries may go out now, as the writer last read them. Workers ask before every send, so that
/// pausing or deleting a hook also stops the deliveries already handed out in memory, within the writer's next
/// batch (at most a poll interval), instead of at the end of their lease.
/// </summary>
public sealed class SendableHooks
{
    // Null until the writer's first read: nothing is handed out before it.
    private volatile FrozenSet<int>? _active;

    public bool Allows(int webHookId) => _active is not { } active || active.Contains(webHookId);

    /// <summary>Replaces the set; called by the writer only, after it read or changed the hooks.</summary>
    public void Publish(IEnumerable<int> activeWebHookIds) => _active = activeWebHookIds.ToFrozenSet();
}
