using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>A temp database, a recording receiver and the panel, with the API calls the tests make.</summary>
public sealed class DispatchHost : IAsyncDisposable
{
    // Outlives each panel, so that a restarted one finds what the stopped one stored.
    private readonly TempDatabase _database = new();

    private DispatchHost(RecordingReceiver receiver)
    {
        Receiver = receiver;
    }

    public RecordingReceiver Receiver { get; }

    public PanelFactory Factory { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    /// <summary>The panel's own context factory, for arranging rows and for reading more than a page.</summary>
    public IDbContextFactory<PanelDbContext> Database =>
        Factory.Services.GetRequiredService<IDbContextFactory<PanelDbContext>>();

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
        Factory = PanelFactory.On(_database, settings, timeProvider);
        Api = Factory.CreateApiClient();
    }

    public async Task<int> CreateHookAsync(WebHookResource hook)
    {
        using var response = await Api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<WebHookResource>(PanelJson.Options, Token);

        return created!.Id!.Value;
    }

    /// <summary>The recording receiver's port, for hooks that name it through another host form.</summary>
    public int ReceiverPort => new Uri(Receiver.BaseUrl).Port;

    /// <summary>Sends a hook now through <c>POST /api/webhooks/{id}/test</c> and returns the attempt.</summary>
    public async Task<AttemptRecord> TestSendAsync(int hookId, string eventId)
    {
        using var response = await Api.PostAsJsonAsync(
            $"/api/webhooks/{hookId}/test",
            new { @event = DispatchTestData.Event(eventId) },
            PanelJson.Options,
            Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempt = await response.Content.ReadFromJsonAsync<AttemptRecord>(PanelJson.Options, Token);

        return attempt!;
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

    /// <summary>Every delivery of a hook as stored, oldest first.</summary>
    public async Task<List<Delivery>> StoredDeliveriesAsync(int hookId)
    {
        await using var context = await Database.CreateDbContextAsync(Token);

        return await context.Deliveries.AsNoTracking()
            .Where(d => d.WebHookId == hookId)
            .OrderBy(d => d.Id)
            .ToListAsync(Token);
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
        _database.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
