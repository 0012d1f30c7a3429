using WebHookPanel.Validation;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>Header rows: keys that are HTTP tokens, refused and duplicate headers, and what a value may hold.</summary>
public sealed class HeaderRowValidationTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Theory]
    [InlineData("X A", "remove the space")]
    [InlineData("X:A", "remove ':'")]
    [InlineData("X(A)", "remove '('")]
    [InlineData("Şule", "remove 'Ş'")]
    public void Validate_HeaderKeyNotAToken_NamesTheCharacter(string key, string fix)
    {
        var hook = Hook();
        hook.Headers.AddRange([Fixed("X-Ok", "1"), Fixed(key, "1")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[1].Key", error.PropertyName);
        Assert.Equal(
            $"Header key '{key}' may only contain letters, digits and !#$%&'*+-.^_`|~ ; {fix}.",
            error.ErrorMessage);
    }

    [Theory]
    [InlineData("!#$%&'*+-.^_`|~")]
    [InlineData("X-Api-Key")]
    [InlineData("x1")]
    public void Validate_HeaderKeyToken_IsValid(string key)
    {
        var hook = Hook();
        hook.Headers.Add(Fixed(key, "1"));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_EmptyHeaderKey_FailsAtKey()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("", "1"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Key", error.PropertyName);
        Assert.StartsWith("Header key is required", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderKeyOf101Characters_FailsAtKey()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed(new string('k', 101), "1"));

        var result = _validator.Validate(hook);

        Assert.Equal("Headers[0].Key", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("content-length")]
    [InlineData("Transfer-Encoding")]
    [InlineData("CONNECTION")]
    public void Validate_RefusedHeader_FailsAtKey(string key)
    {
        var hook = Hook();
        hook.Headers.Add(Fixed(key, "1"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Key", error.PropertyName);
        Assert.Contains("remove this row", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateHeaderInOtherCase_FailsAtTheLaterKey()
    {
        var hook = Hook();
        hook.Headers.AddRange([Fixed("X-A", "1"), Fixed("X-B", "2"), Fixed("x-a", "3")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[2].Key", error.PropertyName);
        Assert.Contains("already set in row 1", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v\r\nX-Injected: 1", "a line break")]
    [InlineData("v\n", "a line break")]
    [InlineData("v\0", "a NUL character")]
    public void Validate_HeaderValueWithLineBreakOrNul_FailsAtValue(string value, string what)
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", value));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.Contains($"Value of header 'X-A' contains {what}", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderValueOf4096Characters_IsValid()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", new string('v', 4096)));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_HeaderValueOf4097Characters_FailsAtValue()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", new string('v', 4097)));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.Contains("at most 4,096", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v\u0001", "a control character U+0001 at position 2")]
    [InlineData("v\u007F", "a control character U+007F at position 2")]
    [InlineData("\u0085v", "a control character U+0085 at position 1")]
    public void Validate_HeaderValueWithControlCharacter_FailsAtValue(string value, string what)
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", value));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.Equal(
            $"Value of header 'X-A' contains {what}; a header value may only hold printable characters, spaces and "
                + "tabs, remove it.",
            error.ErrorMessage);
    }

    [Fact]
    public void Validate_HeaderValueWithTab_IsValid()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", "a\tb \u00e9"));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }
}
