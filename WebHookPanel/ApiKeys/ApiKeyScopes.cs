namespace WebHookPanel.ApiKeys;

/// <summary>What an API key may call (DESIGN §6); a key has one or both.</summary>
[Flags]
public enum ApiKeyScopes
{
    None = 0,

    /// <summary><c>events:write</c>: post events.</summary>
    EventsWrite = 1,

    /// <summary><c>webhooks:admin</c>: the admin API, with an admin's rights.</summary>
    WebHooksAdmin = 2,

    All = EventsWrite | WebHooksAdmin,
}
