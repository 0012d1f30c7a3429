using WebHookPanel.Validation;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>How many headers, parameters and URI parameter entries a definition may hold.</summary>
public sealed class CollectionLimitValidationTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Fact]
    public void Validate_FiftyHeadersAndHundredParameters_AreValid()
    {
        var hook = Hook();
        var headers = Enumerable.Range(0, WebHookDefinitionValidator.MaxHeaders).Select(i => Fixed($"X-{i}", "v"));
        var parameters = Enumerable.Range(0, WebHookDefinitionValidator.MaxParameters).Select(i => Fixed($"p{i}", "v"));
        hook.Headers.AddRange(headers);
        hook.Parameters.AddRange(parameters);

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_TenThousandRows_ReportsOnlyTheCounts()
    {
        var hook = Hook();
        hook.Headers.AddRange(Enumerable.Range(0, 10_000).Select(_ => Fixed("X A", "")));
        hook.Parameters.AddRange(Enumerable.Range(0, 10_000).Select(_ => Fixed("", "")));

        var result = _validator.Validate(hook);

        Assert.Equal(["Headers", "Parameters"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(
            "There are 10,000 headers; a webhook can send at most 50, remove 9,950.",
            result.Errors[0].ErrorMessage);
        Assert.Equal(
            "There are 10,000 parameters; a webhook can send at most 100, remove 9,900.",
            result.Errors[1].ErrorMessage);
    }

    [Fact]
    public void Validate_ThreeThousandUriParameterEntries_ReportsOnlyTheCount()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.AddRange(Enumerable.Range(0, 3000).Select(i => Parameter($"p{i}")));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters", error.PropertyName);
        Assert.StartsWith("There are 3,000 URI parameter entries; a webhook can have at most 50", error.ErrorMessage,
            StringComparison.Ordinal);
    }
}
