namespace WebHookPanel.WebHooks;

/// <summary>One row of the hook list: only what the list shows, never the rows or secrets.</summary>
public sealed record WebHookSummary(
    int Id,
    string Name,
    WebHookMethod Method,
    TriggerType TriggerType,
    string? TriggerFilter,
    string Uri,
    WebHookStatus Status,
    int Version,
    DateTimeOffset UpdatedAt);
