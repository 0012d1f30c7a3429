namespace WebHookPanel.ApiKeys;

/// <summary>What authenticating a call needs to know of an unrevoked key.</summary>
public sealed record CachedApiKey(int Id, string Name, byte[] Hash, ApiKeyScopes Scopes, DateTimeOffset? ExpiresAt);
