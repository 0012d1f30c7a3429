using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Requests;
using WebHookPanel.Secrets;
using WebHookPanel.Validation;

namespace WebHookPanel.WebHooks;

/// <summary>
/// Checks and saves definitions for the wizard and the admin API alike, with the same validator, so that a
/// hook saved through either has passed exactly the same rules. Secret header values are stored encrypted; one
/// sent as the mask keeps the stored value (<see cref="DefinitionSecrets"/>).
/// </summary>
public sealed class WebHookCommands(
    WebHookStore store,
    WebHookDefinitionValidator validator,
    DefinitionSecrets secrets)
{
    public const WebHookStatus DefaultStatus = WebHookStatus.Active;

    /// <summary>Every rule that needs no database: cheap enough for each keystroke.</summary>
    public FormErrors Check(WebHookDefinition definition) => FormErrors.From(validator.Validate(definition));

    public UriTemplateParseResult SyncUriParameters(WebHookDefinition definition) =>
        UriParameterSync.Apply(definition);

    public async Task<SaveResult> CreateAsync(
        WebHookDefinition definition,
        CancellationToken cancellationToken,
        WebHookStatus status = DefaultStatus)
    {
        var sealing = await secrets.PrepareAsync(null, definition, cancellationToken);
        var errors = await CheckAllAsync(definition, null, cancellationToken);
        sealing.Check(errors);
        if (!errors.IsEmpty)
        {
            return SaveResult.Invalid(errors);
        }

        try
        {
            return SaveResult.Saved(await store.CreateAsync(sealing.Seal(), status, cancellationToken));
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
        CancellationToken cancellationToken,
        WebHookStatus? status = null,
        int? expectedVersion = null)
    {
        var sealing = await secrets.PrepareAsync(id, definition, cancellationToken);
        var errors = await CheckAllAsync(definition, id, cancellationToken);
        sealing.Check(errors);
        if (!errors.IsEmpty)
        {
            return SaveResult.Invalid(errors);
        }

        try
        {
            var outcome = await store.ReviseAsync(id, sealing.Seal(), status, expectedVersion, cancellationToken);

            return outcome switch
            {
                ReviseOutcome.Saved => SaveResult.Saved(id),
                ReviseOutcome.Conflict => SaveResult.Outdated(),
                _ => SaveResult.Missing(),
            };
        }
        catch (DbUpdateException exception) when (IsUniqueNameViolation(exception))
        {
            return SaveResult.Invalid(NameTaken(definition));
        }
    }

    private async Task<FormErrors> CheckAllAsync(
        WebHookDefinition definition,
        int? exceptId,
        CancellationToken cancellationToken) =>
        FormErrors.From(await validator.ValidateAsync(definition, exceptId, cancellationToken));

    private static bool IsUniqueNameViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 } inner
        && inner.Message.Contains(nameof(WebHook.NormalizedName), StringComparison.Ordinal);

    private static FormErrors NameTaken(WebHookDefinition definition)
    {
        var errors = new FormErrors();
        errors.Add("Name", $"Name '{definition.Name.Trim()}' is already used by another webhook; choose another name.");

        return errors;
    }
}
