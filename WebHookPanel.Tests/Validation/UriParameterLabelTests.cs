using WebHookPanel.Validation;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;
using static WebHookPanel.Tests.Validation.ValidationTestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>Labels of URI parameters: required, at most 50 characters as seen, no invisible characters.</summary>
public sealed class UriParameterLabelTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EmptyLabel_FailsAtThatLabel(string label)
    {
        var hook = Hook("https://x.example.com/u/{userId}?c={campaign}");
        hook.UriParameters.AddRange([Parameter("userId"), new UriParameter { Name = "campaign", Label = label }]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[1].Label", error.PropertyName);
        Assert.StartsWith("Label of parameter {campaign} is required", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelOf51Characters_FailsAtThatLabel()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = new string('l', 51) });

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[0].Label", error.PropertyName);
        Assert.Contains("at most 50", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelOf50Characters_IsValid()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = new string('l', 50) });

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_LabelOf26Emoji_IsValid()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        var label = string.Concat(Enumerable.Repeat(Emoji, 26));
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = label });

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_LabelOf51Emoji_CountsCharactersAsSeen()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        var label = string.Concat(Enumerable.Repeat(Emoji, 51));
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = label });

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal(
            "Label of parameter {userId} is 51 characters long; shorten it to at most 50.",
            error.ErrorMessage);
    }

    [Fact]
    public void Validate_LabelAndDefaultWithLineBreak_FailAtEach()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = "CRM\nid", Default = "a\u202E" });

        var result = _validator.Validate(hook);

        Assert.Equal(["UriParameters[0].Label", "UriParameters[0].Default"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(
            "Label of parameter {userId} contains a line break at position 4; remove it.",
            result.Errors[0].ErrorMessage);
        Assert.Equal(
            "Default value of parameter {userId} contains an invisible character U+202E at position 2; remove it.",
            result.Errors[1].ErrorMessage);
    }
}
