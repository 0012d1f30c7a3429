using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

public sealed class LiteralAddressWarningTests
{
    private static readonly OutgoingAddressGuard Guard = new([]);

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address")]
    [InlineData("http://2130706433/users/{userId}", "127.0.0.1 is a loopback address")]
    [InlineData("https://169.254.169.254/latest", "169.254.169.254 is a link-local address")]
    [InlineData("http://[::ffff:10.0.0.1]/x", "is a private address")]
    [InlineData("http://localhost:5000/{path}", "localhost is this machine")]
    [InlineData("http://localhost./x", "localhost. is this machine")]
    [InlineData("http://[2002:a00:1::]/x", "is a private address")]
    [InlineData("http://198.18.0.1/x", "is a reserved (benchmarking) address")]
    public void For_InternalLiteralHost_Warns(string uri, string expected)
    {
        var warning = LiteralAddressWarning.For(uri, Guard);

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
        var warning = LiteralAddressWarning.For(uri, Guard);

        Assert.Null(warning);
    }

    [Theory]
    [InlineData("http://10.20.3.4/x")]
    [InlineData("http://[::ffff:10.20.3.4]/x")]
    [InlineData("http://localhost:5000/x")]
    public void For_AddressInAnAllowedNetwork_SaysNothing(string uri)
    {
        var guard = new OutgoingAddressGuard(["10.20.0.0/16", "127.0.0.0/8"]);

        var warning = LiteralAddressWarning.For(uri, guard);

        Assert.Null(warning);
    }
}
