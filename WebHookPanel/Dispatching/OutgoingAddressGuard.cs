using System.Net;
using System.Net.Sockets;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Decides whether an outgoing request may connect to an address: loopback, private, link-local, shared,
/// unspecified, multicast and broadcast ranges are refused unless <c>Dispatcher:AllowedPrivateNetworks</c> opens
/// them. It judges parsed addresses only, so decimal, hex, octal and short IPv4 forms cannot slip past as text.
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
        (IPNetwork.Parse("192.168.0.0/16"), "a private"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast"),
        (IPNetwork.Parse("255.255.255.255/32"), "a broadcast"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved"),
        (IPNetwork.Parse("::/128"), "an unspecified"),
        (IPNetwork.Parse("::1/128"), "a loopback"),
        (IPNetwork.Parse("fc00::/7"), "a private (unique local)"),
        (IPNetwork.Parse("fe80::/10"), "a link-local"),
        (IPNetwork.Parse("fec0::/10"), "a site-local"),
        (IPNetwork.Parse("ff00::/8"), "a multicast"),
    ];

    private readonly IPNetwork[] _allowed;

    /// <summary>A guard that lets these CIDR ranges through (already validated at start-up).</summary>
    public OutgoingAddressGuard(IEnumerable<string> allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(allowedNetworks);

        _allowed = [.. allowedNetworks.Select(n => IPNetwork.Parse(n))];
    }

    /// <summary>Null when the address may be reached; otherwise why not, as the attempt log shows it.</summary>
    public string? Check(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        var kind = KindOf(address);
        if (kind is null || IsAllowed(address))
        {
            return null;
        }

        return $"refused: {address} is {kind} address; allow it with {AllowSetting}";
    }

    /// <summary>
    /// What kind of internal address this is, e.g. <c>a loopback</c>, or null for a public one. An IPv4-mapped
    /// IPv6 address is judged as the IPv4 address it carries, since that is where a dual-stack socket connects.
    /// </summary>
    public static string? KindOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        var judged = Unmapped(address);
        foreach (var (network, kind) in Refused)
        {
            if (network.Contains(judged))
            {
                return kind;
            }
        }

        return null;
    }

    private bool IsAllowed(IPAddress address)
    {
        var judged = Unmapped(address);

        return Array.Exists(_allowed, n => n.Contains(judged) || n.Contains(address));
    }

    private static IPAddress Unmapped(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6
            ? address.MapToIPv4()
            : address;
}
