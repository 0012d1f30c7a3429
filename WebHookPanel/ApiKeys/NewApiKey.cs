namespace WebHookPanel.ApiKeys;

/// <summary>What an admin asks for when creating a key: the form's model.</summary>
public sealed class NewApiKey
{
    public string Name { get; set; } = "";

    public ApiKeyScopes Scopes { get; set; }

    /// <summary>When the key stops working; null for a key that works until it is revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
