using WebHookPanel.Dispatching;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

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

    [Fact]
    public async Task ReceiverSendsUtf8HeaderAndControls_LogReadsUtf8AndReplacesControlsAndOverridesButLineBreaks()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/odd"));

        var attempt = await _host.TestSendAsync(hookId, "odd-1");

        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Equal(
            "caf\u00E9 \uFFFD RTL \U0001F600",
            Assert.Single(attempt.ResponseHeaders, h => h.Name == "X-Odd").Value);
        Assert.Equal("line 1\r\n\tline 2\uFFFD\uFFFD[31mred\uFFFD", attempt.ResponseBody);
    }

    [Fact]
    public async Task HugeUriParameterAndContext_AttemptLogKeepsTheStartOfUrlAndBody()
    {
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok/{userId}");
        hook.UriParameters = [new UriParameter { Name = "userId", Label = "User" }];
        var hookId = await _host.CreateHookAsync(hook);
        var big = new string('x', 200_000);
        var evt = DispatchTestData.Event("big-1", parameters: new Dictionary<string, string> { ["userId"] = big });
        ((Dictionary<string, string>)evt["context"]!)["eventId"] = big + "\U0001F600";

        using var posted = await _host.PostEventsAsync(evt);

        var delivery = await _host.OnlyDeliveryWhenAsync(hookId, d => d.Attempts.Count == 1, "one attempt logged");
        var attempt = delivery.Attempts[0].Attempt;
        Assert.Equal(414, attempt.ResponseStatus);
        Assert.Equal(SentText.UrlLimit + 1, attempt.Url.Length);
        Assert.StartsWith(_host.Receiver.BaseUrl + "/ok/xxx", attempt.Url, StringComparison.Ordinal);
        Assert.EndsWith("x…", attempt.Url, StringComparison.Ordinal);
        Assert.Equal(SentText.BodyLimit + 1, attempt.RequestBody!.Length);
        Assert.StartsWith("{\"event\":\"xxx", attempt.RequestBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiverEchoesSecretHeaders_AttemptLogMasksThemInBodyAndHeaders()
    {
        const string token = "tok/en+Secret-42";
        const string apiKey = "k3y-value-9b1f";
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/echo");
        hook.Headers =
        [
            new FieldRow { Key = "Authorization", Value = "Bearer " + token, Secret = true },
            new FieldRow { Key = "X-Api-Key", Value = apiKey, Secret = true },
        ];
        var hookId = await _host.CreateHookAsync(hook);

        var attempt = await _host.TestSendAsync(hookId, "echo-1");

        Assert.Equal(200, attempt.ResponseStatus);
        var received = Assert.Single(_host.Receiver.Requests);
        Assert.Contains(received.Headers, h => h.Value == "Bearer " + token);
        Assert.Contains(SecretMask.Value, attempt.ResponseBody);
        Assert.DoesNotContain("tok", attempt.ResponseBody);
        Assert.DoesNotContain("Secret-42", attempt.ResponseBody);
        Assert.DoesNotContain(apiKey, attempt.ResponseBody);
        Assert.DoesNotContain(attempt.ResponseHeaders, h => h.Value.Contains("Secret-42", StringComparison.Ordinal));
    }
}
