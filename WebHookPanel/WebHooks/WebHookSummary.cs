using WebHookPanel.Review;

namespace WebHookPanel.WebHooks;

/// <summary>
/// One row of the hook list: only what the list shows, never the rows or secrets. Name, method, trigger and URI
/// are the latest version's; <see cref="ActiveVersion"/> is the one that sends, null while none was approved.
/// </summary>
public sealed record WebHookSummary(
    int Id,
    string Name,
    WebHookMethod Method,
    TriggerType TriggerType,
    string? TriggerFilter,
    string Uri,
    WebHookStatus Status,
    int Version,
    DateTimeOffset UpdatedAt,
    int? ActiveVersion,
    ReviewState Review);
