using WebHookPanel.Requests;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

/// <summary>Expanding the URI template: event values or defaults, percent-encoding and refused values.</summary>
public sealed class RequestBuilderUriTests
{
    private readonly RequestBuilder _builder = new("1.0.0");

    [Fact]
    public void Build_EventParams_ExpandsPathAndQuery()
    {
        var hook = Hook("https://crm.example.com/users/{userId}/clicks?c={campaign}");
        var evt = Event(parameters: new() { ["userId"] = "42", ["campaign"] = "winter sale" });

        var request = _builder.BuildRequest(hook, evt);

        Assert.Equal("GET", request.Method);
        Assert.Equal("https://crm.example.com/users/42/clicks?c=winter%20sale", request.Url);
    }

    [Fact]
    public void Build_ValueWithReservedCharacters_IsPercentEncoded()
    {
        var hook = Hook("https://x.example.com/u/{userId}/c?cat={category}");
        var evt = Event(parameters: new() { ["userId"] = "42/7", ["category"] = "kış indirimi" });

        var request = _builder.BuildRequest(hook, evt);

        Assert.Equal("https://x.example.com/u/42%2F7/c?cat=k%C4%B1%C5%9F%20indirimi", request.Url);
    }

    [Fact]
    public void Build_ValueThatLooksLikeATemplate_IsEncodedNotExpanded()
    {
        var hook = Hook("https://x.example.com/{a}/{b}");
        var evt = Event(parameters: new() { ["a"] = "{b}", ["b"] = "${hook.url}" });

        var request = _builder.BuildRequest(hook, evt);

        Assert.Equal("https://x.example.com/%7Bb%7D/%24%7Bhook.url%7D", request.Url);
    }

    [Fact]
    public void Build_RepeatedParameter_ExpandsEveryOccurrence()
    {
        var hook = Hook("https://x.example.com/{id}/x/{id}");
        var evt = Event(parameters: new() { ["id"] = "7" });

        var request = _builder.BuildRequest(hook, evt);

        Assert.Equal("https://x.example.com/7/x/7", request.Url);
    }

    [Fact]
    public void Build_EmptyValue_StaysEmpty()
    {
        var hook = Hook("https://x.example.com/a?b={b}");
        var evt = Event(parameters: new() { ["b"] = "" });

        var request = _builder.BuildRequest(hook, evt);

        Assert.Equal("https://x.example.com/a?b=", request.Url);
    }

    [Fact]
    public void Build_NoEventValue_UsesDefault()
    {
        var hook = Hook("https://x.example.com/c/{campaign}");
        hook.UriParameters.Add(Parameter("campaign", "none"));

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal("https://x.example.com/c/none", request.Url);
    }

    [Fact]
    public void Build_NullEventValue_UsesDefault()
    {
        var hook = Hook("https://x.example.com/c/{campaign}");
        hook.UriParameters.Add(Parameter("campaign", "none"));

        var request = _builder.BuildRequest(hook, Event(parameters: new() { ["campaign"] = null }));

        Assert.Equal("https://x.example.com/c/none", request.Url);
    }

    [Fact]
    public void Build_EventValueAndDefault_PrefersEventValue()
    {
        var hook = Hook("https://x.example.com/c/{campaign}");
        hook.UriParameters.Add(Parameter("campaign", "none"));

        var request = _builder.BuildRequest(hook, Event(parameters: new() { ["campaign"] = "spring" }));

        Assert.Equal("https://x.example.com/c/spring", request.Url);
    }

    [Fact]
    public void Build_NoValueNoDefault_FailsWithDesignMessage()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(Parameter("userId"));

        var result = _builder.Build(hook, Event());

        Assert.False(result.Succeeded);
        Assert.Equal("missing value for URI parameter 'userId'", result.Error);
        Assert.True(result.EventAtFault);
    }

    [Fact]
    public void Build_TemplateBroken_FailsAsTheHooksFaultNotTheEvents()
    {
        var hook = Hook("https://x.example.com/u/{userId");

        var result = _builder.Build(hook, Event(parameters: new() { ["userId"] = "42" }));

        Assert.False(result.Succeeded);
        Assert.StartsWith("invalid URI template", result.Error, StringComparison.Ordinal);
        Assert.False(result.EventAtFault);
    }

    [Fact]
    public void Build_NameDiffersInCase_IsMissing()
    {
        var hook = Hook("https://x.example.com/u/{userId}");

        var result = _builder.Build(hook, Event(parameters: new() { ["UserId"] = "42" }));

        Assert.Equal("missing value for URI parameter 'userId'", result.Error);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Build_DotSegmentInPath_Fails(string value)
    {
        var hook = Hook("https://x.example.com/files/{dir}/list");

        var result = _builder.Build(hook, Event(parameters: new() { ["dir"] = value }));

        Assert.False(result.Succeeded);
        Assert.Contains($"value '{value}' of URI parameter 'dir'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("...", "https://x.example.com/files/.../list?d=..")]
    [InlineData(".a", "https://x.example.com/files/.a/list?d=..")]
    public void Build_DotsThatAreNotADotSegment_AreSent(string value, string expected)
    {
        var hook = Hook("https://x.example.com/files/{dir}/list?d={q}");

        var request = _builder.BuildRequest(hook, Event(parameters: new() { ["dir"] = value, ["q"] = ".." }));

        Assert.Equal(expected, request.Url);
    }

    [Fact]
    public void Build_InvalidTemplate_FailsWithParserMessage()
    {
        var hook = Hook("https://{tenant}.example.com/");

        var result = _builder.Build(hook, Event(parameters: new() { ["tenant"] = "a" }));

        Assert.False(result.Succeeded);
        Assert.Contains("host name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LiteralWithSpace_IsSentEncoded()
    {
        var hook = Hook("https://x.example.com/my page/şehir");

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal("https://x.example.com/my%20page/%C5%9Fehir", request.Url);
    }
}
