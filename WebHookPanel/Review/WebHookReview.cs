using WebHookPanel.WebHooks;

namespace WebHookPanel.Review;

/// <summary>
/// The review of a hook's latest version as pages and the API show it: its state, who saved it and when, and
/// the last decision an admin took on the hook (for this version or, while this one waits, an earlier one).
/// </summary>
public sealed record WebHookReview(
    ReviewState State,
    int Version,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    ReviewDecision? LastDecision)
{
    /// <summary>The version that waits for an admin, or null when nothing does.</summary>
    public int? PendingVersion => State == ReviewState.Pending ? Version : null;

    /// <summary>The review of <paramref name="hook"/>, whose latest version is <paramref name="latest"/>.</summary>
    public static WebHookReview From(WebHook hook, WebHookVersion latest)
    {
        var decision = hook is { LastDecisionVersion: { } version, LastDecision: { } outcome, LastDecisionAt: { } at }
            ? new ReviewDecision(version, outcome, hook.LastDecisionBy ?? "", at, hook.LastDecisionComment)
            : null;

        return new WebHookReview(hook.Review, latest.Number, latest.SavedBy, latest.CreatedAt, decision);
    }
}
