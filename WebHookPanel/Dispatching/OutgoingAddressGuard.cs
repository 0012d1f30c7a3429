using System.Net;
using System.Net.Sockets;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Decides whether an outgoing request may connect to an address: loopback, private, link-local, shared,
/// unspecified, multicast, broadcast and the other special-purpose ranges of RFC 6890 are refused unless
/// <c>Dispatcher:AllowedPrivateNetworks</c> opens them. It judges parsed addresses only, so decimal, hex, octal and
/// short IPv4 forms cannot slip past as text, and an IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4) is
/// judged by the IPv4 address too, since a translator or relay would deliver there.
/// </summary>
public sealed class OutgoingAddressGuard
{
    public const string AllowSetting = "Dispatcher__AllowedPrivateNetworks";

    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (CGNAT)"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved (IETF protocol)"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private"),
        (IPNetwork.Parse("198.18.0.0/15"), "a reserved (benchmarking)"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast"),
        (IPNetwork.Parse("255.255.255.255/32"), "a broadcast"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved"),
        (IPNetwork.Parse("::/128"), "an unspecified"),
        (IPNetwork.Parse("::1/128"), "a loopback"),
        (IPNetwork.Parse("::/96"), "an IPv4-compatible (deprecated)"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "a local NAT64"),
        (IPNetwork.Parse("100::/64"), "a discard-only"),
        (IPNetwork.Parse("2001::/32"), "a Teredo tunnel"),
        (IPNetwork.Parse("2001::/23"), "a reserved (IETF protocol)"),
        (IPNetwork.Parse("2001:db8::/32"), "a documentation"),
        (IPNetwork.Parse("fc00::/7"), "a private (unique local)"),
        (IPNetwork.Parse("fe80::/10"), "a link-local"),
        (IPNetwork.Parse("fec0::/10"), "a site-local"),
        (IPNetwork.Parse("ff00::/8"), "a multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private static readonly IPNetwork Translated = IPNetwork.Parse("::ffff:0:0:0/96");

    private readonly IPNetwork[] _allowed;

    /// <summary>A guard that lets these CIDR ranges through (already validated at start-up).</summary>
    public OutgoingAddressGuard(IEnumerable<string> allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(allowedNetworks);

        _allowed = [.. allowedNetworks.Select(n => IPNetwork.Parse(n))];
    }

    /// <summary>Null when the address may be reached; otherwise why not, as the attempt log shows it.</summary>
    public string? Check(IPAddress address) =>
        RefusedKind(address) is { } kind ? $"refused: {address} is {kind} address; allow it with {AllowSetting}" : null;

    /// <summary>
    /// The kind of internal address this is when it is refused, e.g. <c>a loopback</c>; null when allowed.
    /// </summary>
    public string? RefusedKind(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        return KindOf(address) is { } kind && !IsAllowed(address) ? kind : null;
    }

    /// <summary>
    /// What kind of internal address this is, e.g. <c>a loopback</c>, or null for a public one. An IPv6 address
    /// that carries an IPv4 one is also judged as that IPv4 address.
    /// </summary>
    public static string? KindOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        return Match(address) ?? (EmbeddedIPv4(address) is { } inner ? Match(inner) : null);
    }

    /// <summary>
    /// The IPv4 address inside an IPv4-mapped (<c>::ffff:0:0/96</c>), IPv4-translated (<c>::ffff:0:0:0/96</c>,
    /// RFC 2765), NAT64 (<c>64:ff9b::/96</c>, RFC 6052) or 6to4 (<c>2002::/16</c>, RFC 3056) address, or null for
    /// any other address.
    /// </summary>
    public static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || Translated.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : null;
    }

    private static string? Match(IPAddress address)
    {
        foreach (var (network, kind) in Refused)
        {
            if (network.Contains(address))
            {
                return kind;
            }
        }

        return null;
    }

    private bool IsAllowed(IPAddress address)
    {
        var inner = EmbeddedIPv4(address);

        return Array.Exists(_allowed, n => n.Contains(address) || (inner is not null && n.Contains(inner)));
    }
}
