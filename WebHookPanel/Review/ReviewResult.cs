using WebHookPanel.WebHooks;

namespace WebHookPanel.Review;

/// <summary>What came of an approval or rejection, with a message for people when it did not happen.</summary>
public sealed record ReviewResult(ReviewResultKind Kind, FormErrors Errors, string? Message = null)
{
    public const string ForbiddenMessage = "Only an admin can approve or reject a webhook.";

    public bool Succeeded => Kind == ReviewResultKind.Done;

    public static ReviewResult Done() => new(ReviewResultKind.Done, FormErrors.None);

    public static ReviewResult NotFound() =>
        new(ReviewResultKind.NotFound, FormErrors.None, "The webhook does not exist or was deleted.");

    public static ReviewResult Forbidden() => new(ReviewResultKind.Forbidden, FormErrors.None, ForbiddenMessage);

    public static ReviewResult Invalid(FormErrors errors) =>
        new(ReviewResultKind.Invalid, errors, "The review has invalid fields.");

    /// <summary>The message names the version field, so that a caller knows what to send instead.</summary>
    public static ReviewResult NotPending(int version, int? pendingVersion)
    {
        var message = pendingVersion is { } pending
            ? $"Version {version} no longer waits for review: version {pending} does. Review that one."
            : $"Version {version} does not wait for review: no version of this webhook does.";
        var errors = new FormErrors();
        errors.Add("Version", message);

        return new ReviewResult(ReviewResultKind.NotPending, errors, message);
    }
}
