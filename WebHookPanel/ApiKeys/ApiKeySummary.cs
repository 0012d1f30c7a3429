namespace WebHookPanel.ApiKeys;

/// <summary>A key as the list shows it: everything but its hash.</summary>
public sealed record ApiKeySummary(
    int Id,
    string Name,
    string? Prefix,
    ApiKeyScopes Scopes,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    DateTimeOffset? LastUsedAt)
{
    public ApiKeyState StateAt(DateTimeOffset now) => this switch
    {
        { RevokedAt: not null } => ApiKeyState.Revoked,
        { ExpiresAt: { } expiresAt } when expiresAt <= now => ApiKeyState.Expired,
        _ => ApiKeyState.Active,
    };
}
