using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Secrets;

/// <summary>
/// Stands between a definition as the wizard or the API sends it and the definition as stored: a secret value
/// sent as the mask (or left empty) keeps the stored one, a typed value replaces it, and every secret value is
/// encrypted before it is stored.
/// </summary>
public sealed class DefinitionSecrets(
    IDbContextFactory<PanelDbContext> contextFactory,
    HeaderSecretProtector protector)
{
    /// <summary>
    /// Matches <paramref name="incoming"/> against the latest stored version of hook <paramref name="webHookId"/>
    /// (none for a new hook). An empty value of a secret row whose stored value can be kept becomes the mask, in
    /// place, so that the validator reads it as "unchanged" rather than as a missing value.
    /// </summary>
    public async Task<SecretSealing> PrepareAsync(
        int? webHookId,
        WebHookDefinition incoming,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);

        var stored = webHookId is { } id ? await LatestAsync(id, cancellationToken) : null;
        var own = webHookId is { } hookId ? await OwnTokensAsync(hookId, cancellationToken) : [];
        var kept = StoredValues(stored);
        foreach (var row in incoming.Headers ?? [])
        {
            if (row is not null && string.IsNullOrEmpty(row.Value) && SecretHeaderRule.HoldsSecret(row)
                && kept.ContainsKey(row.Key ?? ""))
            {
                row.Value = SecretMask.Value;
            }
        }

        return new SecretSealing(protector, incoming, kept, own);
    }

    /// <summary>The hook's latest version as stored, secret values encrypted; null when there is none.</summary>
    public async Task<WebHookDefinition?> LatestAsync(int webHookId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.WebHooks.AsNoTracking()
            .Where(h => h.Id == webHookId && h.DeletedAt == null)
            .SelectMany(h => context.WebHookVersions.Where(v => v.WebHookId == h.Id && v.Number == h.LatestVersion))
            .Select(v => v.Definition)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The keys of the secret rows whose stored values a save may keep, compared ignoring case.</summary>
    public static IReadOnlySet<string> KeepableKeys(WebHookDefinition? stored) =>
        StoredValues(stored).Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Adds an error under each header row that holds the mask but has no stored value to keep: its key was
    /// renamed, it was never saved, or it is no longer secret (a stored secret never turns into a visible value);
    /// and under each row whose value only looks like the mask.
    /// </summary>
    public static void CheckMasks(WebHookDefinition definition, IReadOnlySet<string> keepable, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(errors);

        var rows = definition.Headers ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var subject = string.IsNullOrEmpty(row?.Key) ? "this header" : $"header '{row.Key}'";
            if (row is not null && row.Source == ValueSource.Fixed && SecretMask.LooksLikeMask(row.Value))
            {
                errors.Add($"Headers[{i}].Value", $"Value of {subject} looks like the mask of a stored secret but is "
                    + $"not it; send exactly {SecretMask.Value} to keep the stored value, or type the value.");

                continue;
            }

            if (row is null || !SecretMask.IsMask(row.Value))
            {
                continue;
            }

            if (!SecretHeaderRule.HoldsSecret(row))
            {
                errors.Add($"Headers[{i}].Value", $"Value of {subject} is the mask of a stored secret; type the "
                    + "value again to store it unmasked, or mark the header secret to keep the stored value.");
            }
            else if (!keepable.Contains(row.Key ?? ""))
            {
                errors.Add($"Headers[{i}].Value", $"Value of {subject} has no stored secret to keep; type the "
                    + "secret value.");
            }
        }
    }

    // The encrypted values that any version of this hook stores: a stored definition saved again (a version
    // restored or approved) carries them as they are. A value that merely looks encrypted is still encrypted
    // again, so that one hook can never be made to send another hook's secret.
    private async Task<HashSet<string>> OwnTokensAsync(int webHookId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var versions = await context.WebHookVersions.AsNoTracking()
            .Where(v => v.WebHookId == webHookId)
            .Select(v => v.Definition)
            .ToListAsync(cancellationToken);

        return [.. versions.SelectMany(StoredValues).Select(v => v.Value).Where(HeaderSecretProtector.IsProtected)];
    }

    private static Dictionary<string, string> StoredValues(WebHookDefinition? stored)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in stored?.Headers ?? [])
        {
            if (row is not null && SecretHeaderRule.HoldsSecret(row) && !string.IsNullOrEmpty(row.Value))
            {
                values.TryAdd(row.Key, row.Value);
            }
        }

        return values;
    }
}
