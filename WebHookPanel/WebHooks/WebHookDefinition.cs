using System.Text.Json.Serialization;

namespace WebHookPanel.WebHooks;

/// <summary>
/// Everything a hook says about its request and trigger: what the wizard edits, the admin API reads and writes,
/// the validators check and the request builder turns into a request. Mutable so that form fields bind to it.
/// </summary>
// Not sealed: the API's resource adds the id and status to exactly this shape.
public class WebHookDefinition
{
    public string Name { get; set; } = "";

    public string Uri { get; set; } = "";

    public WebHookMethod Method { get; set; } = WebHookMethod.POST;

    public Trigger Trigger { get; set; } = new();

    public BodyEncoding BodyEncoding { get; set; } = BodyEncoding.Json;

    public List<UriParameter> UriParameters { get; set; } = [];

    public List<FieldRow> Headers { get; set; } = [];

    public List<FieldRow> Parameters { get; set; } = [];

    public SigningSettings Signing { get; set; } = new();

    [JsonIgnore]
    public bool HasBody => Method is WebHookMethod.POST or WebHookMethod.PUT or WebHookMethod.PATCH;

    public WebHookDefinition Clone() => new()
    {
        Name = Name,
        Uri = Uri,
        Method = Method,
        Trigger = Trigger.Clone(),
        BodyEncoding = BodyEncoding,
        UriParameters = [.. UriParameters.Select(p => p.Clone())],
        Headers = [.. Headers.Select(r => r.Clone())],
        Parameters = [.. Parameters.Select(r => r.Clone())],
        Signing = Signing.Clone(),
    };
}
