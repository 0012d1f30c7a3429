using WebHookPanel.Requests;

namespace WebHookPanel.Tests.Requests;

public sealed class UriTemplateParserTests
{
    [Fact]
    public void Parse_DesignExample_ListsParametersByPlace()
    {
        var result = UriTemplateParser.Parse("https://crm.example.com/users/{userId}/clicks?c={campaign}");

        Assert.True(result.IsValid);
        Assert.Equal(["userId", "campaign"], result.ParameterNames);
        Assert.Equal(["userId"], result.PathParameters);
        Assert.Equal(["campaign"], result.QueryParameters);
        Assert.True(result.HasQuery);
    }

    [Fact]
    public void Parse_RepeatedParameter_IsOneParameter()
    {
        var result = UriTemplateParser.Parse("https://x.example.com/{id}/x/{id}?again={id}&b={b}");

        Assert.True(result.IsValid);
        Assert.Equal(["id", "b"], result.ParameterNames);
        Assert.Equal(["id"], result.PathParameters);
        Assert.Equal(["id", "b"], result.QueryParameters);
    }

    [Fact]
    public void Parse_NoParameters_IsValidWithoutQuery()
    {
        var result = UriTemplateParser.Parse("https://x.example.com/hook");

        Assert.True(result.IsValid);
        Assert.Empty(result.ParameterNames);
        Assert.False(result.HasQuery);
        Assert.Equal([new UriTemplatePart("https://x.example.com/hook", false, UriTemplatePlace.Scheme)], result.Parts);
    }

    [Fact]
    public void Parse_Template_SplitsIntoLiteralsAndParameters()
    {
        var result = UriTemplateParser.Parse("https://x.example.com/u/{a}{b}?q={c}");

        Assert.Equal(
            [
                new UriTemplatePart("https://x.example.com/u/", false, UriTemplatePlace.Scheme),
                new UriTemplatePart("a", true, UriTemplatePlace.Path),
                new UriTemplatePart("b", true, UriTemplatePlace.Path),
                new UriTemplatePart("?q=", false, UriTemplatePlace.Query),
                new UriTemplatePart("c", true, UriTemplatePlace.Query),
            ],
            result.Parts);
    }

