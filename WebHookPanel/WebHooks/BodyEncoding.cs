namespace WebHookPanel.WebHooks;

public enum BodyEncoding
{
    Json,
    Form,
}
