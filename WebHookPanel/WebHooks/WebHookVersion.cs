namespace WebHookPanel.WebHooks;

/// <summary>One saved state of a hook's definition. Versions are never changed once written.</summary>
public sealed class WebHookVersion
{
    private WebHookVersion()
    {
    }

    public WebHookVersion(int number, WebHookDefinition definition, DateTimeOffset createdAt)
    {
        Number = number;
        Definition = definition;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int WebHookId { get; private set; }

    public int Number { get; private set; }

    public WebHookDefinition Definition { get; private set; } = new();

    public DateTimeOffset CreatedAt { get; private set; }
}
