using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WebHookPanel.Data;

/// <summary>
/// Copies the write-ahead log back into the database file once a second on a connection of its own. SQLite would
/// otherwise do it inside whichever commit crosses the log's size limit, and under load that is nearly always the
/// dispatcher's writer, the one thread the dispatcher cannot run faster than. The writer's connection turns
/// automatic checkpoints off (<see cref="WriterPragmas"/>) and only finishes this one's passes (<see cref="Passes"/>);
/// the pages' connections keep them.
/// </summary>
public sealed partial class WalCheckpointer(
    IDbContextFactory<PanelDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>For the connection that writes most: no checkpoint inside its commits.</summary>
    public const string WriterPragmas = "PRAGMA wal_autocheckpoint = 0;";

    /// <summary>A checkpoint on the writer's own connection, between its transactions.</summary>
    public const string WriterCheckpoint = "PRAGMA wal_checkpoint(PASSIVE);";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private long _passes;

    /// <summary>
    /// Counts the passes that found the log holding frames. SQLite starts the log over only when a transaction
    /// begins with all of it copied, which a writer that never pauses never lets happen: each pass copies what was
    /// there when it began while the writer adds more, and the log grows for as long as the load lasts, every commit
    /// extending the file (under load a tenth of the panel's time went to the kernel zeroing the log's new blocks).
    /// When this changes, the writer runs <see cref="WriterCheckpoint"/> between two of its batches: only what was
    /// written since this pass is left to copy, and its next commit writes from the log's start again. An idle log
    /// counts too (it still holds frames until the next write starts it over); the writer's pass then copies
    /// nothing and costs next to nothing.
    /// </summary>
    public long Passes => Interlocked.Read(ref _passes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var context = await contextFactory.CreateDbContextAsync(stoppingToken))
        {
            connectionString = context.Database.GetConnectionString() ?? "";
        }

        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                if (await CheckpointAsync(connection, stoppingToken))
                {
                    Interlocked.Increment(ref _passes);
                }
            }
            catch (SqliteException exception)
            {
                LogCheckpointFailed(logger, exception);
            }
        }
    }

    // PASSIVE never waits for readers or the writer: it copies what it can while the writer goes on. Its row says
    // whether it was blocked, how many frames the log held and how many of them it copied; true when there were any.
    private static async Task<bool> CheckpointAsync(SqliteConnection connection, CancellationToken stoppingToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqlitePragmaInterceptor.Pragmas;
        await command.ExecuteNonQueryAsync(stoppingToken);

        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(stoppingToken);

        return await reader.ReadAsync(stoppingToken) && reader.GetInt64(1) > 0;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "A checkpoint of the write-ahead log failed")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
