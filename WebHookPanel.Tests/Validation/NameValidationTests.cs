using WebHookPanel.Validation;
using static WebHookPanel.Tests.Support.TestData;
using static WebHookPanel.Tests.Validation.ValidationTestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>The webhook name: required, its length in characters as seen, and characters it may not contain.</summary>
public sealed class NameValidationTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_EmptyName_FailsAtName(string? name)
    {
        var hook = Hook();
        hook.Name = name!;

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Name", error.PropertyName);
        Assert.StartsWith("Name is required", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NameOf100CharactersAfterTrim_IsValid()
    {
        var hook = Hook();
        hook.Name = "  " + new string('n', 100) + "  ";

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_NameOf101Characters_FailsAtName()
    {
        var hook = Hook();
        hook.Name = new string('n', 101);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Name", error.PropertyName);
        Assert.Contains("101 characters long; shorten it to at most 100", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467 Family")]
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F England")]
    [InlineData("Caf\u0065\u0301 au lait")]
    public void Validate_NameWithJoinedEmojiOrCombiningMark_IsValid(string name)
    {
        var hook = Hook();
        hook.Name = name;

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_NameOf100Emoji_IsValid()
    {
        var hook = Hook();
        hook.Name = string.Concat(Enumerable.Repeat(Emoji, 100));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("a\r\nb", "a line break at position 2")]
    [InlineData("a\0b", "a NUL character at position 2")]
    [InlineData("a\tb", "a tab at position 2")]
    [InlineData("Hook a\u200Bb", "an invisible character U+200B at position 7")]
    [InlineData("ab\u202Ecd", "an invisible character U+202E at position 3")]
    [InlineData("\U0001F600\u0001", "a control character U+0001 at position 2")]
    [InlineData("a\u200D", "an invisible character U+200D at position 2")]
    public void Validate_NameWithControlOrInvisibleCharacter_NamesItsPositionAndCodePoint(string name, string what)
    {
        var hook = Hook();
        hook.Name = name;

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Name", error.PropertyName);
        Assert.Equal($"Name contains {what}; remove it.", error.ErrorMessage);
    }
}
