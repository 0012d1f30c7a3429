using WebHookPanel.Requests;
using WebHookPanel.Validation;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>The URI template itself: syntax, length and invisible characters.</summary>
public sealed class UriValidationTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Theory]
    [InlineData("https://x.example.com/u/{userId")]
    [InlineData("https://x.example.com/u/}")]
    [InlineData("https://x.example.com/u/{}")]
    [InlineData("https://x.example.com/u/{{a}}")]
    [InlineData("https://x.example.com/u/{a{b}}")]
    [InlineData("https://x.example.com/u/{1a}")]
    [InlineData("https://{tenant}.example.com/")]
    [InlineData("https://x.example.com:{port}/")]
    [InlineData("https://user:pass@x.example.com/")]
    [InlineData("https://x.example.com/#top")]
    [InlineData("ftp://x.example.com/")]
    [InlineData("x.example.com/")]
    [InlineData("")]
    public void Validate_BadUri_FailsOnlyAtUri(string uri)
    {
        var hook = Hook(uri);

        var result = _validator.Validate(hook);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal("Uri", e.PropertyName));
        Assert.All(result.Errors, e => Assert.IsType<UriTemplateError>(e.CustomState));
    }

    [Fact]
    public void Validate_SeveralUriErrors_ReportsEach()
    {
        var hook = Hook("https://user@x.example.com/{}#top");

        var result = _validator.Validate(hook);

        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains("at position 9", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UriOf100000Characters_FailsOnceAtUri()
    {
        var hook = Hook("https://x.example.com/" + new string('a', 100_000 - 22));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Uri", error.PropertyName);
        Assert.Contains("shorten it to at most 2,048", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UriWithRightToLeftOverride_FailsAtUri()
    {
        var hook = Hook("https://x.example.com/\u202Egpj.exe");

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Uri", error.PropertyName);
        Assert.Contains("an invisible character U+202E at position 23", error.ErrorMessage, StringComparison.Ordinal);
    }
}
