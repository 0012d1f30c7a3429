namespace WebHookPanel.Audit;

/// <summary>
/// A filter and a page of the audit log. Text filters match whole values (the actor ignoring case); the search
/// finds text anywhere in the summary. <see cref="From"/> and <see cref="To"/> are both inclusive. Pages count
/// from 1.
/// </summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? Action = null,
    string? TargetType = null,
    string? TargetId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Search = null,
    int Page = 1,
    int PageSize = 50)
{
    public const int MaxPageSize = 200;

    /// <summary>The last page whose offset still fits the database's integer.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>The longest text a filter takes: longer than any stored actor, action, target or search.</summary>
    public const int MaxTextLength = 256;

    /// <summary>The target types that entries name.</summary>
    public static IReadOnlyList<string> TargetTypes { get; } = ["webhook", "user", "apikey", "setting"];

    public int SafePage => Math.Clamp(Page, 1, MaxPage);

    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
}
