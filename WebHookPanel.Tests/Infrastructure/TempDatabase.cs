using Microsoft.Data.Sqlite;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>A SQLite file of its own in the temp folder; removed with its WAL side files on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private static readonly string[] Suffixes = ["", "-wal", "-shm"];

    public TempDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"webhookpanel-test-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        // Pooled connections keep the file open; closing them lets SQLite checkpoint and drop the side files.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in Suffixes)
        {
            File.Delete(FilePath + suffix);
        }

        // The panel keeps its Data Protection keys beside the database.
        if (Directory.Exists(FilePath + ".keys"))
        {
            Directory.Delete(FilePath + ".keys", recursive: true);
        }
    }
}
