using System.Text.Encodings.Web;
using System.Text.Json;

namespace WebHookPanel;

/// <summary>The one JSON shape of the panel: camelCase names and enums as strings, in the API and in storage.</summary>
public static class PanelJson
{
    /// <summary>For what comes from outside, API bodies above all: a property given twice is refused.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// For reading back what the panel stored: the same shape, without refusing a repeated property. The panel
    /// never writes one, but a row mended by hand or restored from elsewhere should not break every page or
    /// delivery that reads it.
    /// </summary>
    public static JsonSerializerOptions Stored { get; } = CreateStored();

    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // Enums travel as one of their names only: a number or a list of names would let other values through.
        options.Converters.Add(new SingleNameEnumConverterFactory());

        // A property given twice, in an object or a dictionary, is refused: the last one would win unseen.
        options.AllowDuplicateProperties = false;
    }

    private static JsonSerializerOptions CreateStored()
    {
        var options = Create();
        options.AllowDuplicateProperties = true;

        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Apply(options);

        return options;
    }
}
