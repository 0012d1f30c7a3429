using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebHookPanel.Requests;
using WebHookPanel.Tests.Cases;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Api;

/// <summary>
/// Every case of <c>Cases/preview.json</c> through <c>POST /api/webhooks/preview</c> of a running panel.
/// </summary>
public sealed class PreviewApiCaseTests(PanelFactory panel) : IClassFixture<PanelFactory>
{
    public static TheoryData<string> CaseIds => new(PreviewCases.All.Keys);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Preview_Case_AnswersAsExpected(string id)
    {
        var testCase = PreviewCases.All[id];
        using var client = panel.CreateApiClient();
        var cancellation = TestContext.Current.CancellationToken;

        using var response = await client.PostAsJsonAsync(
            "/api/webhooks/preview",
            new { webhook = testCase.Webhook, @event = testCase.Event },
            PreviewCases.CaseOptions,
            cancellation);

        Assert.Equal((HttpStatusCode)testCase.Expect.Status, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
        var root = document.RootElement;
        switch (testCase.Expect.Status)
        {
            case 200:
                PreviewCases.AssertRequest(testCase.Expect, Read(root));
                break;
            case 400:
                var fields = root.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
                Assert.All(testCase.Expect.ErrorFields, field => Assert.Contains(field, fields));
                break;
            default:
                Assert.Contains(
                    testCase.Expect.DetailContains ?? "",
                    root.GetProperty("detail").GetString(),
                    StringComparison.Ordinal);
                break;
        }
    }

    private static PreviewedRequest Read(JsonElement root) => new(
        root.GetProperty("method").GetString()!,
        root.GetProperty("url").GetString()!,
        [
            .. root.GetProperty("headers").EnumerateArray().Select(h => new RequestHeader(
                h.GetProperty("name").GetString()!,
                h.GetProperty("value").GetString()!,
                false)),
        ],
        root.GetProperty("body").GetString(),
        [.. root.GetProperty("omitted").EnumerateArray().Select(o => o.GetString()!)]);
}
