using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebHookPanel;

/// <summary>
/// Reads an enum from exactly one of its names (<see cref="EnumNames{TEnum}"/>) and writes its name. The
/// framework's string enum converter also reads "MessageLog, Geofence" and combines the two as flags into a third
/// value (Event), which would fire hooks of a trigger nobody asked for; numbers would let undefined values through.
/// </summary>
public sealed class SingleNameEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    // Written for every event and definition the dispatcher stores: encoded once, not per value.
    private static readonly Dictionary<TEnum, JsonEncodedText> Encoded = EnumNames<TEnum>.All.ToDictionary(
        name => Enum.Parse<TEnum>(name),
        name => JsonEncodedText.Encode(name));

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected one of {EnumNames<TEnum>.List} as a string.");
        }

        var text = reader.GetString() ?? "";
        if (!EnumNames<TEnum>.TryRead(text, out var value))
        {
            throw new JsonException($"'{text}' is not one of {EnumNames<TEnum>.List}.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // An undefined value would be written as a number that nothing could read back.
        if (!Encoded.TryGetValue(value, out var name))
        {
            throw new JsonException($"{typeof(TEnum).Name} has no value {value}.");
        }

        writer.WriteStringValue(name);
    }
}
