using WebHookPanel.Requests;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

/// <summary>The request template shown while editing: event values become placeholders.</summary>
public sealed class RequestBuilderTemplateTests
{
    private readonly RequestBuilder _builder = new("1.0.0");

    [Fact]
    public void BuildTemplate_EventValues_BecomePlaceholders()
    {
        var hook = Hook("https://crm.example.com/users/{userId}", WebHookMethod.POST);
        hook.Headers.AddRange([Row("X-Email", ValueSource.Profile, "email"), Fixed("X-Team", "growth")]);
        hook.Parameters.AddRange(
        [
            Row("os", ValueSource.Device, "platform"),
            Row("push", ValueSource.Context, "pushId"),
            Fixed("origin", "panel"),
        ]);

        var request = _builder.BuildTemplate(hook);

        Assert.Equal("${hook.url}", request.Url);
        Assert.Equal(
            [
                new RequestHeader("X-Email", "${profile.email}", false),
                new RequestHeader("X-Team", "growth", false),
                new RequestHeader("User-Agent", "WebHookPanel/1.0.0", false),
                new RequestHeader("Content-Type", "application/json; charset=utf-8", false),
            ],
            request.Headers);
        Assert.Equal("""{"os":"${device.platform}","push":"${context.pushId}","origin":"panel"}""", request.Body);
    }

    [Theory]
    [InlineData("https://x.example.com/t", "${hook.url}?a%20b=${profile.email}&c=d%2Fe")]
    [InlineData("https://x.example.com/t?src=panel", "${hook.url}&a%20b=${profile.email}&c=d%2Fe")]
    public void BuildTemplate_QueryParameters_AppendPlaceholdersUnencoded(string uri, string expected)
    {
        var hook = Hook(uri);
        hook.Parameters.AddRange([Row("a b", ValueSource.Profile, "email"), Fixed("c", "d/e")]);

        var request = _builder.BuildTemplate(hook);

        Assert.Equal(expected, request.Url);
    }

    [Fact]
    public void BuildTemplate_FormBody_KeepsPlaceholdersReadable()
    {
        var hook = Hook(method: WebHookMethod.PATCH, encoding: BodyEncoding.Form);
        hook.Parameters.AddRange([Row("os", ValueSource.Device, "platform"), Fixed("n", "a b")]);

        var request = _builder.BuildTemplate(hook);

        Assert.Equal("os=${device.platform}&n=a%20b", request.Body);
    }

    [Fact]
    public void BuildTemplate_SecretHeaderWithPlaceholder_IsNotSecret()
    {
        var hook = Hook();
        hook.Headers.AddRange([Row("Authorization", ValueSource.Profile, "token"), Fixed("X-Api-Key", "k")]);

        var request = _builder.BuildTemplate(hook);

        Assert.Equal([false, true, false], request.Headers.Select(h => h.IsSecret));
    }

    [Fact]
    public void BuildTemplate_HalfTypedDefinition_StillBuilds()
    {
        var hook = new WebHookDefinition { Uri = "https://x.example.com/{use", Headers = [new FieldRow()] };

        var request = _builder.BuildTemplate(hook);

        Assert.Equal("${hook.url}", request.Url);
        Assert.Equal("{}", request.Body);
    }
}
