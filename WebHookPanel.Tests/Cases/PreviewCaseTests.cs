using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WebHookPanel.Requests;
using WebHookPanel.Validation;

namespace WebHookPanel.Tests.Cases;

/// <summary>
/// Runs every case of <c>Cases/preview.json</c> through the validator and the request builder, as the preview API
/// will; a case added to the file becomes a test without new code.
/// </summary>
public sealed class PreviewCaseTests
{
    private static readonly JsonSerializerOptions CaseOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    // Both sides of a body comparison are written the same way, so escaping cannot differ.
    private static readonly JsonSerializerOptions CompareOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, PreviewCase>> Cases = new(Load);

    public static TheoryData<string> CaseIds => new(Cases.Value.Keys);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Preview_Case_MatchesExpectation(string id)
    {
        var testCase = Cases.Value[id];
        var expect = testCase.Expect;

        var validation = new WebHookDefinitionValidator().Validate(testCase.Webhook);
        var build = validation.IsValid ? new RequestBuilder("1.0.0").Build(testCase.Webhook, testCase.Event) : null;

        switch (expect.Status)
        {
            case 400:
                var paths = validation.Errors.Select(e => CamelCasePath(e.PropertyName)).ToList();
                Assert.NotEmpty(expect.ErrorFields);
                Assert.All(expect.ErrorFields, field => Assert.Contains(field, paths));
                break;
            case 422:
                Assert.True(validation.IsValid, string.Join(" | ", validation.Errors));
                Assert.False(build!.Succeeded);
                Assert.Contains(expect.DetailContains ?? "", build.Error, StringComparison.Ordinal);
                break;
            case 200:
                Assert.True(validation.IsValid, string.Join(" | ", validation.Errors));
                Assert.True(build!.Succeeded, build.Error);
                AssertRequest(expect, build.Request);
                break;
            default:
                Assert.Fail($"Case {id} expects status {expect.Status}, which this test does not know.");
                break;
        }
    }

    [Fact]
    public void CaseIds_PreviewFile_HasCases()
    {
        var ids = Cases.Value.Keys;

        Assert.NotEmpty(ids);
    }

    [Theory]
    [InlineData("Uri", "uri")]
    [InlineData("Headers[1].Key", "headers[1].key")]
    [InlineData("UriParameters[0].Label", "uriParameters[0].label")]
    [InlineData("Trigger.Filter", "trigger.filter")]
    public void CamelCasePath_FluentValidationPath_MatchesApiPath(string path, string expected)
    {
        var camel = CamelCasePath(path);

        Assert.Equal(expected, camel);
    }

    private static void AssertRequest(PreviewExpectation expect, BuiltRequest request)
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

    // The API writes FluentValidation's paths in camelCase, one segment at a time.
    private static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    private static IReadOnlyDictionary<string, PreviewCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "preview.json");
        var file = JsonSerializer.Deserialize<PreviewCaseFile>(File.ReadAllText(path), CaseOptions)!;

        return file.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }
}
