using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebHookPanel.Api;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;
using WebHookPanel.Events;
using WebHookPanel.Requests;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// The panel in-process on a temp SQLite file with hooks aimed at the benchmark's receiver: <see cref="FanOut"/>
/// hooks on <c>PushClick</c> for the throughput phase and one on <c>MessageLog</c> for the open-loop phase.
/// Events enter through <see cref="EventIntake"/>, the service behind <c>POST /api/events</c>.
/// </summary>
public sealed class DispatchPanel : IAsyncDisposable
{
    public const int FanOut = 10;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan DrainTick = TimeSpan.FromMilliseconds(50);

    private readonly PanelFactory _factory;
    private readonly List<WebHookDefinition> _fanOutHooks = [];

    private DispatchPanel()
    {
        // The factory owns its temp database file and deletes it when disposed.
        _factory = PanelFactory.With(
            new Dictionary<string, string?> { ["Dispatcher:AllowedPrivateNetworks:0"] = "127.0.0.0/8" });
    }

    public int Workers { get; private set; }

    public static async Task<DispatchPanel> StartAsync(string receiverUrl, CancellationToken cancellationToken)
    {
        var panel = new DispatchPanel();
        using var api = panel._factory.CreateApiClient();
        for (var i = 0; i < FanOut; i++)
        {
            var hook = Hook($"{receiverUrl}/hook/{i}?seq={{seq}}", TriggerType.PushClick);
            await CreateAsync(api, hook, cancellationToken);
            panel._fanOutHooks.Add(hook);
        }

        await CreateAsync(api, Hook($"{receiverUrl}/open?seq={{seq}}", TriggerType.MessageLog), cancellationToken);
        panel.Workers = panel._factory.Services.GetRequiredService<IOptions<DispatcherOptions>>().Value.Workers;

        return panel;
    }

    /// <summary>The requests the fan-out hooks send for an event whose <c>seq</c> is 0, for the raw phase.</summary>
    public IReadOnlyList<BuiltRequest> BuildFanOutRequests()
    {
        var builder = _factory.Services.GetRequiredService<RequestBuilder>();
        var evt = Event(0, TriggerType.PushClick).ToEvent("evt_raw");

        return [.. _fanOutHooks.Select(h => builder.Build(h, evt).Request
            ?? throw new InvalidOperationException("A benchmark hook's request did not build."))];
    }

