using System.Net;
using System.Net.Sockets;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Opens the dispatcher's connections. Every outgoing connection passes through here, after DNS and on the
/// address actually connected to, which is where the guard against private addresses belongs.
/// </summary>
public class OutgoingConnector(OutgoingAddressGuard guard)
{
    public virtual async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);

        // The addresses are checked and then connected to as they are: resolving again for the connection would
        // let a name answer differently the second time (DNS rebinding).
        var allowed = addresses.Where(a => guard.Check(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var reason = addresses.Length == 0
                ? $"refused: {context.DnsEndPoint.Host} has no address"
                : guard.Check(addresses[0])!;

            throw new AddressRefusedException(reason);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        // A literal in brackets or any numeric form parses without DNS; the parsed value is what gets judged.
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return [address];
        }

        // RFC 6761: localhost names are loopback whatever a resolver says; some resolvers fail on 'localhost.',
        // others send it to DNS, so the answer is fixed here and judged like any other.
        var name = host.TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }

        return await Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
