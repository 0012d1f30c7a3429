using System.Text;

namespace WebHookPanel.WebHooks;

/// <summary>
/// A hook as stored: the columns the list filters and sorts on, and the numbered versions that hold each saved
/// definition. The latest version is what the form edits; deliveries record the version they were built from.
/// </summary>
public sealed class WebHook
{
    private readonly List<WebHookVersion> _versions = [];

    private WebHook()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>
    /// Composed (NFC) and upper-cased name: uniqueness ignores case and how an accented letter was typed, whatever
    /// SQLite's collation knows.
    /// </summary>
    public string NormalizedName { get; private set; } = "";

    public WebHookMethod Method { get; private set; }

    public TriggerType TriggerType { get; private set; }

    public string? TriggerFilter { get; private set; }

    public string Uri { get; private set; } = "";

    public WebHookStatus Status { get; private set; }

    public int LatestVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Set when the hook is deleted: the row stays so that its delivery history keeps its context.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public IReadOnlyList<WebHookVersion> Versions => _versions;

    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        try
        {
            return trimmed.Normalize(NormalizationForm.FormC).ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be composed; the validator refuses such names, but a search text may hold one.
            return trimmed.ToUpperInvariant();
        }
    }

    public static WebHook Create(WebHookDefinition definition, WebHookStatus status, DateTimeOffset now)
    {
        var hook = new WebHook { CreatedAt = now, Status = status };
        hook.Revise(definition, now);

        return hook;
    }

    public void Revise(WebHookDefinition definition, DateTimeOffset now)
    {
        var stored = definition.Clone();
        stored.Name = stored.Name.Trim();

        Name = stored.Name;
        NormalizedName = Normalize(stored.Name);
        Method = stored.Method;
        TriggerType = stored.Trigger.Type;
        TriggerFilter = stored.Trigger.Filter;
        Uri = stored.Uri;
        UpdatedAt = now;
        LatestVersion++;
        _versions.Add(new WebHookVersion(LatestVersion, stored, now));
    }

    public void ChangeStatus(WebHookStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAt = now;
        UpdatedAt = now;

        // The name is freed for a new hook; the deleted one keeps its id and history.
        NormalizedName = $"{NormalizedName}#deleted-{Id}";
    }
}
