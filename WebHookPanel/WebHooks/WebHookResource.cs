using System.Text.Json.Serialization;

namespace WebHookPanel.WebHooks;

/// <summary>A hook as the admin API reads and writes it: its definition plus its id and status.</summary>
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

    public static WebHookResource From(int id, WebHookStatus status, int version, WebHookDefinition definition)
    {
        var copy = definition.Clone();

        return new WebHookResource
        {
            Id = id,
            Status = status,
            Version = version,
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
