namespace WebHookPanel.Review;

/// <summary>An admin's last word on a hook: which version, approved or rejected, by whom, when and why.</summary>
public sealed record ReviewDecision(
    int Version,
    ReviewState Outcome,
    string Reviewer,
    DateTimeOffset DecidedAt,
    string? Comment);
