using WebHookPanel.Requests;
using WebHookPanel.Validation;

namespace WebHookPanel.Tests.Cases;

/// <summary>
/// Runs every case of <c>Cases/preview.json</c> through the validator and the request builder, as the preview API
/// will; a case added to the file becomes a test without new code.
/// </summary>
public sealed class PreviewCaseTests
{
    public static TheoryData<string> CaseIds => new(PreviewCases.All.Keys);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Preview_Case_MatchesExpectation(string id)
    {
        var testCase = PreviewCases.All[id];
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
                PreviewCases.AssertRequest(expect, PreviewedRequest.From(build.Request));
                break;
            default:
                Assert.Fail($"Case {id} expects status {expect.Status}, which this test does not know.");
                break;
        }
    }

    [Fact]
    public void CaseIds_PreviewFile_HasCases()
    {
        var ids = PreviewCases.All.Keys;

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

    // The API writes FluentValidation's paths in camelCase, one segment at a time.
    private static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
