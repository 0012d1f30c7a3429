namespace WebHookPanel.Api;

/// <summary>
/// The body of <c>POST /api/webhooks/{id}/test</c>: the event, checked as <c>POST /api/events</c> checks it, and
/// optionally the version to send (e.g. the one under review); without it, the version in force, or the latest of
/// a hook never approved.
/// </summary>
public sealed record TestSendRequest(IncomingEvent? Event, int? Version = null);
