using System.Net;

namespace WebHookPanel.Tests.Dispatching;

public sealed class RestartTests
{
    private const int Events = 300;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatcher:QuickRetries"] = "0",
        ["Dispatcher:ShutdownGrace"] = "00:00:00.300",
    };

    [Fact]
    public async Task Restart_MidFlood_EveryEventArrivesAndDuplicatesShareOneWebhookId()
    {
        await using var host = await DispatchHost.StartAsync(Settings);
        host.Receiver.GateAfter = 40;
        await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/gated"));
        for (var batch = 0; batch < Events / 30; batch++)
        {
            var events = Enumerable.Range(batch * 30, 30).Select(i => DispatchTestData.Event($"flood-{i}")).ToArray();
            using var response = await host.PostEventsAsync(events);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.UntilAsync(() => host.Receiver.Requests.Count > 40, "the flood is under way");
        await host.StopPanelAsync();
        host.Receiver.OpenGate();
        host.Restart(Settings, null);
        var arrived = await Eventually.UntilAsync(
            () => Task.FromResult(host.Receiver.Requests.GroupBy(DispatchTestData.EventIdOf).ToList()),
            groups => groups.Count == Events,
            "every event arrived after the restart");

        Assert.All(arrived, g => Assert.Single(g.Select(r => r.Header("webhook-id")).Distinct()));
        Assert.Contains(arrived, g => g.Count() > 1);
    }
}
