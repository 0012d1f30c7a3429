using System.Text.Json;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

/// <summary>Parameters of a method with a body, written as JSON or as a form.</summary>
public sealed class RequestBuilderBodyTests
{
    private readonly RequestBuilder _builder = new("1.0.0");

    [Theory]
    [InlineData(WebHookMethod.POST)]
    [InlineData(WebHookMethod.PUT)]
    [InlineData(WebHookMethod.PATCH)]
    public void Build_JsonBody_IsCompactObjectInRowOrder(WebHookMethod method)
    {
        var hook = Hook(method: method);
        hook.Parameters.AddRange(
        [
            Row("user", ValueSource.Profile, "externalId"),
            Row("os", ValueSource.Device, "platform"),
            Row("button", ValueSource.Context, "buttonId"),
            Fixed("origin", "netpanel"),
        ]);
        var evt = Event(
            user: new() { ["externalId"] = "42" },
            device: new() { ["platform"] = "iOS" },
            context: new() { ["buttonId"] = "buy" });

        var request = _builder.BuildRequest(hook, evt);

        Assert.Equal(method.ToString(), request.Method);
        Assert.Equal("""{"user":"42","os":"iOS","button":"buy","origin":"netpanel"}""", request.Body);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("https://x.example.com/hook", request.Url);
    }

    [Fact]
    public void Build_JsonBodyWithTurkishLetters_WritesThemAsTheyAre()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Parameters.AddRange([Fixed("şehir", "İzmir"), Fixed("quote", "a\"b\\c"), Fixed("html", "<b>&")]);

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal("""{"şehir":"İzmir","quote":"a\"b\\c","html":"<b>&"}""", request.Body);
        Assert.Equal("İzmir", JsonDocument.Parse(request.Body!).RootElement.GetProperty("şehir").GetString());
    }

    [Fact]
    public void Build_JsonBodyWithoutRows_IsEmptyObject()
    {
        var hook = Hook(method: WebHookMethod.POST);

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal("{}", request.Body);
    }

    [Fact]
    public void Build_FormBody_EncodesPairsInRowOrder()
    {
        var hook = Hook(method: WebHookMethod.POST, encoding: BodyEncoding.Form);
        hook.Parameters.AddRange([Row("city", ValueSource.Profile, "city"), Fixed("n", "a b&c=d")]);

        var request = _builder.BuildRequest(hook, Event(user: new() { ["city"] = "İzmir" }));

        Assert.Equal("city=%C4%B0zmir&n=a%20b%26c%3Dd", request.Body);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
    }

    [Fact]
    public void Build_FormBodyWithoutRows_IsEmpty()
    {
        var hook = Hook(method: WebHookMethod.PUT, encoding: BodyEncoding.Form);

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal("", request.Body);
        Assert.Contains(new RequestHeader("Content-Type", "application/x-www-form-urlencoded", false), request.Headers);
    }
}