    /// <summary>
    /// Closed loop: <paramref name="events"/> events in batches of <paramref name="batchSize"/> from
    /// <paramref name="clients"/> concurrent clients, then waits until every delivery succeeded. An event counts
    /// as accepted when its batch is handed to the intake, so commit time is inside the figure.
    /// </summary>
    public async Task<int> RunBatchesAsync(
        int events,
        int batchSize,
        int clients,
        long[] accepted,
        CancellationToken cancellationToken)
    {
        var firstId = await LastDeliveryIdAsync(cancellationToken);
        var intake = _factory.Services.GetRequiredService<EventIntake>();
        var next = -1;
        var batches = (events + batchSize - 1) / batchSize;
        var posting = Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                int batch;
                while ((batch = Interlocked.Increment(ref next)) < batches)
                {
                    var first = batch * batchSize;
                    var items = Enumerable.Range(first, Math.Min(batchSize, events - first))
                        .Select(seq => Event(seq, TriggerType.PushClick))
                        .ToList();
                    await IngestAsync(intake, items, first, accepted, cancellationToken);
                }
            },
            cancellationToken));
        await Task.WhenAll(posting);

        return await WaitUntilSucceededAsync(firstId, events * FanOut, cancellationToken);
    }

    /// <summary>
    /// Open loop: one event per API call at <paramref name="perSecond"/>, whether or not earlier calls returned.
    /// Each event counts as accepted at its scheduled moment, so a stall shows in the figures instead of
    /// slowing the load down.
    /// </summary>
    public async Task<int> RunOpenLoopAsync(
        int events,
        int perSecond,
        long[] accepted,
        CancellationToken cancellationToken)
    {
        var firstId = await LastDeliveryIdAsync(cancellationToken);
        var intake = _factory.Services.GetRequiredService<EventIntake>();
        var calls = new List<Task>(events);
        var start = Stopwatch.GetTimestamp();
        var interval = (double)Stopwatch.Frequency / perSecond;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var sent = 0;
        while (sent < events)
        {
            var due = Math.Min(events, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * perSecond) + 1);
            for (; sent < due; sent++)
            {
                accepted[sent] = start + (long)(sent * interval);
                calls.Add(IngestAsync(intake, [Event(sent, TriggerType.MessageLog)], sent, null, cancellationToken));
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }

        await Task.WhenAll(calls);

        return await WaitUntilSucceededAsync(firstId, events, cancellationToken);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static async Task IngestAsync(
        EventIntake intake,
        List<IncomingEvent> events,
        int firstSeq,
        long[]? accepted,
        CancellationToken cancellationToken)
    {
        if (accepted is not null)
        {
            var now = Stopwatch.GetTimestamp();
            Array.Fill(accepted, now, firstSeq, events.Count);
        }

        // What the endpoint does once the JSON is parsed: validate each event, then hand the batch over.
        foreach (var evt in events)
        {
            var validation = intake.Validate(evt);
            if (!validation.IsValid)
            {
                throw new InvalidOperationException($"A benchmark event is invalid: {validation}");
            }
        }

        await intake.IngestAsync(events, cancellationToken);
    }

    private async Task<long> LastDeliveryIdAsync(CancellationToken cancellationToken)
    {
        await using var context = await ContextFactory.CreateDbContextAsync(cancellationToken);

        return await context.Deliveries.MaxAsync(d => (long?)d.Id, cancellationToken) ?? 0;
    }

    // Returns the number of succeeded deliveries, which the caller checks against what it expects.
    private async Task<int> WaitUntilSucceededAsync(long afterId, int expected, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        using var timer = new PeriodicTimer(DrainTick);
        while (true)
        {
            await using var context = await ContextFactory.CreateDbContextAsync(cancellationToken);

            // NOT INDEXED keeps SQLite on the rowid range: through the (Status, ...) index it would walk every
            // succeeded delivery of the run on each tick and bill that CPU to the panel.
            var succeeded = await context.Database
                .SqlQuery<int>(
                    $"""
                    SELECT COUNT(*) AS "Value" FROM "Deliveries" NOT INDEXED
                    WHERE "Id" > {afterId} AND "Status" = {nameof(DeliveryStatus.Succeeded)}
                    """)
                .SingleAsync(cancellationToken);
            if (succeeded >= expected || Stopwatch.GetTimestamp() > deadline)
            {
                return succeeded;
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    private IDbContextFactory<PanelDbContext> ContextFactory =>
        _factory.Services.GetRequiredService<IDbContextFactory<PanelDbContext>>();

    private static async Task CreateAsync(HttpClient api, WebHookResource hook, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"The benchmark's hook was refused: {problem}");
        }
    }

    private static WebHookResource Hook(string uri, TriggerType trigger) => new()
    {
        Name = $"Benchmark {trigger} {Guid.NewGuid():N}",
        Uri = uri,
        Method = WebHookMethod.POST,
        Trigger = new Trigger { Type = trigger },
        UriParameters = [new UriParameter { Name = "seq", Label = "Sequence number" }],
        Headers = [new FieldRow { Key = "X-Source", Value = "webhookpanel" }],
        Parameters =
        [
            new FieldRow { Key = "customer", Source = ValueSource.Profile, Value = "externalId" },
            new FieldRow { Key = "email", Source = ValueSource.Profile, Value = "email" },
            new FieldRow { Key = "platform", Source = ValueSource.Device, Value = "platform" },
            new FieldRow { Key = "event", Source = ValueSource.Context, Value = "eventId" },
        ],
    };

    private static IncomingEvent Event(int seq, TriggerType type) => new()
    {
        Type = type,
        OccurredAt = new DateTimeOffset(2026, 12, 3, 10, 15, 0, TimeSpan.Zero),
        User = new() { ["externalId"] = "42", ["email"] = "user42@example.com" },
        Device = new() { ["platform"] = "iOS" },
        Context = new() { ["eventId"] = $"bench-{seq}", ["buttonId"] = "buy" },
        Params = new() { ["seq"] = seq.ToString(CultureInfo.InvariantCulture) },
    };
}
