using System.Collections.Frozen;

namespace WebHookPanel.Dispatching;

/// <summary>
/// The hooks whose deliveries may go out now, with the version in force of each, as the writer last read them.
/// Workers ask before every send, so that pausing, deleting or changing a hook also reaches the deliveries already
/// handed out in memory, within the writer's next batch (at most a poll interval), instead of at the end of their
/// lease.
/// </summary>
public sealed class SendableHooks
{
    // Null until the writer's first read: nothing is handed out before it.
    private volatile FrozenDictionary<int, int>? _active;

    public bool Allows(int webHookId) => _active is not { } active || active.ContainsKey(webHookId);

    /// <summary>The version a request of the hook is built from now, or null when the writer has not said.</summary>
    public int? VersionInForce(int webHookId) =>
        _active is { } active && active.TryGetValue(webHookId, out var version) ? version : null;

    /// <summary>Replaces the set: hook ids with their versions in force. Called by the writer only.</summary>
    public void Publish(IEnumerable<KeyValuePair<int, int>> activeVersions) =>
        _active = activeVersions.ToFrozenDictionary();
}
