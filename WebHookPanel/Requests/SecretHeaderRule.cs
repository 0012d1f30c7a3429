using WebHookPanel.WebHooks;

namespace WebHookPanel.Requests;

/// <summary>
/// Which header values are secrets: encrypted at rest, masked in the UI, the logs, the delivery log and the API.
/// Besides rows their author marked, headers that carry credentials by name: DESIGN's list (Authorization and keys
/// holding token, secret, key, password) and the other usual carriers of credentials and sessions.
/// </summary>
public static class SecretHeaderRule
{
    private static readonly string[] SecretNames = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"];

    private static readonly string[] SecretWords = ["token", "secret", "key", "password", "passwd", "credential"];

    // "Auth" only as a whole part of the name (X-Auth, X-Auth-User): inside a word it is mostly "author".
    private static readonly string[] SecretParts = ["auth"];

    private static readonly char[] PartSeparators = ['-', '_', '.'];

    /// <param name="key">The header name.</param>
    /// <param name="flagged">Whether the row was marked secret by its author.</param>
    public static bool IsSecret(string key, bool flagged)
    {
        ArgumentNullException.ThrowIfNull(key);

        if (flagged)
        {
            return true;
        }

        // Asked for every header of every attempt and its response: plain loops, no allocation.
        foreach (var name in SecretNames)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var word in SecretWords)
        {
            if (key.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var part in key.AsSpan().SplitAny(PartSeparators))
        {
            foreach (var secretPart in SecretParts)
            {
                if (key.AsSpan(part).Equals(secretPart, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the row's value itself is a secret: a fixed value of a secret header. Other sources hold the name of
    /// an attribute, which is no secret; what it resolves to is masked when the request is built.
    /// </summary>
    public static bool HoldsSecret(FieldRow row)
    {
        ArgumentNullException.ThrowIfNull(row);

        return row.Source == ValueSource.Fixed && IsSecret(row.Key ?? "", row.Secret);
    }
}
