using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;
using WebHookPanel.Events;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// The dispatcher's one writer alone, without HTTP: batches that store events fanned out to ten hooks and record
/// the outcomes of the batch before, as the writer sees them under full load. The writer thread is the
/// dispatcher's ceiling, so its cost per delivery says how far the rest can go. CPU time is the process's, which
/// does nothing else meanwhile, so the figure holds on a busy machine where wall time does not.
/// </summary>
[Collection(BenchmarkCollection.Name)]
public sealed class WriterBenchmarks
{
    private const int Hooks = 10;
    private const int EventsPerBatch = 50;
    private const int Batches = 200;
    private const int Rounds = 3;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    [Fact(Explicit = true)]
    public async Task Writer_EventsAndOutcomes_CostPerDelivery()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PanelDatabase.CreateAsync(cancellationToken);
        await SeedHooksAsync(database, cancellationToken);

        // The checkpointer runs beside the writer as in the panel: without it the log would only grow.
        using var checkpointer = new WalCheckpointer(
            database.ContextFactory,
            TimeProvider.System,
            NullLogger<WalCheckpointer>.Instance);
        await checkpointer.StartAsync(cancellationToken);
        using var writer = new DeliveryBatchWriter(
            database.ContextFactory,
            TimeProvider.System,
            new DeliveryNotifier(),
            new SendableHooks(),
            checkpointer,
            Options.Create(new DispatcherOptions()),
            NullLogger<DeliveryBatchWriter>.Instance);
        var report = new BenchmarkReport("writer");
        var attempt = SampleAttempt();
        var pending = new List<DeliveryWork>();
        var sequence = 0;

        for (var round = 0; round <= Rounds; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.GetTimestamp();
            var deliveries = 0;
            for (var batch = 0; batch < Batches; batch++)
            {
                var commands = new List<DispatchCommand>(EventsPerBatch + pending.Count);
                commands.AddRange(pending.Select(w => new DispatchCommand.Outcome(
                    new DeliveryOutcome(w, OutcomeKind.Succeeded, attempt, null, null))));
                commands.Add(new DispatchCommand.Ingest(
                    [.. Enumerable.Range(0, EventsPerBatch).Select(_ => Item(sequence++))],
                    new TaskCompletionSource()));
                deliveries += pending.Count;

                var result = await writer.WriteAsync(commands, 0, long.MaxValue, cancellationToken);
                pending = [.. result.Work];
            }

            var cpuMicroseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
            var wallMicroseconds = Stopwatch.GetElapsedTime(wall).TotalMicroseconds;
            Assert.Equal(EventsPerBatch * Hooks, pending.Count);

            // Round 0 warms the JIT and SQLite's cache up and is not reported.
            if (round > 0)
            {
                report.Write(string.Create(
                    Culture,
                    $"round {round}/{Rounds}: {deliveries:N0} deliveries stored and finished, " +
                    $"{cpuMicroseconds / deliveries:0.0} us CPU, {wallMicroseconds / deliveries:0.0} us wall " +
                    $"per delivery ({deliveries / (wallMicroseconds / 1_000_000):N0}/s on one thread)"));
            }
        }
    }

    private static DispatchCommand.IngestItem Item(int sequence)
    {
        var id = $"evt_bench_{sequence}";
        var evt = new WebHookEvent { Id = id, Type = TriggerType.PushClick };
        evt.Context["eventId"] = id;
        evt.User["email"] = "user42@example.com";

        return new DispatchCommand.IngestItem(id, evt);
    }

    // What a typical attempt logs: a signed JSON POST answered 200 with a short body.
    private static AttemptRow SampleAttempt() => AttemptRow.From(new AttemptRecord
    {
        StartedAt = DateTimeOffset.UtcNow,
        Duration = TimeSpan.FromMilliseconds(3.2),
        Method = "POST",
        Url = "https://receiver.example/hooks/crm?seq=1234",
        RequestHeaders =
        [
            new AttemptHeader("Content-Type", "application/json; charset=utf-8"),
            new AttemptHeader("User-Agent", "WebHookPanel/1.0"),
            new AttemptHeader("X-Api-Key", "••••••"),
            new AttemptHeader("webhook-id", "msg_0193a7f0c1d27c3e9b5a4f7d2e1c0b9a"),
            new AttemptHeader("webhook-timestamp", "1796292900"),
            new AttemptHeader("webhook-signature", "v1,Q2hhbmdlIHRoaXMgdG8gYSByZWFsIHNpZ25hdHVyZSBvZiAzMiBieXRlcw=="),
        ],
        RequestBody = """{"event":"evt_bench","email":"user42@example.com","platform":"iOS","campaign":"winter"}""",
        ResponseStatus = 200,
        ResponseHeaders =
        [
            new AttemptHeader("Content-Type", "text/plain"),
            new AttemptHeader("Date", "Thu, 03 Dec 2026 10:15:00 GMT"),
            new AttemptHeader("Server", "Kestrel"),
        ],
        ResponseBody = "ok",
    });

    private static async Task SeedHooksAsync(PanelDatabase database, CancellationToken cancellationToken)
    {
        await using var context = await database.ContextFactory.CreateDbContextAsync(cancellationToken);
        for (var i = 0; i < Hooks; i++)
        {
            var definition = new WebHookDefinition
            {
                Name = $"Writer benchmark {i}",
                Uri = $"https://receiver.example/hooks/{i}",
                Trigger = new Trigger { Type = TriggerType.PushClick },
            };
            var hook = WebHook.Create(definition, "benchmark", DateTimeOffset.UtcNow);
            hook.Approve(hook.Versions[0], "benchmark", null, DateTimeOffset.UtcNow);
            context.WebHooks.Add(hook);
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
