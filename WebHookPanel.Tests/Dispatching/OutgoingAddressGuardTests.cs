using System.Net;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

public sealed class OutgoingAddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback")]
    [InlineData("10.1.2.3", "a private")]
    [InlineData("172.16.0.1", "a private")]
    [InlineData("172.31.255.255", "a private")]
    [InlineData("192.168.1.1", "a private")]
    [InlineData("169.254.169.254", "a link-local")]
    [InlineData("100.64.0.1", "a shared (CGNAT)")]
    [InlineData("0.0.0.0", "an unspecified")]
    [InlineData("224.0.0.1", "a multicast")]
    [InlineData("255.255.255.255", "a broadcast")]
    [InlineData("::1", "a loopback")]
    [InlineData("::", "an unspecified")]
    [InlineData("fd00::1", "a private (unique local)")]
    [InlineData("fe80::1", "a link-local")]
    [InlineData("ff02::1", "a multicast")]
    [InlineData("::ffff:10.0.0.1", "a private")]
    [InlineData("::ffff:169.254.169.254", "a link-local")]
    public void KindOf_InternalAddress_NamesItsKind(string address, string kind)
    {
        var found = OutgoingAddressGuard.KindOf(IPAddress.Parse(address));

        Assert.Equal(kind, found);
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    [InlineData("::ffff:8.8.8.8")]
    public void Check_PublicAddress_IsAllowed(string address)
    {
        var guard = new OutgoingAddressGuard([]);

        var refusal = guard.Check(IPAddress.Parse(address));

        Assert.Null(refusal);
    }

    [Fact]
    public void Check_AddressInAllowedNetwork_IsAllowedAndNeighboursAreNot()
    {
        var guard = new OutgoingAddressGuard(["10.20.0.0/16"]);

        var inside = guard.Check(IPAddress.Parse("::ffff:10.20.3.4"));
        var outside = guard.Check(IPAddress.Parse("10.21.0.1"));

        Assert.Null(inside);
        Assert.Equal(
            "refused: 10.21.0.1 is a private address; allow it with Dispatcher__AllowedPrivateNetworks",
            outside);
    }
}
