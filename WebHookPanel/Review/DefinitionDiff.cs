using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Review;

/// <summary>
/// Compares two versions of a hook field by field, for the review page, the review API and the audit log alike.
/// Secret values are compared but never written out: a reviewer learns that a secret changed, not what it is.
/// </summary>
public static class DefinitionDiff
{
    public const string Mask = CurlFormatter.Mask;

    /// <summary>The changes from <paramref name="before"/> (null: nothing yet, every field is added).</summary>
    public static IReadOnlyList<DefinitionChange> Compare(WebHookDefinition? before, WebHookDefinition after)
    {
        var changes = new List<DefinitionChange>();

        Scalar(changes, "Name", before?.Name.Trim(), after.Name.Trim());
        Scalar(changes, "URI", before?.Uri, after.Uri);
        UriParameters(changes, before?.UriParameters ?? [], after.UriParameters);
        Scalar(changes, "Method", before?.Method.ToString(), after.Method.ToString());
        Scalar(
            changes,
            "Trigger",
            before is null ? null : WebHookLabels.Trigger(before.Trigger),
            WebHookLabels.Trigger(after.Trigger));
        Scalar(changes, "Body encoding", before?.BodyEncoding.ToString(), after.BodyEncoding.ToString());
        Scalar(changes, "Signing", before is null ? null : OnOff(before.Signing.Enabled), OnOff(after.Signing.Enabled));
        Rows(changes, "Header", before?.Headers ?? [], after.Headers, StringComparer.OrdinalIgnoreCase, isHeader: true);
        Rows(changes, "Parameter", before?.Parameters ?? [], after.Parameters, StringComparer.Ordinal, isHeader: false);

        return changes;
    }

    /// <summary>
    /// One line for the audit log: each changed field with its old and new text, which already hides secrets.
    /// </summary>
    public static string Summarize(IReadOnlyList<DefinitionChange> changes) =>
        changes.Count == 0
            ? "no field changed"
            : string.Join("; ", changes.Select(c => c.Kind switch
            {
                ChangeKind.Added => $"{c.Field} added: {c.After}",
                ChangeKind.Removed => $"{c.Field} removed (was {c.Before})",
                _ => $"{c.Field}: {c.Before} → {c.After}",
            }));

    private static void Scalar(List<DefinitionChange> changes, string field, string? before, string after)
    {
        if (before is null)
        {
            changes.Add(new DefinitionChange(field, ChangeKind.Added, null, after));
        }
        else if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new DefinitionChange(field, ChangeKind.Changed, before, after));
        }
    }

    private static void UriParameters(
        List<DefinitionChange> changes,
        List<UriParameter> before,
        List<UriParameter> after)
    {
        var old = before.GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var parameter in after)
        {
            var field = $"Label of {{{parameter.Name}}}";
            if (!old.Remove(parameter.Name, out var previous))
            {
                changes.Add(new DefinitionChange(field, ChangeKind.Added, null, ParameterText(parameter)));
            }
            else if (ParameterText(previous) != ParameterText(parameter))
            {
                changes.Add(new DefinitionChange(
                    field,
                    ChangeKind.Changed,
                    ParameterText(previous),
                    ParameterText(parameter)));
            }
        }

        foreach (var removed in before.Where(p => old.ContainsKey(p.Name)))
        {
            changes.Add(new DefinitionChange(
                $"Label of {{{removed.Name}}}",
                ChangeKind.Removed,
                ParameterText(removed),
                null));
        }
    }

    private static void Rows(
        List<DefinitionChange> changes,
        string kind,
        List<FieldRow> before,
        List<FieldRow> after,
        StringComparer keys,
        bool isHeader)
    {
        var old = new Dictionary<string, FieldRow>(keys);
        foreach (var row in before)
        {
            old.TryAdd(row.Key, row);
        }

        var kept = new List<string>();
        foreach (var row in after)
        {
            var field = $"{kind} {row.Key}";
            if (!old.Remove(row.Key, out var previous))
            {
                var added = RowText(row, IsSecret(row, isHeader), isHeader);
                changes.Add(new DefinitionChange(field, ChangeKind.Added, null, added));
                continue;
            }

            kept.Add(row.Key);

            // A value that is secret on either side stays masked on both: it is most likely the same secret.
            var secret = IsSecret(previous, isHeader) || IsSecret(row, isHeader);
            if (SameRow(previous, row, isHeader))
            {
                continue;
            }

            var valueChanged = !string.Equals(previous.Value, row.Value, StringComparison.Ordinal);
            var beforeText = RowText(previous, secret, isHeader);
            var afterText = RowText(row, secret, isHeader) + (secret && valueChanged ? " (changed)" : "");
            if (!string.Equals(previous.Key, row.Key, StringComparison.Ordinal))
            {
                beforeText = $"{previous.Key}: {beforeText}";
            }

            changes.Add(new DefinitionChange(field, ChangeKind.Changed, beforeText, afterText));
        }

        foreach (var removed in before.Where(r => old.ContainsKey(r.Key) && ReferenceEquals(old[r.Key], r)))
        {
            changes.Add(new DefinitionChange(
                $"{kind} {removed.Key}",
                ChangeKind.Removed,
                RowText(removed, IsSecret(removed, isHeader), isHeader),
                null));
        }

        // Rows are sent in order, so moving a kept row is a change of its own.
        var keptBefore = before.Select(r => r.Key).Where(k => kept.Contains(k, keys)).ToList();
        if (!keptBefore.SequenceEqual(kept, keys))
        {
            changes.Add(new DefinitionChange(
                $"{kind} order",
                ChangeKind.Changed,
                string.Join(", ", keptBefore),
                string.Join(", ", kept)));
        }
    }

    // The flag counts as it takes effect: an Authorization row is secret by its name whether or not it was ticked,
    // and a form that ticks it on the way back has changed nothing.
    private static bool SameRow(FieldRow a, FieldRow b, bool isHeader) =>
        string.Equals(a.Key, b.Key, StringComparison.Ordinal)
        && a.Source == b.Source
        && string.Equals(a.Value, b.Value, StringComparison.Ordinal)
        && IsSecret(a, isHeader) == IsSecret(b, isHeader);

    private static bool IsSecret(FieldRow row, bool isHeader) =>
        isHeader ? SecretHeaderRule.IsSecret(row.Key, row.Secret) : row.Secret;

    // Masked when either side is secret; marked "(secret)" by the row's own flag, as it takes effect.
    private static string RowText(FieldRow row, bool masked, bool isHeader) =>
        $"{WebHookLabels.Source(row.Source)} · {(masked ? Mask : row.Value)}"
        + (IsSecret(row, isHeader) ? " (secret)" : "");

    private static string ParameterText(UriParameter parameter) =>
        string.IsNullOrEmpty(parameter.Default)
            ? parameter.Label
            : $"{parameter.Label} · default {parameter.Default}";

    private static string OnOff(bool enabled) => enabled ? "On" : "Off";
}
