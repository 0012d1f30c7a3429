using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;
using WebHookPanel.Events;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// The write-ahead log under the dispatcher's writer running flat out: between them, the checkpointer and the writer
/// must get SQLite to start the log over, or the file grows for as long as the load lasts.
/// </summary>
public sealed class WalCheckpointerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Checkpointer_WriterNeverPauses_LogStartsOver()
    {
        var token = TestContext.Current.CancellationToken;
        await using var database = await PanelDatabase.CreateAsync(token);
        await AddHookAsync(database, token);
        using var checkpointer = new WalCheckpointer(
            database.ContextFactory,
            TimeProvider.System,
            NullLogger<WalCheckpointer>.Instance);
        using var writer = new DeliveryBatchWriter(
            database.ContextFactory,
            TimeProvider.System,
            new DeliveryNotifier(),
            new SendableHooks(),
            checkpointer,
            Options.Create(new DispatcherOptions()),
            NullLogger<DeliveryBatchWriter>.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var log = database.FilePath + "-wal";
        var writing = Task.Run(() => WriteWithoutPauseAsync(writer, stop.Token), token);
        var first = await SaltAsync(log, null, writing, token);

        await checkpointer.StartAsync(token);
        var next = await SaltAsync(log, first, writing, token);
        await stop.CancelAsync();
        var batches = await writing;
        await checkpointer.StopAsync(token);

        // SQLite writes fresh salts into the log's header each time it starts the log over.
        Assert.NotEqual(first, next);
        Assert.True(batches > 0);
    }

    [Fact]
    public async Task Connection_BurstOfLargeWritesThenAnother_LogIsCutBackTo64Megabytes()
    {
        const long limit = 64L * 1024 * 1024;
        var token = TestContext.Current.CancellationToken;
        await using var database = await PanelDatabase.CreateAsync(token);
        await using var context = await database.ContextFactory.CreateDbContextAsync(token);
        var log = database.FilePath + "-wal";

        await context.Database.ExecuteSqlRawAsync(
            """
            CREATE TABLE Burst (Data BLOB);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80)
            INSERT INTO Burst SELECT randomblob(1048576) FROM n;
            """,
            token);
        var peak = new FileInfo(log).Length;
        await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", token);
        await context.Database.ExecuteSqlRawAsync("DELETE FROM Burst;", token);

        Assert.True(peak > limit, $"the burst's log held {peak} bytes");
        Assert.InRange(new FileInfo(log).Length, 1, limit);
    }

    // Polls the log's header until its salts differ from `seen`; null waits for the log to exist.
    private static async Task<long> SaltAsync(string log, long? seen, Task writing, CancellationToken token)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Deadline.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (writing.IsFaulted)
            {
                await writing;
            }

            if (ReadSalt(log) is { } salt && salt != seen)
            {
                return salt;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), token);
        }

        throw new TimeoutException($"The log's salts stayed {seen} for {Deadline.TotalSeconds} s.");
    }

    private static long? ReadSalt(string log)
    {
        if (!File.Exists(log))
        {
            return null;
        }

        using var file = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[24];
        if (file.Read(header) < header.Length)
        {
            return null;
        }

        return BitConverter.ToInt64(header[16..24]);
    }

    // The dispatcher's writer flat out: each batch stores events and finishes the deliveries of the one before.
    private static async Task<int> WriteWithoutPauseAsync(DeliveryBatchWriter writer, CancellationToken stop)
    {
        var pending = new List<DeliveryWork>();
        var batches = 0;
        while (!stop.IsCancellationRequested)
        {
            var commands = new List<DispatchCommand>(pending.Count + 1);
            commands.AddRange(pending.Select(w => new DispatchCommand.Outcome(
                new DeliveryOutcome(w, OutcomeKind.Succeeded, Attempt(), null, null))));
            commands.Add(new DispatchCommand.Ingest(
                [.. Enumerable.Range(0, 20).Select(_ => Event())],
                new TaskCompletionSource()));

            var result = await writer.WriteAsync(commands, 0, long.MaxValue, CancellationToken.None);
            pending = [.. result.Work];
            batches++;

            // The write completes synchronously: without a yield this loop would hold its thread for the whole test.
            await Task.Yield();
        }

        return batches;
    }

    private static DispatchCommand.IngestItem Event()
    {
        var id = $"evt_{Guid.NewGuid():N}";

        return new DispatchCommand.IngestItem(id, new WebHookEvent { Id = id, Type = TriggerType.PushClick });
    }

    private static AttemptRow Attempt() => AttemptRow.From(new AttemptRecord
    {
        StartedAt = DateTimeOffset.UtcNow,
        Duration = TimeSpan.FromMilliseconds(2),
        Method = "POST",
        Url = "https://receiver.example/hook",
        RequestHeaders = [new AttemptHeader("Content-Type", "application/json")],
        RequestBody = new string('x', 1000),
        ResponseStatus = 200,
        ResponseHeaders = [],
    });

    private static async Task AddHookAsync(PanelDatabase database, CancellationToken token)
    {
        await using var context = await database.ContextFactory.CreateDbContextAsync(token);
        var definition = new WebHookDefinition
        {
            Name = "Checkpoint",
            Uri = "https://receiver.example/hook",
            Trigger = new Trigger { Type = TriggerType.PushClick },
        };
        var hook = WebHook.Create(definition, "test", DateTimeOffset.UtcNow);
        hook.Approve(hook.Versions[0], "test", null, DateTimeOffset.UtcNow);
        context.WebHooks.Add(hook);
        await context.SaveChangesAsync(token);
    }
}
