using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>Event values with line breaks or NUL characters, resolved into headers when the dispatcher sends.</summary>
public sealed class HeaderInjectionDispatchTests : IAsyncLifetime
{
    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Deliver_InjectedAttributeValues_AreLeftOutAndNamedInTheAttempt()
    {
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok");
        hook.Headers =
        [
            new FieldRow { Key = "X-Note", Source = ValueSource.Profile, Value = "note" },
            new FieldRow { Key = "X-Session-Token", Source = ValueSource.Device, Value = "token" },
            new FieldRow { Key = "X-Button", Source = ValueSource.Context, Value = "buttonId" },
            new FieldRow { Key = "X-Email", Source = ValueSource.Profile, Value = "email" },
        ];
        var hookId = await _host.CreateHookAsync(hook);
        var evt = DispatchTestData.Event("injected");
        ((Dictionary<string, string>)evt["user"]!)["note"] = "hi\r\nX-Injected: 1";
        ((Dictionary<string, string>)evt["device"]!)["token"] = "t0k3n\nX-Injected: 2";
        ((Dictionary<string, string>)evt["context"]!)["buttonId"] = "buy\0X-Injected: 3";

        using var response = await _host.PostEventsAsync(evt);
        var delivery = await _host.OnlyDeliveryWhenAsync(
            hookId,
            d => d.Status == DeliveryStatus.Succeeded,
            "the delivery succeeded without the injected rows");

        var received = _host.Receiver.Requests.Single();
        Assert.DoesNotContain(received.Headers, h => h.Key.Contains("Injected", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(received.Headers, h => h.Value.Contains("Injected", StringComparison.Ordinal));
        Assert.Null(received.Header("X-Note"));
        Assert.Null(received.Header("X-Session-Token"));
        Assert.Null(received.Header("X-Button"));
        Assert.Equal("user42@example.com", received.Header("X-Email"));
        var attempt = Assert.Single(delivery.Attempts).Attempt;
        Assert.Equal(
            [
                "X-Note: the value contains a line break or a NUL character",
                "X-Session-Token: the value contains a line break or a NUL character",
                "X-Button: the value contains a line break or a NUL character",
            ],
            attempt.Omitted);
        Assert.DoesNotContain(attempt.RequestHeaders, h => h.Value.Contains("Injected", StringComparison.Ordinal));
    }
}
