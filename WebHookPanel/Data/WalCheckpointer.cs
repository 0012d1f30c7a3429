using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WebHookPanel.Data;

/// <summary>
/// Copies the write-ahead log back into the database file once a second on a connection of its own. SQLite would
/// otherwise do it inside whichever commit crosses the log's size limit, and under load that is nearly always the
/// dispatcher's writer, the one thread the dispatcher cannot run faster than. The writer's connection turns
/// automatic checkpoints off (<see cref="WriterPragmas"/>); the pages' connections keep them.
/// </summary>
public sealed partial class WalCheckpointer(
    IDbContextFactory<PanelDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>For the connection that writes most: no checkpoint inside its commits.</summary>
    public const string WriterPragmas = "PRAGMA wal_autocheckpoint = 0;";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

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
                await using var command = connection.CreateCommand();

                // PASSIVE never waits for readers or the writer: what it cannot copy now, the next round will.
                command.CommandText = SqlitePragmaInterceptor.Pragmas + " PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException exception)
            {
                LogCheckpointFailed(logger, exception);
            }
        }
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
