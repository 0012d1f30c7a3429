using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace WebHookPanel.Dispatching;

/// <summary>
/// One of the writer's statements, compiled once on the writer's connection and run through SQLite's own calls.
/// Microsoft.Data.Sqlite stays the connection, its transactions and its errors; its command object does not, on
/// this one path: it looks every parameter up by name and boxes and wraps every value on each execution, which
/// made the writer's statements the largest source of garbage of a busy dispatcher (a binder object per value,
/// about a fifth of all it allocated). Here parameters are found by name once and values are bound as they are;
/// text is encoded to UTF-8 by .NET, as the command did (a broken surrogate pair becomes U+FFFD), into a buffer
/// the statement keeps. As with a command's parameters, a bound value stays for the next execution until it is
/// bound again.
/// </summary>
public sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);
    private byte[] _text = new byte[256];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");

        var result = raw.sqlite3_prepare_v3(
            _database,
            sql,
            raw.SQLITE_PREPARE_PERSISTENT,
            out _statement,
            out var rest);
        SqliteException.ThrowExceptionForRC(result, _database);
        if (!string.IsNullOrWhiteSpace(rest))
        {
            _statement.Dispose();
            throw new ArgumentException($"One statement at a time; left over: {rest}", nameof(sql));
        }

        var count = raw.sqlite3_bind_parameter_count(_statement);
        for (var index = 1; index <= count; index++)
        {
            _parameters[raw.sqlite3_bind_parameter_name(_statement, index).utf8_to_string()] = index;
        }
    }

    public void Bind(string name, long value) => Check(raw.sqlite3_bind_int64(_statement, IndexOf(name), value));

    public void Bind(string name, long? value)
    {
        if (value is { } number)
        {
            Bind(name, number);
        }
        else
        {
            Check(raw.sqlite3_bind_null(_statement, IndexOf(name)));
        }
    }

    public void Bind(string name, bool value) => Bind(name, value ? 1L : 0L);

    public void Bind(string name, double value) => Check(raw.sqlite3_bind_double(_statement, IndexOf(name), value));

    public void Bind(string name, string? value)
    {
        var index = IndexOf(name);
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));

            return;
        }

        // An empty span would reach SQLite as a null pointer, which binds NULL instead of ''.
        if (value.Length == 0)
        {
            Check(raw.sqlite3_bind_text(_statement, index, ""));

            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_text.Length < length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free again once the call returns.
        var written = Encoding.UTF8.GetBytes(value, _text);
        Check(raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written)));
    }

    /// <summary>Runs the statement to its end; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            while (Step())
            {
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs the statement; returns the first column of its first row, or null without a row.</summary>
    public long? ExecuteScalar()
    {
        try
        {
            return Step() && raw.sqlite3_column_type(_statement, 0) != raw.SQLITE_NULL
                ? raw.sqlite3_column_int64(_statement, 0)
                : null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs the statement and reads each of its rows with <paramref name="read"/>.</summary>
    public List<T> Query<T>(Func<SqliteStatement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);

        var rows = new List<T>();
        try
        {
            while (Step())
            {
                rows.Add(read(this));
            }

            return rows;
        }
        finally
        {
            Reset();
        }
    }

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public int GetInt32(int column) => raw.sqlite3_column_int(_statement, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    private int IndexOf(string name) =>
        _parameters.TryGetValue(name, out var index)
            ? index
            : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));

    private bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }

        return false;
    }

    private void Reset() => raw.sqlite3_reset(_statement);

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
