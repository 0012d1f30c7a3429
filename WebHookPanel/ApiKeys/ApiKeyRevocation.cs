namespace WebHookPanel.ApiKeys;

public enum ApiKeyRevocation
{
    Revoked,
    AlreadyRevoked,
    NotFound,

    /// <summary>The actor may not manage keys; nothing changed.</summary>
    Refused,
}
