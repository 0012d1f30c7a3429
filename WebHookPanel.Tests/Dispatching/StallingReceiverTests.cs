using System.Net;
using System.Net.Sockets;
using System.Text;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// Receivers that answer the status line and then stall or drop the body: the status decides, the body gets its
/// own attempt timeout, and no such receiver holds the workers that other hooks need.
/// </summary>
public sealed class StallingReceiverTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> ShortTimeout = new()
    {
        ["Dispatcher:AttemptTimeout"] = "00:00:00.500",
        ["Dispatcher:Workers"] = "4",
    };

    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync(ShortTimeout);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TestSend_BodyStalls_AnswersWithTheStatusAndSaysTheBodyDidNotArrive()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/stall"));

        var attempt = await _host.TestSendAsync(hookId, "stall-1");

        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Equal("ab", attempt.ResponseBody);
        Assert.Equal("the body did not arrive within the attempt's 0.5 s (2 bytes read)", attempt.Error);
    }

    [Fact]
    public async Task TestSend_NoAnswerAtAll_TimesOutOnceWithoutQuickRetries()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/hang"));

        var attempt = await _host.TestSendAsync(hookId, "hang-1");

        Assert.Null(attempt.ResponseStatus);
        Assert.Equal("timed out after 0.5 s", attempt.Error);
        Assert.Single(_host.Receiver.Requests);
        Assert.InRange(attempt.Duration, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(1.4));
    }

    [Fact]
    public async Task TestSend_BodyBreaksOff_AnswersWithTheStatusAndSaysWhere()
    {
        // A raw socket, so that the connection ends with an orderly close right after the third byte: Kestrel
        // would reset it, and a reset may overtake the status line.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answering = AnswerThreeBytesOfAHundredAsync(listener);
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook($"http://127.0.0.1:{port}/broken"));

        var attempt = await _host.TestSendAsync(hookId, "broken-1");
        await answering;

        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Equal("POST", attempt.Method);
        Assert.StartsWith("the body broke off after 3 bytes", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_ManyToAStallingReceiver_DoNotStarveAnotherHook()
    {
        var stalling = await _host.CreateHookAsync(
            DispatchTestData.Hook(_host.Receiver.BaseUrl + "/stall", trigger: TriggerType.MessageLog));
        var healthy = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok"));
        using var flood = await _host.PostEventsAsync(
            Enumerable.Range(0, 12).Select(i => DispatchTestData.Event($"flood-{i}", type: "MessageLog")).ToArray());

        using var probe = await _host.PostEventsAsync(DispatchTestData.Event("probe-1"));

        var sent = await _host.OnlyDeliveryWhenAsync(
            healthy,
            d => d.Status == DeliveryStatus.Succeeded,
            "the healthy hook's delivery went out");
        var stalled = await Eventually.UntilAsync(
            () => _host.DeliveriesAsync(stalling),
            page => page.Total == 12 && page.Items.All(d => d.Status == DeliveryStatus.Succeeded),
            "every stalled delivery ended on its status line");
        Assert.Equal(1, sent.AttemptCount);
        Assert.All(stalled.Items, d => Assert.Equal(1, d.AttemptCount));
    }

    private static async Task AnswerThreeBytesOfAHundredAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        var request = new byte[8192];
        var received = "";
        while (!received.Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(request, TestContext.Current.CancellationToken);
            received += Encoding.ASCII.GetString(request, 0, read);
        }

        var answer = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nabc"u8.ToArray();
        await stream.WriteAsync(answer, TestContext.Current.CancellationToken);
        client.Client.Shutdown(SocketShutdown.Send);
    }
}
