namespace WebHookPanel.WebHooks;

public sealed record WebHookPage(IReadOnlyList<WebHookSummary> Items, int Total, int Page, int PageSize);
