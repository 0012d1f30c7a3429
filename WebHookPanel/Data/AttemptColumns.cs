using System.Buffers;
using System.Text;
using System.Text.Json;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Data;

/// <summary>
/// How an attempt's header lists and omitted rows are stored: JSON text. One place, because EF reads them and the
/// dispatcher's writer writes them without EF.
/// </summary>
public static class AttemptColumns
{
    private const string EmptyList = "[]";

    private const int KeptCapacity = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = PanelJson.Options.Encoder };

    private static readonly JsonEncodedText NameProperty = JsonEncodedText.Encode("name");

    private static readonly JsonEncodedText ValueProperty = JsonEncodedText.Encode("value");

    // Every attempt writes three of these lists; the serializer's bookkeeping for each was a tenth of a busy
    // dispatcher's garbage. A writer and its buffer per thread are reused instead; the shape is what
    // JsonSerializer reads back (camelCase names, the panel's encoder).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    public static string Write(IReadOnlyList<AttemptHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count == 0)
        {
            return EmptyList;
        }

        var writer = StartWriting();
        writer.WriteStartArray();
        for (var i = 0; i < headers.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString(NameProperty, headers[i].Name);
            writer.WriteString(ValueProperty, headers[i].Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        return Finish(writer);
    }

    public static string Write(IReadOnlyList<string> omitted)
    {
        ArgumentNullException.ThrowIfNull(omitted);
        if (omitted.Count == 0)
        {
            return EmptyList;
        }

        var writer = StartWriting();
        writer.WriteStartArray();
        for (var i = 0; i < omitted.Count; i++)
        {
            writer.WriteStringValue(omitted[i]);
        }

        writer.WriteEndArray();

        return Finish(writer);
    }

    public static List<AttemptHeader> ReadHeaders(string json) =>
        JsonSerializer.Deserialize<List<AttemptHeader>>(json, PanelJson.Stored) ?? [];

    public static List<string> ReadOmitted(string json) =>
        JsonSerializer.Deserialize<List<string>>(json, PanelJson.Stored) ?? [];

    private static Utf8JsonWriter StartWriting()
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        if (_threadWriter is { } writer)
        {
            writer.Reset(buffer);

            return writer;
        }

        return _threadWriter = new Utf8JsonWriter(buffer, WriterOptions);
    }

    private static string Finish(Utf8JsonWriter writer)
    {
        writer.Flush();
        var buffer = _threadBuffer!;
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);

        // A rare huge list (a hundred long response headers) should not stay behind on the thread.
        if (buffer.Capacity > KeptCapacity)
        {
            _threadBuffer = null;
            _threadWriter = null;
        }

        return text;
    }
}
