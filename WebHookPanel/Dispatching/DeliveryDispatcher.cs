using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Runs the delivery pipeline: one writer loop that commits batches (<see cref="DeliveryBatchWriter"/>) and a pool
/// of workers that send. Deliveries created by ingestion are handed to the workers in memory right after their
/// commit, each hook's in turn (<see cref="FairWorkQueue"/>); the database is polled only for scheduled retries and
/// for leases that ran out.
/// </summary>
public sealed partial class DeliveryDispatcher(
    DeliveryBatchWriter writer,
    DeliveryWorker worker,
    TimeProvider timeProvider,
    IOptions<DispatcherOptions> options,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    // A commit costs the same few hundred microseconds whether it carries three outcomes or three hundred (the
    // pages it rewrites are much the same). Under load the writer therefore waits a moment after a full-ish commit
    // so that the next one carries more; at a trickle it commits at once and adds no latency. Real time on purpose:
    // this is pacing, not a schedule, and tests that drive the clock by hand must not stall it.
    private const int LingerAfter = 16;

    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(2);

    private readonly DispatcherOptions _options = options.Value;

    // A slow receiver or large events would otherwise let what waits in memory for a worker grow for as long as
    // events come in; past this, new deliveries are stored pending and claimed as the workers make room.
    private readonly long _waitingLimit = options.Value.WaitingWeightLimit;

    private readonly Channel<DispatchCommand> _commands =
        Channel.CreateUnbounded<DispatchCommand>(new UnboundedChannelOptions { SingleReader = true });

    private readonly FairWorkQueue _work = new();

    private int _claimRequested;

    private volatile bool _moreDue;

    private long _waitingWeight;

    // Once shutdown begins, events still accepted are stored pending rather than handed to workers that are
    // stopping: held in memory under a lease, a restart would send them only when the lease ran out.
    private volatile bool _stopping;

    /// <summary>
    /// Stores the events and their deliveries; returns once they are committed. Throws
    /// <see cref="InvalidOperationException"/> when the dispatcher is shutting down.
    /// </summary>
    public async Task IngestAsync(IReadOnlyList<DispatchCommand.IngestItem> events, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_commands.Writer.TryWrite(new DispatchCommand.Ingest(events, done)))
        {
            throw new InvalidOperationException("The dispatcher is shutting down and accepts no events.");
        }

        // The caller may give up waiting; the events are committed all the same.
        await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Asks for a claim of due deliveries now rather than at the next poll, e.g. after a replay.</summary>
    public void RequestClaim()
    {
        if (Interlocked.Exchange(ref _claimRequested, 1) == 0)
        {
            _commands.Writer.TryWrite(new DispatchCommand.Wake());
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Attempts in flight at shutdown get a grace period before they are cut short and given back.
        using var attempts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        await using var grace = stoppingToken.Register(() =>
        {
            _stopping = true;
            attempts.CancelAfter(_options.ShutdownGrace);
        });

        RequestClaim();
        var writing = Task.Run(() => RunWriterAsync(stoppingToken), CancellationToken.None);
        var workers = Enumerable.Range(0, _options.Workers)
            .Select(_ => Task.Run(() => RunWorkerAsync(attempts.Token, stoppingToken), CancellationToken.None))
            .ToArray();
        LogStarted(logger, _options.Workers);

        await Task.WhenAll(workers);

        // Claimed but never started: given back so that a restart sends them at once, not after the lease.
        while (_work.TryTake(out var left))
        {
            _commands.Writer.TryWrite(new DispatchCommand.Release(left.DeliveryId));
        }

        _commands.Writer.TryComplete();
        await writing;
        LogStopped(logger);
    }

    private async Task RunWorkerAsync(CancellationToken attemptToken, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DeliveryWork work;
            try
            {
                work = await _work.TakeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            Interlocked.Add(ref _waitingWeight, -work.Weight);
            if (_moreDue && _work.Count < _options.Workers)
            {
                _moreDue = false;
                RequestClaim();
            }

            // A delivery that waited in memory past its lease may already be claimed elsewhere: leave it to them.
            if (work.LeaseUntil <= timeProvider.GetUtcNow())
            {
                continue;
            }

            var outcome = await worker.RunAsync(work, attemptToken);
            _commands.Writer.TryWrite(new DispatchCommand.Outcome(outcome));
        }
    }

    private async Task RunWriterAsync(CancellationToken stoppingToken)
    {
        var batch = new List<DispatchCommand>(_options.WriteBatchSize);
        Task<bool>? readable = null;
        Task? poll = null;
        while (true)
        {
            readable ??= _commands.Reader.WaitToReadAsync(CancellationToken.None).AsTask();
            if (!stoppingToken.IsCancellationRequested)
            {
                poll ??= Task.Delay(_options.PollInterval, timeProvider, stoppingToken);
                await Task.WhenAny(readable, poll);
            }
            else
            {
                await readable;
            }

            var claim = false;
            if (poll is { IsCompleted: true })
            {
                poll = null;
                claim = true;
            }

            if (readable.IsCompleted)
            {
                if (!await readable)
                {
                    break;
                }

                readable = null;
            }

            while (batch.Count < _options.WriteBatchSize && _commands.Reader.TryRead(out var command))
            {
                batch.Add(command);
            }

            claim |= Interlocked.Exchange(ref _claimRequested, 0) == 1;
            claim &= !stoppingToken.IsCancellationRequested;
            if (batch.Count > 0 || claim)
            {
                await WriteAsync(batch, claim);
                // After a full batch more are waiting already: nothing to gain by waiting.
                var busy = batch.Count >= LingerAfter && batch.Count < _options.WriteBatchSize;
                batch.Clear();
                if (busy && !stoppingToken.IsCancellationRequested)
                {
                    await Task.Delay(Linger, TimeProvider.System, CancellationToken.None);
                }
            }
        }
    }

    private async Task WriteAsync(List<DispatchCommand> batch, bool claim)
    {
        var waiting = Interlocked.Read(ref _waitingWeight);
        var room = claim && waiting < _waitingLimit;
        var limit = room ? Math.Max(0, _options.ClaimBatchSize - _work.Count) : 0;
        try
        {
            // Not cancelled by shutdown: a batch is short and what it commits must not be half done.
            var handOff = _stopping ? 0 : _waitingLimit - waiting;
            var result = await writer.WriteAsync(batch, limit, handOff, CancellationToken.None);
            foreach (var ingest in batch.OfType<DispatchCommand.Ingest>())
            {
                ingest.Done.TrySetResult();
            }

            var handedWeight = 0L;
            foreach (var work in result.Work)
            {
                handedWeight += work.Weight;
            }

            Interlocked.Add(ref _waitingWeight, handedWeight);
            _work.AddRange(result.Work);

            if (claim || result.MoreDue)
            {
                _moreDue = result.MoreDue || (claim && limit == 0);
            }

            // Deliveries left pending for lack of room are claimed when a worker takes the next one; when the
            // workers emptied the queue while this batch committed, none will, so the claim is asked for here.
            var roomNow = _work.Count < _options.Workers
                && Interlocked.Read(ref _waitingWeight) < _waitingLimit;
            if (result.RetryDueNow || (result.MoreDue && roomNow))
            {
                RequestClaim();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Lost outcomes leave their deliveries leased; the lease runs out and they are sent again.
            LogWriteFailed(logger, exception, batch.Count);
            foreach (var ingest in batch.OfType<DispatchCommand.Ingest>())
            {
                ingest.Done.TrySetException(exception);
            }
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Dispatcher started with {Workers} workers")]
    private static partial void LogStarted(ILogger logger, int workers);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Dispatcher stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "A batch of {Count} dispatcher writes failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
