using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>
/// The writer's copy of the hooks that events can fire (active or paused, not deleted). Reading them for every
/// batch cost more than storing the batch; they change rarely, and SQLite's data version tells when another
/// connection committed, so the copy is read again only then, or when the writer itself paused a hook.
/// </summary>
public sealed class DispatchTargets(SendableHooks sendable)
{
    private List<TriggerTarget> _targets = [];
    private Dictionary<int, WebHookStatus> _statuses = [];
    private long? _dataVersion;

    /// <summary>
    /// Reads the hooks again when the database changed; call inside the batch's transaction. True when a hook's
    /// status changed or a hook came or went.
    /// </summary>
    public bool Refresh(DispatchStatements statements)
    {
        var version = statements.DataVersion();
        if (version == _dataVersion)
        {
            return false;
        }

        _targets = statements.ReadTargets();
        var statuses = _targets.ToDictionary(t => t.WebHookId, t => t.Status);

        // Other commits (an API key's last use, an audit entry) change the data version too: only a change of the
        // hooks' statuses, or of which hooks there are, is news for the claim.
        var changed = statuses.Count != _statuses.Count
            || statuses.Any(s => !_statuses.TryGetValue(s.Key, out var before) || before != s.Value);
        _statuses = statuses;
        _dataVersion = version;
        Publish();

        return changed;
    }

    /// <summary>Forgets the copy, e.g. after a failed batch whose changes were rolled back.</summary>
    public void Invalidate()
    {
        _dataVersion = null;
        _statuses = [];
    }

    /// <summary>Whether events can fire the hook: false once it is deleted.</summary>
    public bool Contains(int webHookId) => _statuses.ContainsKey(webHookId);

    public bool IsPaused(int webHookId) =>
        _statuses.TryGetValue(webHookId, out var status) && status == WebHookStatus.Paused;

    /// <summary>Records a pause this writer made, which the data version does not show.</summary>
    public void MarkPaused(int webHookId)
    {
        _statuses[webHookId] = WebHookStatus.Paused;
        _targets = [.. _targets.Select(t => t.WebHookId == webHookId ? t with { Status = WebHookStatus.Paused } : t)];
        Publish();
    }

    public IEnumerable<TriggerTarget> Matching(WebHookEvent evt)
    {
        foreach (var target in _targets)
        {
            if (DeliveryRules.Matches(target, evt))
            {
                yield return target;
            }
        }
    }

    private void Publish() =>
        sendable.Publish(_targets
            .Where(t => t.Status == WebHookStatus.Active)
            .Select(t => KeyValuePair.Create(t.WebHookId, t.Version)));
}
