using Microsoft.EntityFrameworkCore;

namespace WebHookPanel.Data;

/// <summary>Brings the schema up to date before the panel serves its first request.</summary>
public sealed partial class DatabaseMigrator(
    IDbContextFactory<PanelDbContext> contextFactory,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);

        // WAL is a property of the file, not the connection: set once, readers never block the writer.
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

        LogMigrated(logger, context.Database.GetDbConnection().DataSource);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Database {DataSource} is migrated")]
    private static partial void LogMigrated(ILogger logger, string dataSource);
}
