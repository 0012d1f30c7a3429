using System.Text.Json.Serialization;

namespace WebHookPanel.WebHooks;

/// <summary>A hook as the admin API reads and writes it: its definition plus its id and status.</summary>
public sealed class WebHookResource : WebHookDefinition
{
    [JsonPropertyOrder(-1)]
    public int? Id { get; set; }

    /// <summary>On writes, null keeps the status the caller's rights give; on reads, the hook's status.</summary>
    public WebHookStatus? Status { get; set; }

    public static WebHookResource From(int id, WebHookStatus status, WebHookDefinition definition)
    {
        var copy = definition.Clone();

        return new WebHookResource
        {
            Id = id,
            Status = status,
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
