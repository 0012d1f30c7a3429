namespace WebHookPanel.ApiKeys;

public enum ApiKeyState
{
    Active,
    Expired,
    Revoked,
}
