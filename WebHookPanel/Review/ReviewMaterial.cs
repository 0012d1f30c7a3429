using WebHookPanel.WebHooks;

namespace WebHookPanel.Review;

/// <summary>
/// What an admin reviews: the hook, the state of its review, its latest version, the version in force (null when
/// none is) and the changes between the two.
/// </summary>
public sealed record ReviewMaterial(
    WebHookSummary Hook,
    WebHookReview Review,
    WebHookDefinition Latest,
    WebHookDefinition? InForce,
    IReadOnlyList<DefinitionChange> Changes);
