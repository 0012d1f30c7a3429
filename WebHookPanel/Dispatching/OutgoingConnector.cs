using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Opens the dispatcher's connections. Every outgoing connection passes through here, after DNS and on the
/// address actually connected to, which is where the guard against private addresses belongs.
/// </summary>
public partial class OutgoingConnector(
    OutgoingAddressGuard guard,
    TimeProvider timeProvider,
    ILogger<OutgoingConnector> logger)
{
    // A hook aimed inside on a busy trigger is refused once per event: the log hears of each host once a minute.
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private const int RememberedHosts = 1024;

    private readonly ConcurrentDictionary<string, long> _lastLogged = new(StringComparer.OrdinalIgnoreCase);

    public virtual async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        var endPoint = context.DnsEndPoint;
        var allowed = await AllowedAddressesAsync(endPoint.Host, endPoint.Port, cancellationToken);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The addresses of <paramref name="host"/> that the guard lets through; throws
    /// <see cref="AddressRefusedException"/> with the reason when there is none.
    /// </summary>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);

        // The addresses are checked and then connected to as they are: resolving again for the connection would
        // let a name answer differently the second time (DNS rebinding).
        var allowed = addresses.Where(a => guard.Check(a) is null).ToArray();
        if (allowed.Length > 0)
        {
            return allowed;
        }

        var reason = addresses.Length == 0 ? $"refused: {host} has no address" : guard.Check(addresses[0])!;

        // The attempt log tells the hook's readers; operators watching the server log learn of it here.
        if (ShouldLog(host))
        {
            LogRefused(logger, host, port, reason);
        }

        throw new AddressRefusedException(reason);
    }

    private bool ShouldLog(string host)
    {
        var now = timeProvider.GetTimestamp();
        if (_lastLogged.TryGetValue(host, out var last) && timeProvider.GetElapsedTime(last, now) < LogInterval)
        {
            return false;
        }

        if (_lastLogged.Count >= RememberedHosts)
        {
            _lastLogged.Clear();
        }

        _lastLogged[host] = now;

        return true;
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

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning,
        Message = "Refused an outgoing connection to {Host}:{Port}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string host, int port, string reason);
}
