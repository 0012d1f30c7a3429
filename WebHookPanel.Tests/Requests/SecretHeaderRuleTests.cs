using WebHookPanel.Requests;

namespace WebHookPanel.Tests.Requests;

public sealed class SecretHeaderRuleTests
{
    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    [InlineData("X-Api-Key")]
    [InlineData("x-api-key")]
    [InlineData("X-Access-Token")]
    [InlineData("X-Client-SECRET")]
    [InlineData("Password")]
    [InlineData("X-Hook-Key")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Cookie")]
    [InlineData("X-Auth")]
    [InlineData("X-Auth-User")]
    [InlineData("X-Client-Credentials")]
    [InlineData("X-Passwd")]
    public void IsSecret_SecretLookingKey_IsSecret(string key)
    {
        var secret = SecretHeaderRule.IsSecret(key, flagged: false);

        Assert.True(secret);
    }

    [Theory]
    [InlineData("X-Team")]
    [InlineData("User-Agent")]
    [InlineData("X-Authorization-Mode")]
    [InlineData("X-Author")]
    [InlineData("X-Set-Cookie-Policy")]
    public void IsSecret_OrdinaryKey_IsNotSecret(string key)
    {
        var secret = SecretHeaderRule.IsSecret(key, flagged: false);

        Assert.False(secret);
    }

    [Fact]
    public void IsSecret_FlaggedRow_IsSecret()
    {
        var secret = SecretHeaderRule.IsSecret("X-Team", flagged: true);

        Assert.True(secret);
    }
}
