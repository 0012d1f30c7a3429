using WebHookPanel.WebHooks;

namespace WebHookPanel.Api;

public sealed record WebHookListResponse(IReadOnlyList<WebHookSummary> Items, int Total, int Page, int PageSize);
