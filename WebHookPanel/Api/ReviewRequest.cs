namespace WebHookPanel.Api;

/// <summary>
/// The body of <c>POST /api/webhooks/{id}/approve</c> and <c>/reject</c>: the version reviewed (the review's
/// <c>pendingVersion</c>) and a comment, which a rejection requires.
/// </summary>
public sealed record ReviewRequest(int? Version, string? Comment);
