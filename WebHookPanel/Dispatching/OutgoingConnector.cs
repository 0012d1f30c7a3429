using System.Net.Sockets;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Opens the dispatcher's connections. Every outgoing connection passes through here, after DNS and on the
/// address actually connected to, which is where the guard against private addresses belongs.
/// </summary>
public class OutgoingConnector
{
    public virtual async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
