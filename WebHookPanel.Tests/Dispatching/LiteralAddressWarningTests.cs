using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

public sealed class LiteralAddressWarningTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address")]
    [InlineData("http://2130706433/users/{userId}", "127.0.0.1 is a loopback address")]
    [InlineData("https://169.254.169.254/latest", "169.254.169.254 is a link-local address")]
    [InlineData("http://[::ffff:10.0.0.1]/x", "is a private address")]
    [InlineData("http://localhost:5000/{path}", "localhost is this machine")]
    [InlineData("http://localhost./x", "localhost. is this machine")]
    public void For_InternalLiteralHost_Warns(string uri, string expected)
    {
        var warning = LiteralAddressWarning.For(uri);

        Assert.NotNull(warning);
        Assert.Contains(expected, warning, StringComparison.Ordinal);
        Assert.Contains("Dispatcher__AllowedPrivateNetworks", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://crm.example.com/users/{userId}")]
    [InlineData("https://93.184.215.14/x")]
    [InlineData("https://{tenant}.example.com/x")]
    [InlineData("not a uri")]
    [InlineData("")]
    public void For_PublicOrUnfinishedUri_SaysNothing(string uri)
    {
        var warning = LiteralAddressWarning.For(uri);

        Assert.Null(warning);
    }
}
