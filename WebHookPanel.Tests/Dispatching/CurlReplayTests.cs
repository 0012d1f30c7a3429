using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using WebHookPanel.Api;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>The resolved cURL sample, run in bash, against what the dispatcher sent for the same event.</summary>
public sealed class CurlReplayTests
{
    // Headers that only one side adds by itself: curl its Accept, the dispatcher its webhook-id, both the rest.
    private static readonly HashSet<string> Transport =
        new(["Host", "Accept", "Content-Length", WebHookSender.MessageIdHeader], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task PreviewCurl_RunInBash_SendsWhatTheDispatcherSent()
    {
        Assert.SkipUnless(File.Exists("/bin/bash") && OnPath("curl"), "bash and curl are needed to run the sample");
        await using var host = await DispatchHost.StartAsync();
        var hook = DispatchTestData.Hook(host.Receiver.BaseUrl + "/ok/u/{userId}?c={campaign}", WebHookMethod.PUT);
        hook.UriParameters =
        [
            new UriParameter { Name = "userId", Label = "CRM user id" },
            new UriParameter { Name = "campaign", Label = "Campaign" },
        ];
        hook.Headers =
        [
            new FieldRow { Key = "Authorization", Source = ValueSource.Fixed, Value = "Bearer s3cr3t", Secret = true },
            new FieldRow { Key = "X-Quote", Source = ValueSource.Fixed, Value = "O'Brien \"q\" $HOME `x`" },
            new FieldRow { Key = "X-Name", Source = ValueSource.Profile, Value = "name" },
        ];
        hook.Parameters.Add(new FieldRow { Key = "city", Source = ValueSource.Fixed, Value = "İzmir it's\\n" });
        await host.CreateHookAsync(hook);
        var evt = DispatchTestData.Event(
            "curl-1",
            parameters: new() { ["userId"] = "42/7", ["campaign"] = "kış 50%" });
        ((Dictionary<string, string>)evt["user"]!)["name"] = "Şule";

        using var posted = await host.PostEventsAsync(evt);
        await Eventually.UntilAsync(() => host.Receiver.Requests.Count == 1, "the dispatcher sent the event");
        var preview = await PreviewAsync(host, hook, evt);
        await RunInBashAsync(preview.Curl + " -s -o /dev/null --max-time 10");

        var requests = host.Receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        var (dispatched, pasted) = (requests[0], requests[1]);
        Assert.Equal(dispatched.Method, pasted.Method);
        Assert.Equal(dispatched.Url, pasted.Url);
        Assert.Equal(Headers(dispatched), Headers(pasted));
        Assert.Equal(dispatched.Content, pasted.Content);
        Assert.Contains(new KeyValuePair<string, string>("X-Name", "Şule"), Headers(pasted));
    }

    private static async Task<PreviewResponse> PreviewAsync(
        DispatchHost host,
        WebHookResource hook,
        Dictionary<string, object?> evt)
    {
        using var response = await host.Api.PostAsJsonAsync(
            "/api/webhooks/preview?reveal=true",
            new { webhook = hook, @event = evt },
            PanelJson.Options,
            Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        return (await response.Content.ReadFromJsonAsync<PreviewResponse>(PanelJson.Options, Token))!;
    }

    private static async Task RunInBashAsync(string command)
    {
        using var bash = Process.Start(new ProcessStartInfo("/bin/bash", ["-c", command]))!;

        // A curl that never connects must fail the test rather than hang it.
        await bash.WaitForExitAsync(Token).WaitAsync(TimeSpan.FromSeconds(30), Token);
        Assert.Equal(0, bash.ExitCode);
    }

    private static List<KeyValuePair<string, string>> Headers(ReceivedRequest request) =>
    [
        .. request.Headers
            .Where(h => !Transport.Contains(h.Key))
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ThenBy(h => h.Value, StringComparer.Ordinal),
    ];

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
