using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;

namespace WebHookPanel.ApiKeys;

/// <summary>
/// Records when each key was last used, off the request path and at most once per <see cref="Resolution"/> per
/// key: a call only compares two times in memory, and a background loop writes the few changes that result.
/// </summary>
public sealed partial class ApiKeyUsage(
    IDbContextFactory<PanelDbContext> contextFactory,
    ILogger<ApiKeyUsage> logger) : BackgroundService
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, DateTimeOffset> _recorded = new();
    private readonly Channel<(int KeyId, DateTimeOffset At)> _pending =
        Channel.CreateUnbounded<(int KeyId, DateTimeOffset At)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Notes a use of the key, cheap enough for every call; true when this use is to be written.</summary>
    public bool Record(int keyId, DateTimeOffset at)
    {
        // Of two calls that race here, the one that loses the update leaves the write to the other.
        if (_recorded.TryGetValue(keyId, out var last))
        {
            if (at - last < Resolution || !_recorded.TryUpdate(keyId, at, last))
            {
                return false;
            }
        }
        else if (!_recorded.TryAdd(keyId, at))
        {
            return false;
        }

        return _pending.Writer.TryWrite((keyId, at));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new Dictionary<int, DateTimeOffset>();
            while (_pending.Reader.TryRead(out var use))
            {
                batch[use.KeyId] = batch.TryGetValue(use.KeyId, out var seen) && seen > use.At ? seen : use.At;
            }

            try
            {
                await WriteAsync(batch, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A lost last-used time is not worth stopping the panel for; the next use records it again.
                foreach (var keyId in batch.Keys)
                {
                    _recorded.TryRemove(keyId, out _);
                }

                LogWriteFailed(logger, exception, batch.Count);
            }
        }
    }

    private async Task WriteAsync(Dictionary<int, DateTimeOffset> batch, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (keyId, at) in batch)
        {
            await context.ApiKeys
                .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < at))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, at), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(
        EventId = 2300,
        Level = LogLevel.Warning,
        Message = "The last-used time of {Count} API keys could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
