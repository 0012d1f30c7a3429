using WebHookPanel.Events;

namespace WebHookPanel.Api;

/// <summary>The body of <c>POST /api/webhooks/{id}/test</c>.</summary>
public sealed record TestSendRequest(WebHookEvent? Event);
