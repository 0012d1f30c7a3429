using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Dispatching;

/// <summary><c>Dispatcher:AllowedPrivateNetworks</c> opens exactly the ranges it names.</summary>
public sealed class AllowedNetworkTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> OnlyOneAddress = new()
    {
        [PanelFactory.AllowedNetworksSetting + ":0"] = "127.0.0.1/32",
    };

    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync(OnlyOneAddress);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TestSend_AddressInsideAllowedRange_IsSent()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook($"http://127.0.0.1:{_host.ReceiverPort}/ok"));

        var attempt = await _host.TestSendAsync(hookId, "allowed-test");

        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Null(attempt.Error);
        Assert.Single(_host.Receiver.Requests);
    }

    [Fact]
    public async Task TestSend_LoopbackOutsideAllowedRange_IsStillRefused()
    {
        var hook = DispatchTestData.Hook($"http://[::ffff:127.0.0.2]:{_host.ReceiverPort}/ok");
        var hookId = await _host.CreateHookAsync(hook);

        var attempt = await _host.TestSendAsync(hookId, "allowed-test");

        Assert.Equal(
            "refused: 127.0.0.2 is a loopback address; allow it with Dispatcher__AllowedPrivateNetworks",
            attempt.Error?.Replace("::ffff:", "", StringComparison.Ordinal));
        Assert.Empty(_host.Receiver.Requests);
    }
}
