using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WebHookPanel.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Secrets;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// How the dispatcher's connections are opened: always by the connector, which refuses and logs internal addresses.
/// </summary>
public sealed class OutgoingConnectorTests : IDisposable
{
    private readonly RecordingLoggerProvider _logs = new();

    private readonly ILoggerFactory _loggers;

    public OutgoingConnectorTests() => _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));

    public void Dispose() => _loggers.Dispose();

    [Fact]
    public async Task AllowedAddresses_LoopbackLiteral_ThrowsWithTheReasonAndLogsAWarning()
    {
        var connector = new OutgoingConnector(
            new OutgoingAddressGuard([]),
            TimeProvider.System,
            _loggers.CreateLogger<OutgoingConnector>());

        var refused = await Assert.ThrowsAsync<AddressRefusedException>(
            () => connector.AllowedAddressesAsync("0x7f000001", 8080, TestContext.Current.CancellationToken));

        Assert.Equal(
            "refused: 127.0.0.1 is a loopback address; allow it with Dispatcher__AllowedPrivateNetworks",
            refused.Message);
        var entry = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.StartsWith("Refused an outgoing connection to 0x7f000001:8080: refused: 127.0.0.1 is a loopback",
            entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedAddresses_SameHostRefusedAgain_IsLoggedOnceAMinute()
    {
        var clock = new FakeTimeProvider();
        var connector = new OutgoingConnector(
            new OutgoingAddressGuard([]),
            clock,
            _loggers.CreateLogger<OutgoingConnector>());

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<AddressRefusedException>(() => RefuseAsync(connector, "10.0.0.5"));
        }

        await Assert.ThrowsAsync<AddressRefusedException>(() => RefuseAsync(connector, "10.0.0.6"));
        clock.Advance(TimeSpan.FromSeconds(61));
        await Assert.ThrowsAsync<AddressRefusedException>(() => RefuseAsync(connector, "10.0.0.5"));

        Assert.Equal(
            ["10.0.0.5", "10.0.0.6", "10.0.0.5"],
            _logs.Entries.Where(e => e.Level == LogLevel.Warning)
                .Select(e => e.Text.Split(' ')[5].Split(':')[0]));
    }

    [Fact]
    public async Task DispatchClient_ConnectsItselfThroughTheGuard_NeverThroughAProxy()
    {
        await using var panel = new PanelFactory();
        var handlers = panel.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        using var handler = handlers.CreateHandler(WebHookSender.ClientName);

        HttpMessageHandler inner = handler;
        while (inner is DelegatingHandler delegating)
        {
            inner = delegating.InnerHandler!;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(inner);
        Assert.False(sockets.UseProxy);
        Assert.NotNull(sockets.ConnectCallback);
        Assert.False(sockets.AllowAutoRedirect);
    }

    [Fact]
    public async Task AllowedAddresses_AllowedNetwork_ReturnsTheAddressAndLogsNothing()
    {
        var guard = new OutgoingAddressGuard(["127.0.0.0/8"]);
        var connector = new OutgoingConnector(guard, TimeProvider.System, _loggers.CreateLogger<OutgoingConnector>());

        var allowed = await connector.AllowedAddressesAsync("127.0.0.1", 8080, TestContext.Current.CancellationToken);

        Assert.Equal([IPAddress.Loopback], allowed);
        Assert.Empty(_logs.Entries);
    }

    private static Task<IPAddress[]> RefuseAsync(OutgoingConnector connector, string host) =>
        connector.AllowedAddressesAsync(host, 80, TestContext.Current.CancellationToken);
}
