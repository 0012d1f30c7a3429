namespace WebHookPanel.Api;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    public const string ScopeClaim = "scope";

    public const string EventsWriteScope = "events:write";

    public const string WebHooksAdminScope = "webhooks:admin";
}
