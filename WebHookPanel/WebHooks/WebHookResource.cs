using System.Text.Json.Serialization;
using WebHookPanel.Review;

namespace WebHookPanel.WebHooks;

/// <summary>
/// A hook as the admin API reads and writes it: its latest definition plus its id, status and review.
/// </summary>
public sealed class WebHookResource : WebHookDefinition
{
    [JsonPropertyOrder(-1)]
    public int? Id { get; set; }

    /// <summary>On writes, null keeps the status the caller's rights give; on reads, the hook's status.</summary>
    public WebHookStatus? Status { get; set; }

    /// <summary>
    /// On reads, the number of the latest saved version; on a replace, the version the change was made to, so that
    /// a change to an outdated copy is refused instead of undoing a newer one. Optional on writes.
    /// </summary>
    [JsonPropertyOrder(-1)]
    public int? Version { get; set; }

    /// <summary>
    /// On reads, the version the dispatcher sends: null while no version was ever approved, and then the hook sends
    /// nothing. Ignored on writes.
    /// </summary>
    public int? ActiveVersion { get; set; }

    /// <summary>On reads, where the latest version stands with the admins. Ignored on writes.</summary>
    public WebHookReview? Review { get; set; }

    public static WebHookResource From(
        int id,
        WebHookStatus status,
        WebHookDefinition definition,
        int? activeVersion,
        WebHookReview review)
    {
        var copy = definition.Clone();

        return new WebHookResource
        {
            Id = id,
            Status = status,
            Version = review.Version,
            ActiveVersion = activeVersion,
            Review = review,
            Name = copy.Name,
            Uri = copy.Uri,
            Method = copy.Method,
            Trigger = copy.Trigger,
            BodyEncoding = copy.BodyEncoding,
            UriParameters = copy.UriParameters,
            Headers = copy.Headers,
            Parameters = copy.Parameters,
            Signing = copy.Signing,
        };
    }
}
