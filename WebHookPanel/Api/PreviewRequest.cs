using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Api;

/// <summary>The body of <c>POST /api/webhooks/preview</c>: a hook that need not be saved, and an event.</summary>
public sealed record PreviewRequest(WebHookResource? Webhook, WebHookEvent? Event);
