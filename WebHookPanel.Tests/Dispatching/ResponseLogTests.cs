using WebHookPanel.Secrets;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>What the delivery log keeps of a receiver's answer, which marketers may read too.</summary>
public sealed class ResponseLogTests : IAsyncLifetime
{
    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReceiverSetsACookie_AttemptLogMasksItsValue()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/session"));

        var attempt = await _host.TestSendAsync(hookId, "session-1");

        Assert.Equal(200, attempt.ResponseStatus);
        var cookie = Assert.Single(attempt.ResponseHeaders, h => h.Name == "Set-Cookie");
        Assert.Equal(SecretMask.Value, cookie.Value);
    }
}
