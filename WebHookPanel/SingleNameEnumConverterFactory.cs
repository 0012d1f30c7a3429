using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebHookPanel;

/// <summary>Gives every enum of the panel a <see cref="SingleNameEnumConverter{TEnum}"/>.</summary>
public sealed class SingleNameEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);

        return typeToConvert.IsEnum;
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(SingleNameEnumConverter<>).MakeGenericType(typeToConvert))!;
}
