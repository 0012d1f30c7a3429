using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WebHookPanel.Tests.Cases;

/// <summary>
/// The cases of <c>Cases/preview.json</c> and how a request is checked against one, shared by the test of the
/// request builder and the test of the preview API.
/// </summary>
public static class PreviewCases
{
    public static readonly JsonSerializerOptions CaseOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    // Both sides of a body comparison are written the same way, so escaping cannot differ.
    private static readonly JsonSerializerOptions CompareOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, PreviewCase>> Cases = new(Load);

    public static IReadOnlyDictionary<string, PreviewCase> All => Cases.Value;

    public static void AssertRequest(PreviewExpectation expect, PreviewedRequest request)
    {
        if (expect.Method is not null)
        {
            Assert.Equal(expect.Method, request.Method);
        }

        if (expect.Url is not null)
        {
            Assert.Equal(expect.Url, request.Url);
        }

        foreach (var pair in expect.Headers)
        {
            Assert.Contains(request.Headers, h =>
                string.Equals(h.Name, pair[0], StringComparison.OrdinalIgnoreCase) && h.Value == pair[1]);
        }

        foreach (var name in expect.Absent)
        {
            Assert.DoesNotContain(
                request.Headers,
                h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var key in expect.Omitted)
        {
            Assert.Contains(request.Omitted, o => o.Contains(key, StringComparison.Ordinal));
        }

        if (expect.BodyNull == true)
        {
            Assert.Null(request.Body);
        }

        if (expect.BodyJson is not null)
        {
            var actual = JsonNode.Parse(request.Body!)!.AsObject();
            Assert.Equal(expect.BodyJson.ToJsonString(CompareOptions), actual.ToJsonString(CompareOptions));
        }

        if (expect.BodyForm is not null)
        {
            Assert.Equal(expect.BodyForm.Select(p => (p[0], p[1])), ParseForm(request.Body!));
        }
    }

    private static List<(string Key, string Value)> ParseForm(string body) =>
    [
        .. body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Decode(parts[0]), Decode(parts.Length > 1 ? parts[1] : ""))),
    ];

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    private static IReadOnlyDictionary<string, PreviewCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "preview.json");
        var file = JsonSerializer.Deserialize<PreviewCaseFile>(File.ReadAllText(path), CaseOptions)!;

        return file.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }
}
