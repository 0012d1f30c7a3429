namespace WebHookPanel.Requests;

/// <summary>Which header values are secrets, masked in the UI, the logs, the delivery log and the API.</summary>
public static class SecretHeaderRule
{
    private static readonly string[] SecretWords = ["token", "secret", "key", "password"];

    /// <param name="key">The header name.</param>
    /// <param name="flagged">Whether the row was marked secret by its author.</param>
    public static bool IsSecret(string key, bool flagged)
    {
        ArgumentNullException.ThrowIfNull(key);

        if (flagged || key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var word in SecretWords)
        {
            if (key.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
