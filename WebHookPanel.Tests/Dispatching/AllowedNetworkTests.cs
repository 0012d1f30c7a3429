using System.Net;
using System.Net.Http.Json;
using WebHookPanel.Dispatching;
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
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook($"http://127.0.0.1:{Port}/ok"));

        var attempt = await TestSendAsync(hookId);

        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Null(attempt.Error);
        Assert.Single(_host.Receiver.Requests);
    }

    [Fact]
    public async Task TestSend_LoopbackOutsideAllowedRange_IsStillRefused()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook($"http://[::ffff:127.0.0.2]:{Port}/ok"));

        var attempt = await TestSendAsync(hookId);

        Assert.Equal(
            "refused: 127.0.0.2 is a loopback address; allow it with Dispatcher__AllowedPrivateNetworks",
            attempt.Error?.Replace("::ffff:", "", StringComparison.Ordinal));
        Assert.Empty(_host.Receiver.Requests);
    }

    private int Port => new Uri(_host.Receiver.BaseUrl).Port;

    private async Task<AttemptRecord> TestSendAsync(int hookId)
    {
        using var response = await _host.Api.PostAsJsonAsync(
            $"/api/webhooks/{hookId}/test",
            new { @event = DispatchTestData.Event("allowed-test") },
            PanelJson.Options,
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempt = await response.Content.ReadFromJsonAsync<AttemptRecord>(
            PanelJson.Options,
            TestContext.Current.CancellationToken);

        return attempt!;
    }
}
