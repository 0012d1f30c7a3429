namespace WebHookPanel.Audit;

/// <summary>
/// One line of the audit log: who did what to which hook, user, key or setting, and what changed. Entries are
/// only ever added.
/// </summary>
public sealed class AuditEntry
{
    public AuditEntry(
        DateTimeOffset at,
        string actor,
        string action,
        string targetType,
        string targetId,
        string summary)
    {
        At = at;
        Actor = actor;
        Action = action;
        TargetType = targetType;
        TargetId = targetId;
        Summary = summary;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>User name or API key name; "system" for the dispatcher's own changes.</summary>
    public string Actor { get; private set; }

    /// <summary>A dotted verb such as <c>webhook.approved</c> or <c>secret.revealed</c>.</summary>
    public string Action { get; private set; }

    /// <summary><c>webhook</c>, <c>user</c>, <c>apikey</c> or <c>setting</c>.</summary>
    public string TargetType { get; private set; }

    public string TargetId { get; private set; }

    /// <summary>What changed, for people: field by field, secrets never in clear.</summary>
    public string Summary { get; private set; }
}
