using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Accounts;
using WebHookPanel.Requests;
using WebHookPanel.Review;
using WebHookPanel.Secrets;
using WebHookPanel.Validation;

namespace WebHookPanel.WebHooks;

/// <summary>
/// Checks and saves definitions for the wizard and the admin API alike, with the same validator, so that a
/// hook saved through either has passed exactly the same rules; and takes admins' review decisions. Each call
/// names its actor: an admin's save is in force at once, anyone else's waits for review. Secret header values are
/// stored encrypted; one sent as the mask keeps the stored value (<see cref="DefinitionSecrets"/>).
/// </summary>
public sealed class WebHookCommands(
    WebHookStore store,
    ReviewStore reviews,
    WebHookDefinitionValidator validator,
    DefinitionSecrets secrets)
{
    public const int MaxCommentLength = 1000;

    /// <summary>Every rule that needs no database: cheap enough for each keystroke.</summary>
    public FormErrors Check(WebHookDefinition definition) => FormErrors.From(validator.Validate(definition));

    public UriTemplateParseResult SyncUriParameters(WebHookDefinition definition) =>
        UriParameterSync.Apply(definition);

    /// <summary>
    /// Creates a hook. The status is null for what the actor's rights give (in force for an admin, pending for
    /// anyone else); an admin may ask for Paused, or for PendingReview to have the version reviewed first.
    /// </summary>
    public async Task<SaveResult> CreateAsync(
        WebHookDefinition definition,
        ClaimsPrincipal actor,
        CancellationToken cancellationToken,
        WebHookStatus? status = null)
    {
        if (!actor.CanAuthor())
        {
            return SaveResult.Refused();
        }

        var sealing = await secrets.PrepareAsync(null, definition, cancellationToken);
        var errors = await CheckAllAsync(definition, null, actor, status, cancellationToken);
        sealing.Check(errors);
        if (!errors.IsEmpty)
        {
            return SaveResult.Invalid(errors);
        }

        try
        {
            var created = await store.CreateAsync(sealing.Seal(), actor, status, cancellationToken);

            return SaveResult.Saved(created, WebHookStore.PutsInForce(actor, status));
        }
        catch (DbUpdateException exception) when (IsUniqueNameViolation(exception))
        {
            // Another save took the name between the check and the insert; the unique index caught it.
            return SaveResult.Invalid(NameTaken(definition));
        }
    }

    public async Task<SaveResult> ReviseAsync(
        int id,
        WebHookDefinition definition,
        ClaimsPrincipal actor,
        CancellationToken cancellationToken,
        WebHookStatus? status = null,
        int? expectedVersion = null)
    {
        if (!actor.CanAuthor())
        {
            return SaveResult.Refused();
        }

        var sealing = await secrets.PrepareAsync(id, definition, cancellationToken);
        var errors = await CheckAllAsync(definition, id, actor, status, cancellationToken);
        sealing.Check(errors);
        if (!errors.IsEmpty)
        {
            return SaveResult.Invalid(errors);
        }

        try
        {
            var stored = sealing.Seal();
            var outcome = await store.ReviseAsync(id, stored, actor, status, expectedVersion, cancellationToken);

            return outcome switch
            {
                ReviseOutcome.Saved => SaveResult.Saved(id, inForce: true),
                ReviseOutcome.SavedForReview => SaveResult.Saved(id, inForce: false),
                ReviseOutcome.Conflict => SaveResult.Outdated(),
                ReviseOutcome.UnknownVersion => SaveResult.Invalid(UnknownVersion(expectedVersion)),
                _ => SaveResult.Missing(),
            };
        }
        catch (DbUpdateException exception) when (IsUniqueNameViolation(exception))
        {
            return SaveResult.Invalid(NameTaken(definition));
        }
    }

    /// <summary>Puts the pending <paramref name="version"/> in force; refused unless the actor is an admin.</summary>
    public async Task<ReviewResult> ApproveAsync(
        int id,
        int version,
        string? comment,
        ClaimsPrincipal actor,
        CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin())
        {
            return ReviewResult.Forbidden();
        }

        var errors = CheckComment(comment, required: false);

        return errors.IsEmpty
            ? await reviews.ApproveAsync(id, version, Trimmed(comment), actor, cancellationToken)
            : ReviewResult.Invalid(errors);
    }

    /// <summary>
    /// Turns the pending <paramref name="version"/> down with a comment the author will read; refused unless the
    /// actor is an admin.
    /// </summary>
    public async Task<ReviewResult> RejectAsync(
        int id,
        int version,
        string? comment,
        ClaimsPrincipal actor,
        CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin())
        {
            return ReviewResult.Forbidden();
        }

        var errors = CheckComment(comment, required: true);

        return errors.IsEmpty
            ? await reviews.RejectAsync(id, version, Trimmed(comment)!, actor, cancellationToken)
            : ReviewResult.Invalid(errors);
    }

    private static FormErrors CheckComment(string? comment, bool required)
    {
        var errors = new FormErrors();
        var text = Trimmed(comment);
        if (text is null && required)
        {
            errors.Add("Comment", "Say what must change: a rejection needs a comment for the author.");
        }
        else if (text?.Length > MaxCommentLength)
        {
            errors.Add("Comment", $"The comment has {text.Length} characters; keep it to {MaxCommentLength}.");
        }

        return errors;
    }

    private static string? Trimmed(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();

    private async Task<FormErrors> CheckAllAsync(
        WebHookDefinition definition,
        int? exceptId,
        ClaimsPrincipal actor,
        WebHookStatus? status,
        CancellationToken cancellationToken)
    {
        var errors = FormErrors.From(await validator.ValidateAsync(definition, exceptId, cancellationToken));
        if (status == WebHookStatus.Rejected)
        {
            errors.Add(
                "Status",
                "A webhook is rejected through its review (POST /api/webhooks/{id}/reject), not by its status; "
                + "send Active, Paused or PendingReview, or leave the status out.");
        }
        else if ((status is WebHookStatus.Active or WebHookStatus.Paused) && !actor.IsAdmin())
        {
            errors.Add("Status", "Only an admin can make a webhook Active or Paused; leave the status out and an "
                + "admin will review the change.");
        }

        return errors;
    }

    private static bool IsUniqueNameViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 } inner
        && inner.Message.Contains(nameof(WebHook.NormalizedName), StringComparison.Ordinal);

    // Versions count from 1 up to the latest: another number is a mistake in the request, not a race with another
    // writer, so it is named as a field rather than answered as a conflict.
    private static FormErrors UnknownVersion(int? version)
    {
        var errors = new FormErrors();
        errors.Add("Version", $"Version {version} does not exist; send the version you read, or leave it out to "
            + "save over whatever is latest.");

        return errors;
    }

    private static FormErrors NameTaken(WebHookDefinition definition)
    {
        var errors = new FormErrors();
        errors.Add("Name", $"Name '{definition.Name.Trim()}' is already used by another webhook; choose another name.");

        return errors;
    }
}
