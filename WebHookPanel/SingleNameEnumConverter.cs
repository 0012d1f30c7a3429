using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebHookPanel;

/// <summary>
/// Reads an enum from exactly one of its names, in any case, and writes its name. The framework's string enum
/// converter also reads "MessageLog, Geofence" and combines the two as flags into a third value (Event), which
/// would fire hooks of a trigger nobody asked for; numbers would let undefined values through.
/// </summary>
public sealed class SingleNameEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    // Read for every stored event and definition the dispatcher parses: looked up once, not per value.
    private static readonly string[] Names = Enum.GetNames<TEnum>();

    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected one of {string.Join(", ", Names)} as a string.");
        }

        var text = reader.GetString() ?? "";
        for (var i = 0; i < Names.Length; i++)
        {
            if (Names[i].Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return Values[i];
            }
        }

        throw new JsonException($"'{text}' is not one of {string.Join(", ", Names)}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteStringValue(value.ToString());
    }
}
