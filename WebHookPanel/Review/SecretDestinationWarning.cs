using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Review;

/// <summary>
/// Warns a reviewer when a change sends secrets that its author never saw to a new host. A marketer may point a
/// hook elsewhere and keep its masked Authorization as it is; a test send or an approval then hands the stored
/// credential to that host, so the reviewer must trust the host before either.
/// </summary>
public static class SecretDestinationWarning
{
    /// <summary>
    /// The warning for <paramref name="latest"/>, or null when it sends no kept secret to a new host.
    /// </summary>
    public static string? For(WebHookDefinition latest, WebHookDefinition? inForce)
    {
        ArgumentNullException.ThrowIfNull(latest);

        if (inForce is null)
        {
            return null;
        }

        var before = Authority(inForce.Uri);
        var after = Authority(latest.Uri);
        if (string.Equals(before, after, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var stored = (inForce.Headers ?? []).Where(r => r is not null && SecretHeaderRule.HoldsSecret(r)).ToList();
        var kept = (latest.Headers ?? [])
            .Where(r => r is not null && SecretHeaderRule.HoldsSecret(r))
            .Where(r => stored.Any(s => string.Equals(s.Key, r.Key, StringComparison.OrdinalIgnoreCase)
                && string.Equals(s.Value, r.Value, StringComparison.Ordinal)))
            .Select(r => r.Key)
            .ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        return $"This version sends the stored {Names(kept)} of the version in force to {after} instead of "
            + $"{before}. A test send or an approval hands {(kept.Count == 1 ? "that secret" : "those secrets")} "
            + "to the new host: make sure it is trusted first.";
    }

    // Scheme, host and port as written, parameters and all: "{tenant}.example.com" differs from "crm.example.com",
    // and http differs from https, where the secret would cross the network in clear.
    private static string Authority(string? uri)
    {
        var text = uri ?? "";
        var start = text.IndexOf("://", StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 3;
        var end = text.IndexOfAny(['/', '?', '#'], start);

        return end < 0 ? text : text[..end];
    }

    private static string Names(List<string> keys) =>
        keys.Count == 1 ? $"secret {keys[0]}" : $"secrets {string.Join(", ", keys)}";
}
