using WebHookPanel.Secrets;
using WebHookPanel.Validation;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>Parameter rows: required, unique keys and the length of fixed values.</summary>
public sealed class ParameterRowValidationTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Fact]
    public void Validate_EmptyParameterKey_FailsAtKey()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("a", "1"), Fixed("b", "2"), Fixed("", "3")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[2].Key", error.PropertyName);
        Assert.StartsWith("Parameter key is required", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ParameterKeyOf101Characters_FailsAtKey()
    {
        var hook = Hook();
        hook.Parameters.Add(Fixed(new string('k', 101), "1"));

        var result = _validator.Validate(hook);

        Assert.Equal("Parameters[0].Key", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Validate_ParameterKeysDifferingInCase_AreValid()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("id", "1"), Fixed("ID", "2"), Fixed("e mail", "3")]);

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_ParameterFlaggedSecret_FailsAtSecretAndPointsToHeaders()
    {
        var hook = Hook();
        var row = Fixed("api_key", "k-123");
        row.Secret = true;
        hook.Parameters.Add(row);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[0].Secret", error.PropertyName);
        Assert.Equal("Secret cannot be set on parameter 'api_key': only header values are encrypted and masked; send "
            + "the credential in a header row such as Authorization.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_ParameterValueIsTheSecretMask_FailsAtValue()
    {
        var hook = Hook();
        hook.Parameters.Add(Fixed("api_key", SecretMask.Value));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[0].Value", error.PropertyName);
        Assert.StartsWith("Value of parameter 'api_key' is the mask of a secret", error.ErrorMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateParameterKey_FailsAtTheLaterKey()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("id", "1"), Fixed("id", "2")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[1].Key", error.PropertyName);
    }

    [Theory]
    [InlineData("   ", "Parameter key is only spaces")]
    [InlineData("a\r\nb", "Parameter key contains a line break at position 2; remove it.")]
    [InlineData("user\u200Bid", "Parameter key contains an invisible character U+200B at position 5; remove it.")]
    public void Validate_ParameterKeyBlankOrInvisible_FailsAtKey(string key, string message)
    {
        var hook = Hook();
        hook.Parameters.Add(Fixed(key, "1"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[0].Key", error.PropertyName);
        Assert.StartsWith(message, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FixedParameterValueOf4097Characters_FailsAtValue()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("ok", new string('v', 4096)), Fixed("a", new string('v', 4097))]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[1].Value", error.PropertyName);
        Assert.Equal(
            "Value of parameter 'a' is 4,097 characters long; shorten it to at most 4,096.",
            error.ErrorMessage);
    }
}
