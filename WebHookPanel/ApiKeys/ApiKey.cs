namespace WebHookPanel.ApiKeys;

/// <summary>
/// A key that a system sends as <c>X-Api-Key</c>. Only its hash is stored: the key itself is shown once, when it is
/// made, and can never be read back. A key is never deleted, so the audit log and last use stay explainable.
/// </summary>
public sealed class ApiKey
{
    public ApiKey(
        string name,
        string? prefix,
        byte[] hash,
        ApiKeyScopes scopes,
        DateTimeOffset createdAt,
        string createdBy,
        DateTimeOffset? expiresAt)
    {
        Name = name;
        Prefix = prefix;
        Hash = hash;
        Scopes = scopes;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        ExpiresAt = expiresAt;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>
    /// The start of the key (<c>whp_ab12cd</c>), which tells keys apart in lists and logs without revealing them;
    /// null for the bootstrap key, whose text comes from the configuration and is never shown in any part.
    /// </summary>
    public string? Prefix { get; private set; }

    /// <summary>SHA-256 of the key's UTF-8 text (see <see cref="ApiKeySecret"/>).</summary>
    public byte[] Hash { get; private set; }

    public ApiKeyScopes Scopes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    /// <summary>Recorded at most once a minute per key, so it may lag the latest call by that much.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public void Revoke(DateTimeOffset at, string by)
    {
        RevokedAt = at;
        RevokedBy = by;
    }
}
