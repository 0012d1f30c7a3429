using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebHookPanel;

/// <summary>The one JSON shape of the panel: camelCase names and enums as strings, in the API and in storage.</summary>
public static class PanelJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // Enums travel as their names only: a number would let any out-of-range value through.
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Apply(options);

        return options;
    }
}
