namespace WebHookPanel.WebHooks;

/// <summary>One saved state of a hook's definition. Versions are never changed once written.</summary>
public sealed class WebHookVersion
{
    private WebHookVersion()
    {
    }

    public WebHookVersion(int number, WebHookDefinition definition, string savedBy, DateTimeOffset createdAt)
    {
        Number = number;
        Definition = definition;
        SavedBy = savedBy;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int WebHookId { get; private set; }

    public int Number { get; private set; }

    public WebHookDefinition Definition { get; private set; } = new();

    /// <summary>Who saved it: the user name or API key name that the audit log records too.</summary>
    public string SavedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
