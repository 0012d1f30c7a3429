using System.Text.Json;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Data;

/// <summary>
/// How an attempt's header lists and omitted rows are stored: JSON text. One place, because EF reads them and the
/// dispatcher's writer writes them without EF.
/// </summary>
public static class AttemptColumns
{
    public static string Write(IReadOnlyList<AttemptHeader> headers) =>
        JsonSerializer.Serialize(headers, PanelJson.Options);

    public static string Write(IReadOnlyList<string> omitted) => JsonSerializer.Serialize(omitted, PanelJson.Options);

    public static List<AttemptHeader> ReadHeaders(string json) =>
        JsonSerializer.Deserialize<List<AttemptHeader>>(json, PanelJson.Options) ?? [];

    public static List<string> ReadOmitted(string json) =>
        JsonSerializer.Deserialize<List<string>>(json, PanelJson.Options) ?? [];
}
