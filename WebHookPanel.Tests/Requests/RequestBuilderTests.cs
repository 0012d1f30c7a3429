using System.Text.Json;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

public sealed class RequestBuilderTests
{
    private readonly RequestBuilder _builder = new("1.0.0");

    [Fact]
    public void Build_EventParams_ExpandsPathAndQuery()
    {
        var hook = Hook("https://crm.example.com/users/{userId}/clicks?c={campaign}");
        var evt = Event(parameters: new() { ["userId"] = "42", ["campaign"] = "winter sale" });

        var request = BuildRequest(hook, evt);

        Assert.Equal("GET", request.Method);
        Assert.Equal("https://crm.example.com/users/42/clicks?c=winter%20sale", request.Url);
    }

    [Fact]
    public void Build_ValueWithReservedCharacters_IsPercentEncoded()
    {
        var hook = Hook("https://x.example.com/u/{userId}/c?cat={category}");
        var evt = Event(parameters: new() { ["userId"] = "42/7", ["category"] = "kış indirimi" });

        var request = BuildRequest(hook, evt);

        Assert.Equal("https://x.example.com/u/42%2F7/c?cat=k%C4%B1%C5%9F%20indirimi", request.Url);
    }

    [Fact]
    public void Build_ValueThatLooksLikeATemplate_IsEncodedNotExpanded()
    {
        var hook = Hook("https://x.example.com/{a}/{b}");
        var evt = Event(parameters: new() { ["a"] = "{b}", ["b"] = "${hook.url}" });

        var request = BuildRequest(hook, evt);

        Assert.Equal("https://x.example.com/%7Bb%7D/%24%7Bhook.url%7D", request.Url);
    }

    [Fact]
    public void Build_RepeatedParameter_ExpandsEveryOccurrence()
    {
        var hook = Hook("https://x.example.com/{id}/x/{id}");
        var evt = Event(parameters: new() { ["id"] = "7" });

        var request = BuildRequest(hook, evt);

        Assert.Equal("https://x.example.com/7/x/7", request.Url);
    }

    [Fact]
    public void Build_EmptyValue_StaysEmpty()
    {
        var hook = Hook("https://x.example.com/a?b={b}");
        var evt = Event(parameters: new() { ["b"] = "" });

        var request = BuildRequest(hook, evt);

        Assert.Equal("https://x.example.com/a?b=", request.Url);
    }

    [Fact]
    public void Build_NoEventValue_UsesDefault()
    {
        var hook = Hook("https://x.example.com/c/{campaign}");
        hook.UriParameters.Add(Parameter("campaign", "none"));

        var request = BuildRequest(hook, Event());

        Assert.Equal("https://x.example.com/c/none", request.Url);
    }

    [Fact]
    public void Build_NullEventValue_UsesDefault()
    {
        var hook = Hook("https://x.example.com/c/{campaign}");
        hook.UriParameters.Add(Parameter("campaign", "none"));

        var request = BuildRequest(hook, Event(parameters: new() { ["campaign"] = null }));

        Assert.Equal("https://x.example.com/c/none", request.Url);
    }

    [Fact]
    public void Build_EventValueAndDefault_PrefersEventValue()
    {
        var hook = Hook("https://x.example.com/c/{campaign}");
        hook.UriParameters.Add(Parameter("campaign", "none"));

        var request = BuildRequest(hook, Event(parameters: new() { ["campaign"] = "spring" }));

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

        var request = BuildRequest(hook, Event(parameters: new() { ["dir"] = value, ["q"] = ".." }));

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

        var request = BuildRequest(hook, Event());

        Assert.Equal("https://x.example.com/my%20page/%C5%9Fehir", request.Url);
    }

    [Fact]
    public void Build_HeaderRowsFromEverySource_ResolveFromTheEvent()
    {
        var hook = Hook();
        hook.Headers.AddRange(
        [
            Fixed("X-Team", "growth"),
            Row("X-Email", ValueSource.Profile, "email"),
            Row("X-Platform", ValueSource.Device, "platform"),
            Row("X-Push", ValueSource.Context, "pushId"),
        ]);
        var evt = Event(
            user: new() { ["email"] = "user42@example.com" },
            device: new() { ["platform"] = "iOS" },
            context: new() { ["pushId"] = "p-77" });

        var request = BuildRequest(hook, evt);

        Assert.Equal(
            [
                new RequestHeader("X-Team", "growth", false),
                new RequestHeader("X-Email", "user42@example.com", false),
                new RequestHeader("X-Platform", "iOS", false),
                new RequestHeader("X-Push", "p-77", false),
                new RequestHeader("User-Agent", "WebHookPanel/1.0.0", false),
            ],
            request.Headers);
        Assert.Empty(request.Omitted);
    }

