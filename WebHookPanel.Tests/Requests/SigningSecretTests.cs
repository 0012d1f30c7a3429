using WebHookPanel.Signing;

namespace WebHookPanel.Tests.Requests;

public sealed class SigningSecretTests
{
    [Fact]
    public void Sign_KnownVector_MatchesTheStandardWebhooksExample()
    {
        // The test vector of the Standard Webhooks reference implementations.
        var signature = SigningSecret.Sign(
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}",
            ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Generate_TwoSecrets_AreDifferentAndInWhsecForm()
    {
        var first = SigningSecret.Generate();
        var second = SigningSecret.Generate();

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.NotEqual(first, second);
    }
}
