using WebHookPanel.Api;

namespace WebHookPanel.ApiKeys;

/// <summary>The scope names of the API (<c>events:write</c>, <c>webhooks:admin</c>) for a key's scope flags.</summary>
public static class ApiKeyScopeNames
{
    public static IReadOnlyList<string> Of(ApiKeyScopes scopes)
    {
        var names = new List<string>(2);
        if (scopes.HasFlag(ApiKeyScopes.EventsWrite))
        {
            names.Add(ApiKeyDefaults.EventsWriteScope);
        }

        if (scopes.HasFlag(ApiKeyScopes.WebHooksAdmin))
        {
            names.Add(ApiKeyDefaults.WebHooksAdminScope);
        }

        return names;
    }
}
