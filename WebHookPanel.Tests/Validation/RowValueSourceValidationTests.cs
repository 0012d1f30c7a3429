using WebHookPanel.Validation;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>Row values by source, for headers and parameters alike: the source and attribute names.</summary>
public sealed class RowValueSourceValidationTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Fact]
    public void Validate_RowSourcesOutOfRange_FailAtEachSource()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-A", (ValueSource)99, "v"));
        hook.Parameters.Add(Row("a", (ValueSource)99, "v"));

        var result = _validator.Validate(hook);

        Assert.Equal(["Headers[0].Source", "Parameters[0].Source"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(
            "Source of header 'X-A' must be Fixed, Profile, Device or Context.",
            result.Errors[0].ErrorMessage);
    }

    [Theory]
    [InlineData(ValueSource.Fixed, "enter the text to send")]
    [InlineData(ValueSource.Profile, "choose the profile attribute to send")]
    [InlineData(ValueSource.Device, "choose the device attribute to send")]
    [InlineData(ValueSource.Context, "enter the event's context key to send")]
    public void Validate_EmptyRowValue_FailsAtValueWithSourceHint(ValueSource source, string hint)
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-A", source, ""));
        hook.Parameters.Add(Row("a", source, " "));

        var result = _validator.Validate(hook);

        Assert.Equal(["Headers[0].Value", "Parameters[0].Value"], result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Contains(hint, e.ErrorMessage, StringComparison.Ordinal));
        Assert.StartsWith("Value of header 'X-A' is required", result.Errors[0].ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("e mail")]
    [InlineData("{email}")]
    [InlineData("email\n")]
    public void Validate_AttributeNameWithSpaceOrBraces_FailsAtValue(string value)
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("ok", "a b {c}"), Row("mail", ValueSource.Profile, value)]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[1].Value", error.PropertyName);
        Assert.Contains("profile attribute name", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AttributeNameOf101Characters_FailsAtValue()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-A", ValueSource.Profile, new string('a', 101)));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.Contains("101 characters long; shorten it to at most 100", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AttributeNameWithInvisibleCharacter_FailsAtValue()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-A", ValueSource.Device, "plat\u200Bform"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.StartsWith(
            "The device attribute name of header 'X-A' contains an invisible character U+200B at position 5",
            error.ErrorMessage,
            StringComparison.Ordinal);
    }
}
