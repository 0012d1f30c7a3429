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
    [InlineData("::127.0.0.1", "an IPv4-compatible (deprecated)")]
    [InlineData("::a00:1", "an IPv4-compatible (deprecated)")]
    [InlineData("64:ff9b::127.0.0.1", "a loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "a link-local")]
    [InlineData("64:ff9b:1::1", "a local NAT64")]
    [InlineData("2002:7f00:1::", "a loopback")]
    [InlineData("2002:c0a8:101::1", "a private")]
    [InlineData("2001:0:4136:e378::1", "a Teredo tunnel")]
    [InlineData("2001:db8::1", "a documentation")]
    [InlineData("2001:2::1", "a reserved (IETF protocol)")]
    [InlineData("::ffff:0:127.0.0.1", "a loopback")]
    [InlineData("::ffff:0:a00:5", "a private")]
    [InlineData("100::1", "a discard-only")]
    [InlineData("192.0.0.8", "a reserved (IETF protocol)")]
    [InlineData("192.0.2.1", "a documentation")]
    [InlineData("198.18.0.1", "a reserved (benchmarking)")]
    [InlineData("198.19.255.255", "a reserved (benchmarking)")]
    [InlineData("198.51.100.7", "a documentation")]
    [InlineData("203.0.113.9", "a documentation")]
    [InlineData("240.0.0.1", "a reserved")]
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
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("198.20.0.1")]
    [InlineData("192.0.3.1")]
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
        var insideSixToFour = guard.Check(IPAddress.Parse("2002:a14:304::1"));
        var outside = guard.Check(IPAddress.Parse("10.21.0.1"));

        Assert.Null(inside);
        Assert.Null(insideSixToFour);
        Assert.Equal(
            "refused: 10.21.0.1 is a private address; allow it with Dispatcher__AllowedPrivateNetworks",
            outside);
    }
}
