using WebHookPanel.Validation;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>URI parameter entries: one per parameter of the template, with a name and an optional default.</summary>
public sealed class UriParameterEntryTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Fact]
    public void Validate_ParameterWithoutEntry_FailsAtUriParametersNamingIt()
    {
        var hook = Hook("https://x.example.com/u/{userId}/{other}");
        hook.UriParameters.Add(Parameter("userId"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters", error.PropertyName);
        Assert.Contains("{other}", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RepeatedParameter_NeedsOneLabel()
    {
        var hook = Hook("https://x.example.com/{id}/x/{id}");
        hook.UriParameters.Add(Parameter("id"));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_EntryNoLongerInUri_FailsAtItsName()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.AddRange([Parameter("old"), Parameter("userId")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[0].Name", error.PropertyName);
        Assert.Contains("no longer in the URI", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EntryListedTwice_FailsAtTheSecond()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.AddRange([Parameter("userId"), Parameter("userId")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[1].Name", error.PropertyName);
    }

    [Fact]
    public void Validate_InvalidUri_SkipsLabelCoverage()
    {
        var hook = Hook("https://x.example.com/u/{userId}/{half");
        hook.UriParameters.Add(Parameter("gone"));

        var result = _validator.Validate(hook);

        Assert.All(result.Errors, e => Assert.Equal("Uri", e.PropertyName));
    }

    [Fact]
    public void Validate_UriParameterWithNullName_FailsAtItsName()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.AddRange([Parameter("userId"), new UriParameter { Name = null!, Label = "Orphan" }]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[1].Name", error.PropertyName);
        Assert.StartsWith("This URI parameter entry has no name", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultOf1001Characters_FailsAtDefault()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(Parameter("userId", new string('d', 1001)));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[0].Default", error.PropertyName);
        Assert.Equal(
            "Default value of parameter {userId} is 1,001 characters long; shorten it to at most 1,000.",
            error.ErrorMessage);
    }

    [Fact]
    public void Validate_DefaultOf1000Characters_IsValid()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(Parameter("userId", new string('d', 1000)));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }
}
