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
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected one of {string.Join(", ", Enum.GetNames<TEnum>())} as a string.");
        }

        var text = reader.GetString() ?? "";
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            throw new JsonException($"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return Enum.Parse<TEnum>(name);
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteStringValue(value.ToString());
    }
}
