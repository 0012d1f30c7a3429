using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

/// <summary>Runs the resolved cURL sample in bash against a loopback listener and compares what arrives.</summary>
public sealed class CurlCommandTests
{
    [Fact]
    public async Task Format_PastedIntoBash_SendsTheBuiltRequest()
    {
        Assert.SkipUnless(File.Exists("/bin/bash") && OnPath("curl"), "bash and curl are needed to run the sample");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var hook = Hook($"http://127.0.0.1:{port}/u/{{userId}}?c={{campaign}}", WebHookMethod.PUT);
        hook.Headers.AddRange(
        [
            Fixed("X-Quote", "O'Brien \"q\" $HOME `x`"),
            Row("X-Name", ValueSource.Profile, "name"),
        ]);
        hook.Parameters.AddRange([Fixed("city", "İzmir"), Fixed("q", "it's\\n")]);
        var evt = Event(
            user: new() { ["name"] = "Şule" },
            parameters: new() { ["userId"] = "42/7", ["campaign"] = "kış indirimi" });
        var request = new RequestBuilder("1.0.0").Build(hook, evt).Request!;
        var command = CurlFormatter.Format(request, revealSecrets: true) + " -s -o /dev/null --max-time 10";

        // A curl that never connects must fail the test rather than hang it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var received = ReceiveAsync(listener, timeout.Token);
        using var bash = Process.Start(new ProcessStartInfo("/bin/bash", ["-c", command]))!;
        var (head, body) = await received;
        await bash.WaitForExitAsync(timeout.Token);

        var lines = head.Split("\r\n");
        var uri = new Uri(request.Url);
        Assert.Equal($"PUT {uri.PathAndQuery} HTTP/1.1", lines[0]);
        var headers = lines.Skip(1).Select(l => l.Split(": ", 2)).ToList();
        foreach (var header in request.Headers)
        {
            Assert.Contains(headers, h => h[0] == header.Name && h[1] == header.Value);
        }

        var added = headers.Select(h => h[0]).Except(request.Headers.Select(h => h.Name));
        Assert.Equal(["Host", "Accept", "Content-Length"], added);
        Assert.Equal(Encoding.UTF8.GetBytes(request.Body!), body);
    }

    private static async Task<(string Head, byte[] Body)> ReceiveAsync(TcpListener listener, CancellationToken ct)
    {
        using var client = await listener.AcceptTcpClientAsync(ct);
        var stream = client.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, ct);
            Assert.NotEqual(0, read);
            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.UTF8.GetString([.. buffer.Take(headEnd)]);
        var length = int.Parse(
            head.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.Ordinal))[15..].Trim());
        while (buffer.Count < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(chunk, ct);
            Assert.NotEqual(0, read);
            buffer.AddRange(chunk.AsSpan(0, read));
        }

        await stream.WriteAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), ct);

        return (head, [.. buffer.Skip(headEnd + 4).Take(length)]);
    }

    private static int IndexOfHeadEnd(List<byte> buffer) =>
        buffer.ToArray().AsSpan().IndexOf("\r\n\r\n"u8);

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
