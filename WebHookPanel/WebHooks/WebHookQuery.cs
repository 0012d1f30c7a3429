using WebHookPanel.Review;

namespace WebHookPanel.WebHooks;

/// <summary>A filter and a page of the hook list. Pages count from 1.</summary>
public sealed record WebHookQuery(
    string? Search = null,
    TriggerType? Trigger = null,
    WebHookStatus? Status = null,
    int Page = 1,
    int PageSize = 20,
    ReviewState? Review = null)
{
    public const int MaxPageSize = 200;

    /// <summary>The last page whose offset still fits the database's integer.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public int SafePage => Math.Clamp(Page, 1, MaxPage);

    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
}
