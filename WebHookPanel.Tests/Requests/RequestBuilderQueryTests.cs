using WebHookPanel.Requests;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

/// <summary>Parameters of a method without a body, appended to the query string.</summary>
public sealed class RequestBuilderQueryTests
{
    private readonly RequestBuilder _builder = new("1.0.0");

    [Theory]
    [InlineData(WebHookMethod.GET)]
    [InlineData(WebHookMethod.DELETE)]
    public void Build_ParametersOfMethodWithoutBody_GoToTheQuery(WebHookMethod method)
    {
        var hook = Hook("https://x.example.com/track", method);
        hook.Parameters.AddRange([Fixed("a", "1"), Row("e mail", ValueSource.Profile, "email"), Fixed("b", "x/y")]);

        var request = _builder.BuildRequest(hook, Event(user: new() { ["email"] = "a+b@example.com" }));

        Assert.Equal("https://x.example.com/track?a=1&e%20mail=a%2Bb%40example.com&b=x%2Fy", request.Url);
        Assert.Null(request.Body);
        Assert.Null(request.ContentType);
        Assert.DoesNotContain(request.Headers, h => h.Name == "Content-Type");
    }

    [Theory]
    [InlineData("https://x.example.com/track?src=panel", "https://x.example.com/track?src=panel&a=1")]
    [InlineData("https://x.example.com/track?", "https://x.example.com/track?a=1")]
    [InlineData("https://x.example.com/track?src=panel&", "https://x.example.com/track?src=panel&a=1")]
    [InlineData("https://x.example.com/t?c={c}", "https://x.example.com/t?c=%3F&a=1")]
    public void Build_TemplateWithQuery_AppendsAfterIt(string uri, string expected)
    {
        var hook = Hook(uri);
        hook.Parameters.Add(Fixed("a", "1"));

        var request = _builder.BuildRequest(hook, Event(parameters: new() { ["c"] = "?" }));

        Assert.Equal(expected, request.Url);
    }

    [Fact]
    public void Build_MissingParameterValue_IsOmittedFromQuery()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Row("os", ValueSource.Device, "platform"), Fixed("a", "1")]);

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal("https://x.example.com/hook?a=1", request.Url);
        Assert.Equal(["os: device attribute 'platform' is missing"], request.Omitted);
    }
}