    [Fact]
    public void Build_AttributeNameDiffersInCase_IsMissing()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Email", ValueSource.Profile, "Email"));

        var request = BuildRequest(hook, Event(user: new() { ["email"] = "a@example.com" }));

        Assert.DoesNotContain(request.Headers, h => h.Name == "X-Email");
    }

    [Theory]
    [InlineData(ValueSource.Profile, "X-Phone: profile attribute 'phone' is missing")]
    [InlineData(ValueSource.Device, "X-Phone: device attribute 'phone' is missing")]
    [InlineData(ValueSource.Context, "X-Phone: context key 'phone' is missing")]
    public void Build_MissingHeaderValue_IsOmittedAndNamed(ValueSource source, string expected)
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Phone", source, "phone"));

        var request = BuildRequest(hook, Event());

        Assert.Equal([expected], request.Omitted);
        Assert.DoesNotContain(request.Headers, h => h.Name == "X-Phone");
    }

    [Fact]
    public void Build_NullAttribute_IsOmitted()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Phone", ValueSource.Profile, "phone"));

        var request = BuildRequest(hook, Event(user: new() { ["phone"] = null }));

        Assert.Equal(["X-Phone: profile attribute 'phone' is missing"], request.Omitted);
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a\nX-Injected: 1")]
    [InlineData("a\0b")]
    public void Build_HeaderValueWithLineBreakOrNul_IsOmitted(string value)
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Note", ValueSource.Profile, "note"));

        var request = BuildRequest(hook, Event(user: new() { ["note"] = value }));

        var omitted = Assert.Single(request.Omitted);
        Assert.StartsWith("X-Note: ", omitted, StringComparison.Ordinal);
        Assert.DoesNotContain(request.Headers, h => h.Name == "X-Note");
    }

    [Fact]
    public void Build_NonAsciiHeaderValue_IsKept()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Name", ValueSource.Profile, "name"));

        var request = BuildRequest(hook, Event(user: new() { ["name"] = "Şule" }));

        Assert.Contains(new RequestHeader("X-Name", "Şule", false), request.Headers);
    }

    [Theory]
    [InlineData(WebHookMethod.GET)]
    [InlineData(WebHookMethod.DELETE)]
    public void Build_ParametersOfMethodWithoutBody_GoToTheQuery(WebHookMethod method)
    {
        var hook = Hook("https://x.example.com/track", method);
        hook.Parameters.AddRange([Fixed("a", "1"), Row("e mail", ValueSource.Profile, "email"), Fixed("b", "x/y")]);

        var request = BuildRequest(hook, Event(user: new() { ["email"] = "a+b@example.com" }));

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

        var request = BuildRequest(hook, Event(parameters: new() { ["c"] = "?" }));

        Assert.Equal(expected, request.Url);
    }

    [Fact]
    public void Build_MissingParameterValue_IsOmittedFromQuery()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Row("os", ValueSource.Device, "platform"), Fixed("a", "1")]);

        var request = BuildRequest(hook, Event());

        Assert.Equal("https://x.example.com/hook?a=1", request.Url);
        Assert.Equal(["os: device attribute 'platform' is missing"], request.Omitted);
    }

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

        var request = BuildRequest(hook, evt);

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

        var request = BuildRequest(hook, Event());

        Assert.Equal("""{"şehir":"İzmir","quote":"a\"b\\c","html":"<b>&"}""", request.Body);
        Assert.Equal("İzmir", JsonDocument.Parse(request.Body!).RootElement.GetProperty("şehir").GetString());
    }

    [Fact]
    public void Build_JsonBodyWithoutRows_IsEmptyObject()
    {
        var hook = Hook(method: WebHookMethod.POST);

        var request = BuildRequest(hook, Event());

        Assert.Equal("{}", request.Body);
    }

    [Fact]
    public void Build_FormBody_EncodesPairsInRowOrder()
    {
        var hook = Hook(method: WebHookMethod.POST, encoding: BodyEncoding.Form);
        hook.Parameters.AddRange([Row("city", ValueSource.Profile, "city"), Fixed("n", "a b&c=d")]);

        var request = BuildRequest(hook, Event(user: new() { ["city"] = "İzmir" }));

        Assert.Equal("city=%C4%B0zmir&n=a%20b%26c%3Dd", request.Body);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
    }

    [Fact]
    public void Build_FormBodyWithoutRows_IsEmpty()
    {
        var hook = Hook(method: WebHookMethod.PUT, encoding: BodyEncoding.Form);

        var request = BuildRequest(hook, Event());

        Assert.Equal("", request.Body);
        Assert.Contains(new RequestHeader("Content-Type", "application/x-www-form-urlencoded", false), request.Headers);
    }

    [Fact]
    public void Build_BodyMethod_PutsRowsThenUserAgentThenContentType()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Headers.AddRange([Fixed("X-B", "2"), Fixed("X-A", "1")]);

        var request = BuildRequest(hook, Event());

        Assert.Equal(["X-B", "X-A", "User-Agent", "Content-Type"], request.Headers.Select(h => h.Name));
    }

    [Fact]
    public void Build_UserAgentRow_OverridesDefaultInPlace()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Headers.AddRange([Fixed("user-agent", "Custom/2"), Fixed("X-A", "1")]);

        var request = BuildRequest(hook, Event());

        Assert.Equal(["user-agent", "X-A", "Content-Type"], request.Headers.Select(h => h.Name));
        Assert.Equal("Custom/2", request.Headers[0].Value);
    }

    [Fact]
    public void Build_OmittedUserAgentRow_KeepsDefault()
    {
        var hook = Hook();
        hook.Headers.Add(Row("User-Agent", ValueSource.Device, "agent"));

        var request = BuildRequest(hook, Event());

        Assert.Equal([new RequestHeader("User-Agent", "WebHookPanel/1.0.0", false)], request.Headers);
    }

    [Fact]
    public void Build_ContentTypeRow_OverridesDefault()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Headers.Add(Fixed("CONTENT-TYPE", "application/vnd.crm+json"));

        var request = BuildRequest(hook, Event());

        Assert.Equal(["CONTENT-TYPE", "User-Agent"], request.Headers.Select(h => h.Name));
        Assert.Equal("application/vnd.crm+json", request.ContentType);
    }

    [Fact]
    public void Build_ContentTypeRowWithoutBody_IsOmitted()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("Content-Type", "text/plain"));

        var request = BuildRequest(hook, Event());

        Assert.DoesNotContain(request.Headers, h => h.Name == "Content-Type");
        Assert.StartsWith("Content-Type: ", Assert.Single(request.Omitted), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SecretHeaders_AreMarked()
    {
        var hook = Hook();
        hook.Headers.AddRange(
        [
            Fixed("X-Api-Key", "k"),
            Fixed("Authorization", "Bearer t"),
            Fixed("X-Signature", "s", secret: true),
            Fixed("X-Team", "growth"),
        ]);

        var request = BuildRequest(hook, Event());

        Assert.Equal([true, true, true, false, false], request.Headers.Select(h => h.IsSecret));
    }

    [Fact]
    public void Build_DefaultConstructor_UsesAssemblyVersion()
    {
        var builder = new RequestBuilder();

        var request = builder.Build(Hook(), Event()).Request!;

        Assert.Equal(new RequestHeader("User-Agent", "WebHookPanel/1.0.0", false), request.Headers[^1]);
    }

    [Fact]
    public void Build_VersionGiven_UsesItInUserAgent()
    {
        var builder = new RequestBuilder("2.3.4");

        var request = builder.Build(Hook(), Event()).Request!;

        Assert.Equal("WebHookPanel/2.3.4", request.Headers[^1].Value);
    }

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

    private BuiltRequest BuildRequest(WebHookDefinition hook, Events.WebHookEvent evt)
    {
        var result = _builder.Build(hook, evt);
        Assert.True(result.Succeeded, result.Error);

        return result.Request;
    }
}
