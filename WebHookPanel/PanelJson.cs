using System.Text.Encodings.Web;
using System.Text.Json;

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
        // Enums travel as one of their names only: a number or a list of names would let other values through.
        options.Converters.Add(new SingleNameEnumConverterFactory());

        // A property given twice, in an object or a dictionary, is refused: the last one would win unseen. What
        // the panel stored itself was written by this serializer and never repeats one.
        options.AllowDuplicateProperties = false;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Apply(options);

        return options;
    }
}
