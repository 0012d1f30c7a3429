using System.Text;
using WebHookPanel.Review;

namespace WebHookPanel.WebHooks;

/// <summary>
/// A hook as stored: the columns the list filters and sorts on, and the numbered versions that hold each saved
/// definition. The latest version is what the form edits; the version in force is what the dispatcher sends, and
/// the two differ while a change waits for review (or after it was rejected). Deliveries record the version they
/// were built from.
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

    /// <summary>The version that serves; null while no version was ever approved, and then nothing is sent.</summary>
    public int? ActiveVersion { get; private set; }

    /// <summary>The trigger of the version in force: events are matched on it, not on a change under review.</summary>
    public TriggerType? ActiveTriggerType { get; private set; }

    public string? ActiveTriggerFilter { get; private set; }

    /// <summary>Where the latest version stands: pending, approved (then it is the one in force) or rejected.</summary>
    public ReviewState Review { get; private set; }

    public int? LastDecisionVersion { get; private set; }

    public ReviewState? LastDecision { get; private set; }

    public string? LastDecisionBy { get; private set; }

    public DateTimeOffset? LastDecisionAt { get; private set; }

    public string? LastDecisionComment { get; private set; }

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

    /// <summary>A new hook whose first version waits for review; nothing is in force yet.</summary>
    public static WebHook Create(WebHookDefinition definition, string savedBy, DateTimeOffset now)
    {
        var hook = new WebHook { CreatedAt = now, Status = WebHookStatus.PendingReview };
        hook.Revise(definition, savedBy, now);

        return hook;
    }

    /// <summary>Saves a new version that waits for review; the version in force, if any, keeps serving.</summary>
    public WebHookVersion Revise(WebHookDefinition definition, string savedBy, DateTimeOffset now)
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
        Review = ReviewState.Pending;
        if (Status == WebHookStatus.Rejected)
        {
            Status = WebHookStatus.PendingReview;
        }

        var version = new WebHookVersion(LatestVersion, stored, savedBy, now);
        _versions.Add(version);

        return version;
    }

    /// <summary>True while <paramref name="version"/> is the latest version and waits for an admin.</summary>
    public bool AwaitsReview(int version) => Review == ReviewState.Pending && version == LatestVersion;

    /// <summary>
    /// Puts <paramref name="version"/> in force. A hook that never served becomes active; a paused one stays
    /// paused, so that approving a change never sends to a receiver someone chose to stop.
    /// </summary>
    public void Approve(WebHookVersion version, string reviewer, string? comment, DateTimeOffset now)
    {
        ActiveVersion = version.Number;
        ActiveTriggerType = version.Definition.Trigger.Type;
        ActiveTriggerFilter = version.Definition.Trigger.Filter;
        Review = ReviewState.Approved;
        Decide(version.Number, ReviewState.Approved, reviewer, comment, now);
        if (Status is WebHookStatus.PendingReview or WebHookStatus.Rejected)
        {
            Status = WebHookStatus.Active;
        }
    }

    /// <summary>Turns the pending version down; the version in force, if any, keeps serving.</summary>
    public void Reject(int version, string reviewer, string comment, DateTimeOffset now)
    {
        Review = ReviewState.Rejected;
        Decide(version, ReviewState.Rejected, reviewer, comment, now);
        if (ActiveVersion is null)
        {
            Status = WebHookStatus.Rejected;
        }
    }

    /// <summary>Pauses or resumes sending; only a hook with a version in force can do either.</summary>
    public void ChangeStatus(WebHookStatus status, DateTimeOffset now)
    {
        if ((status is WebHookStatus.Active or WebHookStatus.Paused) && ActiveVersion is null)
        {
            throw new InvalidOperationException(
                $"Webhook {Id} has no version in force: it cannot be {status} before a version is approved.");
        }

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

    private void Decide(int version, ReviewState outcome, string reviewer, string? comment, DateTimeOffset now)
    {
        LastDecisionVersion = version;
        LastDecision = outcome;
        LastDecisionBy = reviewer;
        LastDecisionAt = now;
        LastDecisionComment = comment;
        UpdatedAt = now;
    }
}
