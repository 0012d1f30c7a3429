using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebHookPanel.Data;

/// <summary>
/// Gives every connection a busy timeout and the WAL-friendly sync level: pragmas live per connection, and the
/// dispatcher and the pages write at the same time, so a writer waits for the lock instead of failing at once.
/// The write-ahead log is cut back to 64 MB whenever it starts over: a burst of large events would otherwise leave
/// the file at its peak size for good. 64 MB is about what a second of the dispatcher's writes takes at full speed,
/// so under steady load the log is not cut and grown again each time.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const string Pragmas =
        "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
