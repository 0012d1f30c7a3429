using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>The panel as a process of its own, killed with SIGKILL mid-flood and then started again.</summary>
public sealed class KillTests
{
    private const int Events = 500;

    private const int BatchSize = 5;

    // Deliveries after these hang at the receiver, so that some are surely in flight when the process dies.
    private const int AnsweredBeforeKill = 50;

    // Short leases, so that what the killed process held is claimed again within seconds.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatcher:QuickRetries"] = "0",
        ["Dispatcher:AttemptTimeout"] = "00:00:01",
        ["Dispatcher:ShutdownGrace"] = "00:00:00",
        ["Dispatcher:Lease"] = "00:00:02",
        ["Dispatcher:PollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task Kill_MidFlood_EveryAcceptedEventArrivesAfterRestartUnderOneWebhookId()
    {
        using var database = new TempDatabase();
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.GateAfter = AnsweredBeforeKill;
        var accepted = new ConcurrentBag<string>();
        await using (var first = await PanelProcess.StartAsync(database.ConnectionString, Settings))
        {
            await CreateHookAsync(first.Api, receiver.BaseUrl + "/gated");
            var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var flood = FloodAsync(first.Api, accepted, halfway);
            await halfway.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
            await Eventually.UntilAsync(
                () => receiver.Requests.Count > AnsweredBeforeKill,
                "deliveries are held up at the receiver");

            await first.KillAsync();
            await flood;
        }

        receiver.OpenGate();
        await using var second = await PanelProcess.StartAsync(database.ConnectionString, Settings);
        var arrived = await Eventually.UntilAsync(
            () => Task.FromResult(receiver.Requests.GroupBy(DispatchTestData.EventIdOf).ToList()),
            groups => accepted.All(id => groups.Exists(g => g.Key == id)),
            "every accepted event arrived after the restart",
            TimeSpan.FromSeconds(40));

        Assert.InRange(accepted.Count, Events / 2, Events);
        Assert.All(arrived, g => Assert.Single(g.Select(r => r.Header("webhook-id")).Distinct()));
        Assert.Contains(arrived, g => g.Count() > 1);
    }

    private static async Task CreateHookAsync(HttpClient api, string uri)
    {
        using var response = await api.PostAsJsonAsync(
            "/api/webhooks",
            DispatchTestData.Hook(uri),
            PanelJson.Options,
            Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    // Posts the events in small batches from a few clients at once until they are all sent or the panel is gone;
    // an event counts as accepted only when its batch was answered 202.
    private static async Task FloodAsync(
        HttpClient api,
        ConcurrentBag<string> accepted,
        TaskCompletionSource halfway)
    {
        var batches = Enumerable.Range(0, Events / BatchSize)
            .Select(b => Enumerable.Range(b * BatchSize, BatchSize).Select(i => $"kill-{i}").ToArray());
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Token };
        await Parallel.ForEachAsync(batches, options, async (ids, cancellationToken) =>
        {
            try
            {
                using var response = await api.PostAsJsonAsync(
                    "/api/events",
                    ids.Select(id => DispatchTestData.Event(id)).ToArray(),
                    PanelJson.Options,
                    cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Array.ForEach(ids, accepted.Add);
                }
            }
            catch (HttpRequestException)
            {
                // The panel was killed: this batch and the rest are not accepted, which is what the test allows.
            }

            if (accepted.Count >= Events / 2)
            {
                halfway.TrySetResult();
            }
        });
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
