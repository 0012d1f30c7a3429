using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Secrets;

/// <summary>
/// What anyone sees in place of a secret header value, admins included until they reveal it. The same text sent
/// back in a save means "keep the stored value".
/// </summary>
public static class SecretMask
{
    public const string Value = "••••••";

    /// <summary>
    /// Replaces each secret header value of <paramref name="definition"/> by <see cref="Value"/> and flags the row
    /// secret, in place: pass a copy of what is stored, never the stored object.
    /// </summary>
    public static T? Apply<T>(T? definition)
        where T : WebHookDefinition
    {
        foreach (var row in definition?.Headers ?? [])
        {
            if (row is not null && SecretHeaderRule.HoldsSecret(row))
            {
                row.Value = Value;
                row.Secret = true;
            }
        }

        return definition;
    }

    public static bool IsMask(string? value) => string.Equals(value, Value, StringComparison.Ordinal);

    /// <summary>
    /// A value made of the mask's dots, give or take spaces or a dot, but not the mask itself: most likely a mask
    /// copied badly, which must neither keep nor silently replace a stored secret.
    /// </summary>
    public static bool LooksLikeMask(string? value) =>
        !IsMask(value) && value?.Trim() is { Length: > 0 } trimmed && trimmed.All(c => c == Value[0]);
}
