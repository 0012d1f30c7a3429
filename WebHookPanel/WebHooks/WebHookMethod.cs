namespace WebHookPanel.WebHooks;

/// <summary>The request methods a hook may use.</summary>
public enum WebHookMethod
{
    GET,
    POST,
    PUT,
    PATCH,
    DELETE,
}
