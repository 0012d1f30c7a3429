using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>A temp database, a recording receiver and the panel, with the API calls the tests make.</summary>
public sealed class DispatchHost : IAsyncDisposable
{
    private readonly string _databasePath =
        Path.Combine(Path.GetTempPath(), $"webhookpanel-dispatch-{Guid.NewGuid():N}.db");

    private DispatchHost(RecordingReceiver receiver)
    {
        Receiver = receiver;
    }

    public RecordingReceiver Receiver { get; }

    public DispatchFactory Factory { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public static async Task<DispatchHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null)
    {
        var host = new DispatchHost(await RecordingReceiver.StartAsync());
        host.Restart(settings, timeProvider);

        return host;
    }

    /// <summary>Stops the panel gracefully; <see cref="Restart"/> then starts a new one on the same file.</summary>
    public async Task StopPanelAsync()
    {
        Api.Dispose();
        await Factory.DisposeAsync();
    }

    public void Restart(IReadOnlyDictionary<string, string?>? settings, TimeProvider? timeProvider)
    {
        Factory = new DispatchFactory(_databasePath, settings, timeProvider);
        Api = Factory.CreateApiClient();
    }

    public async Task<int> CreateHookAsync(WebHookResource hook)
    {
        using var response = await Api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<WebHookResource>(PanelJson.Options, Token);

        return created!.Id!.Value;
    }

    public async Task<HttpResponseMessage> PostEventsAsync(object body) =>
        await Api.PostAsJsonAsync("/api/events", body, PanelJson.Options, Token);

    public async Task<DeliveryPage> DeliveriesAsync(int hookId)
    {
        var page = await Api.GetFromJsonAsync<DeliveryPage>(
            $"/api/webhooks/{hookId}/deliveries",
            PanelJson.Options,
            Token);

        return page!;
    }

    public async Task<DeliveryView> OnlyDeliveryWhenAsync(int hookId, Func<DeliveryView, bool> done, string what)
    {
        var page = await Eventually.UntilAsync(
            () => DeliveriesAsync(hookId),
            p => p.Items.Count == 1 && done(p.Items[0]),
            what);

        return page.Items[0];
    }

    public async Task<WebHookStatus?> HookStatusAsync(int hookId)
    {
        var hook = await Api.GetFromJsonAsync<WebHookResource>($"/api/webhooks/{hookId}", PanelJson.Options, Token);

        return hook!.Status;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Factory.DisposeAsync();
        await Receiver.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }

        if (Directory.Exists(_databasePath + ".keys"))
        {
            Directory.Delete(_databasePath + ".keys", recursive: true);
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
