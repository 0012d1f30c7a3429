using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;
using WebHookPanel.Requests;

namespace WebHookPanel.Secrets;

/// <summary>
/// Encrypts, at start-up, secret header values stored in clear by a panel that did not encrypt them yet, so that
/// no plaintext stays on disk. Until it has run such values are read as they are, so nothing breaks meanwhile.
/// Runs after the schema migration and before the dispatcher, in registration order.
/// </summary>
public sealed partial class HeaderSecretBackfill(
    IDbContextFactory<PanelDbContext> contextFactory,
    HeaderSecretProtector protector,
    ILogger<HeaderSecretBackfill> logger) : IHostedService
{
    // Only the header rows that could hold a clear secret, found by SQLite itself: a start-up with nothing to do
    // reads no definition whole. Which of them are secret is then decided by SecretHeaderRule, as everywhere.
    private const string CandidatesSql = """
        SELECT v.Id, json_extract(h.value, '$.key'), json_extract(h.value, '$.secret')
        FROM WebHookVersions AS v, json_each(v.DefinitionJson, '$.headers') AS h
        WHERE json_extract(h.value, '$.source') = 'Fixed'
          AND json_extract(h.value, '$.value') <> ''
          AND substr(json_extract(h.value, '$.value'), 1, 10) <> 'protected:'
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var ids = await CandidateIdsAsync(context.Database.GetDbConnection(), cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }

        // Freed space is zeroed, so the clear text does not linger in the pages it leaves.
        await context.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", cancellationToken);
        var versions = await context.WebHookVersions.AsNoTracking()
            .Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.Definition })
            .ToListAsync(cancellationToken);
        await using (var transaction = await context.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var version in versions.Where(v => protector.ProtectClearValues(v.Definition)))
            {
                await context.WebHookVersions
                    .Where(v => v.Id == version.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Definition, version.Definition), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // The write-ahead log still holds the pages as they were: fold it into the file and empty it. The
        // connection goes back to the pool, where zeroing every freed page would slow whoever takes it next.
        await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        await context.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = OFF;", cancellationToken);
        LogEncrypted(logger, versions.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<List<int>> CandidateIdsAsync(DbConnection connection, CancellationToken token)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = CandidatesSql;
        var ids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            var key = reader.IsDBNull(1) ? "" : reader.GetString(1);
            var flagged = !reader.IsDBNull(2) && reader.GetInt64(2) != 0;
            if (SecretHeaderRule.IsSecret(key, flagged))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        return [.. ids];
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Encrypted the secret header values that {Count} stored hook versions held in clear")]
    private static partial void LogEncrypted(ILogger logger, int count);
}