    [Theory]
    [InlineData("https://x.example.com/u/{userId", 25, "never closed")]
    [InlineData("https://x.example.com/u/userId}", 31, "no matching '{'")]
    [InlineData("https://x.example.com/u/{}", 25, "empty")]
    [InlineData("https://x.example.com/u/{{a}}", 26, "cannot be nested")]
    [InlineData("https://x.example.com/u/{a{b}}", 27, "cannot be nested")]
    [InlineData("https://x.example.com/u/{", 25, "never closed")]
    [InlineData("https://x.example.com/u/}", 25, "no matching '{'")]
    public void Parse_BraceError_NamesThePosition(string template, int position, string problem)
    {
        var result = UriTemplateParser.Parse(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(position, error.Position);
        Assert.Contains($"at position {position}", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Empty(result.ParameterNames);
    }

    [Fact]
    public void Parse_UnclosedInsideNested_ReportsBoth()
    {
        var result = UriTemplateParser.Parse("https://x.example.com/{a{b}");

        Assert.Collection(
            result.Errors,
            e => Assert.Equal(23, e.Position),
            e => Assert.Equal(25, e.Position));
    }

    [Fact]
    public void Parse_SeveralErrors_AreOrderedByPosition()
    {
        var result = UriTemplateParser.Parse("https://x.example.com/}/{}/{ok}#frag");

        Assert.Equal([23, 25, 32], result.Errors.Select(e => e.Position));
        Assert.Equal(["ok"], result.ParameterNames);
    }

    [Theory]
    [InlineData("userId")]
    [InlineData("_private")]
    [InlineData("user.id")]
    [InlineData("user-id")]
    [InlineData("a1_b.c-d")]
    public void Parse_ValidParameterName_IsAccepted(string name)
    {
        var result = UriTemplateParser.Parse($"https://x.example.com/{{{name}}}");

        Assert.True(result.IsValid);
        Assert.Equal([name], result.ParameterNames);
    }

    [Theory]
    [InlineData("1user", 24, "must start with an ASCII letter (A-Z, a-z) or '_'")]
    [InlineData("-user", 24, "must start with an ASCII letter (A-Z, a-z) or '_'")]
    [InlineData("?q", 24, "must start with an ASCII letter (A-Z, a-z) or '_'")]
    [InlineData("user id", 28, "remove the space at position 28")]
    [InlineData("user/id", 28, "remove '/' at position 28")]
    [InlineData("şehir", 24, "must start with an ASCII letter (A-Z, a-z) or '_'")]
    public void Parse_InvalidParameterName_NamesTheCharacter(string name, int position, string message)
    {
        var result = UriTemplateParser.Parse($"https://x.example.com/{{{name}}}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParameterNameOf64Characters_IsAccepted()
    {
        var name = new string('a', 64);

        var result = UriTemplateParser.Parse($"https://x.example.com/{{{name}}}");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_ParameterNameOf65Characters_IsRefused()
    {
        var name = new string('a', 65);

        var result = UriTemplateParser.Parse($"https://x.example.com/{{{name}}}");

        var error = Assert.Single(result.Errors);
        Assert.Contains("65 characters long; shorten it to at most 64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://{tenant}.example.com/x", 9, "host name")]
    [InlineData("https://api.{tenant}.example.com/x", 13, "host name")]
    [InlineData("https://x.example.com:{port}/x", 23, "port")]
    [InlineData("{scheme}://x.example.com/x", 1, "scheme")]
    public void Parse_ParameterOutsidePathAndQuery_IsRefused(string template, int position, string place)
    {
        var result = UriTemplateParser.Parse(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(position, error.Position);
        Assert.Contains($"is in the {place}", error.Message, StringComparison.Ordinal);
        Assert.Contains("path or the query", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:pass@x.example.com/x")]
    [InlineData("https://user@x.example.com/x")]
    [InlineData("https://{user}:{pass}@x.example.com/x")]
    public void Parse_UserInfo_IsRefused(string template)
    {
        var result = UriTemplateParser.Parse(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(9, error.Position);
        Assert.Contains("header such as Authorization", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.example.com/x#top", 24)]
    [InlineData("https://x.example.com/x?a={a}#", 30)]
    [InlineData("https://x.example.com#{a}", 22)]
    public void Parse_Fragment_IsRefused(string template, int position)
    {
        var result = UriTemplateParser.Parse(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(position, error.Position);
        Assert.Contains("fragment", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://2130706433/")]
    [InlineData("http://127.0.0.1:8080/x")]
    [InlineData("http://[::1]:8080/x/{a}")]
    [InlineData("HTTPS://X.EXAMPLE.COM/x")]
    [InlineData("https://x.example.com")]
    [InlineData("https://x.example.com?a={a}")]
    [InlineData("https://x.example.com/my page/{a}")]
    [InlineData("https://x.example.com/a%2Fb/{a}")]
    public void Parse_UnusualButValidUri_IsAccepted(string template)
    {
        var result = UriTemplateParser.Parse(template);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("x.example.com/{a}", 1, "must start with http:// or https://")]
    [InlineData("ftp://x.example.com/", 1, "'ftp:' is not supported")]
    [InlineData("https:x.example.com/", 7, "two slashes")]
    [InlineData("https:///x", 9, "no host name")]
    [InlineData("https://x example.com/", 10, "contains the space at position 10")]
    [InlineData("https://şehir.com/", 9, "xn--")]
    [InlineData("https://x.example.com:99999/", 23, "port '99999'")]
    [InlineData("https://x.example.com:ab/", 23, "port 'ab'")]
    [InlineData(" https://x.example.com/", 1, "starts with a space")]
    [InlineData("https://x.example.com/ ", 23, "ends with a space")]
    [InlineData("https://x.example.com/\n", 23, "line break")]
    public void Parse_NotAnAbsoluteWebUri_IsRefused(string template, int position, string message)
    {
        var result = UriTemplateParser.Parse(template);

        var error = result.Errors[0];
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LeadingSpace_IsTheOnlyError()
    {
        var result = UriTemplateParser.Parse(" https://x.example.com/");

        var error = Assert.Single(result.Errors);
        Assert.Equal("The URI starts with a space; remove it.", error.Message);
    }

    [Fact]
    public void Parse_Null_IsTreatedAsEmpty()
    {
        var result = UriTemplateParser.Parse(null);

        Assert.False(result.IsValid);
        Assert.Equal("", result.Template);
    }

    [Fact]
    public void Parse_ErrorMessages_AreSentencesForTheField()
    {
        var result = UriTemplateParser.Parse("https://{tenant}.example.com/{}");

        Assert.All(result.Errors, e => Assert.Contains(';', e.Message));
        Assert.All(result.Errors, e => Assert.EndsWith(".", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://x.example.com/a\u202Eb", 24, "an invisible character U+202E at position 24")]
    [InlineData("https://x.example.com/\u200Bb", 23, "an invisible character U+200B at position 23")]
    [InlineData("https://x.example.com/a\u0001", 24, "a control character U+0001 at position 24")]
    [InlineData("https://x.example.com/a\u00ADb", 24, "an invisible character U+00AD at position 24")]
    public void Parse_ControlOrInvisibleCharacter_IsRefusedByCodePoint(string template, int position, string what)
    {
        var result = UriTemplateParser.Parse(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(position, error.Position);
        Assert.Equal($"The URI contains {what}; remove it.", error.Message);
    }

    [Fact]
    public void Parse_NonAsciiLetterFirst_SaysAsciiLetter()
    {
        var result = UriTemplateParser.Parse("https://a.invalid/{\u015F}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(
            "Parameter name '\u015F' at position 20 must start with an ASCII letter (A-Z, a-z) or '_'; "
                + "'\u015F' cannot come first.",
            error.Message);
    }

    [Fact]
    public void Parse_NonAsciiLetterLater_SaysAsciiLetters()
    {
        var result = UriTemplateParser.Parse("https://a.invalid/{a\u015F}");

        var error = Assert.Single(result.Errors);
        Assert.Contains("may only contain ASCII letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TemplateOf2048Characters_IsAccepted()
    {
        var template = "https://x.example.com/" + new string('a', UriTemplateParser.MaxLength - 22);

        var result = UriTemplateParser.Parse(template);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Parse_TemplateOf100000Characters_IsOneError()
    {
        var template = "https://x.example.com/" + new string('}', 100_000 - 22);

        var result = UriTemplateParser.Parse(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2049, error.Position);
        Assert.Equal("The URI is 100,000 characters long; shorten it to at most 2,048.", error.Message);
        Assert.Empty(result.ParameterNames);
    }

    [Fact]
    public void Parse_FiftyDistinctParameters_AreAccepted()
    {
        var template = "https://x.example.com/" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{{p{i}}}/"));

        var result = UriTemplateParser.Parse(template + "{p0}");

        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal(50, result.ParameterNames.Count);
    }

    [Fact]
    public void Parse_FiftyOneDistinctParameters_PointsAtTheFirstTooMany()
    {
        var template = "https://x.example.com/" + string.Concat(Enumerable.Range(0, 52).Select(i => $"{{p{i}}}/"));

        var result = UriTemplateParser.Parse(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(template.IndexOf("{p50}", StringComparison.Ordinal) + 1, error.Position);
        Assert.StartsWith("The URI has 52 different parameters; a webhook can have at most 50, remove {p50}",
            error.Message, StringComparison.Ordinal);
    }
}
