using WebHookPanel.Dispatching;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>The address guard end to end, with an empty allow-list: the loopback receiver sees nothing.</summary>
public sealed class AddressGuardTests : IAsyncLifetime
{
    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await DispatchHost.StartAsync(PanelFactory.NoAllowedNetworks);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("2130706433")]
    [InlineData("0x7f000001")]
    [InlineData("0x7f.1")]
    [InlineData("0177.0.0.1")]
    [InlineData("127.1")]
    [InlineData("0.0.0.0")]
    [InlineData("0")]
    [InlineData("localhost")]
    [InlineData("localhost.")]
    [InlineData("[::1]")]
    [InlineData("[::]")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("[::ffff:7f00:1]")]
    [InlineData("[0:0:0:0:0:ffff:127.0.0.1]")]
    [InlineData("[::127.0.0.1]")]
    [InlineData("[64:ff9b::127.0.0.1]")]
    [InlineData("[2002:7f00:1::]")]
    [InlineData("[::ffff:0:127.0.0.1]")]
    public async Task TestSend_InternalAddressForm_IsRefusedAndReceiverSeesNothing(string host)
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook($"http://{host}:{_host.ReceiverPort}/ok"));

        var attempt = await _host.TestSendAsync(hookId, "guard-test");

        Assert.Null(attempt.ResponseStatus);
        Assert.StartsWith("refused: ", attempt.Error, StringComparison.Ordinal);
        Assert.EndsWith("allow it with Dispatcher__AllowedPrivateNetworks", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(_host.Receiver.Requests);
    }

    [Fact]
    public async Task Delivery_LoopbackInDecimal_FailsOnceWithTheReason()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook($"http://2130706433:{_host.ReceiverPort}/ok"));

        using var response = await _host.PostEventsAsync(DispatchTestData.Event("guard-1"));
        var delivery = await _host.OnlyDeliveryWhenAsync(
            hookId,
            d => d.Status == DeliveryStatus.Failed,
            "the delivery failed");

        Assert.Equal(1, delivery.AttemptCount);
        Assert.Equal(
            "refused: 127.0.0.1 is a loopback address; allow it with Dispatcher__AllowedPrivateNetworks",
            delivery.LastError);
        Assert.Empty(_host.Receiver.Requests);
    }
}
