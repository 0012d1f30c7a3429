using WebHookPanel.Review;

namespace WebHookPanel.Api;

/// <summary>
/// The answer of <c>GET /api/webhooks/{id}/review</c>, the twin of the review page: the latest version, the version
/// in force, the review and every changed field (secret values masked).
/// </summary>
public sealed record ReviewResponse(
    int Id,
    int Version,
    int? ActiveVersion,
    WebHookReview Review,
    IReadOnlyList<DefinitionChange> Changes);
