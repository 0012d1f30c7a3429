using Microsoft.Data.Sqlite;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>The writer's statement wrapper on an in-memory database: values, nulls, reuse and errors.</summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE T (Id INTEGER PRIMARY KEY, Number INTEGER, Real REAL, Text TEXT NOT NULL);";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Bind_EachKindOfValue_StoredAsSqliteTypes()
    {
        using var insert = new SqliteStatement(
            _connection,
            "INSERT INTO T (Number, Real, Text) VALUES ($number, $real, $text) RETURNING Id;");
        insert.Bind("$number", 42L);
        insert.Bind("$real", 3.25);
        insert.Bind("$text", "naïve 東京 😀");

        var id = insert.ExecuteScalar();

        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT typeof(Number), Number, typeof(Real), Real, Text FROM T WHERE Id = $id;";
        read.Parameters.AddWithValue("$id", id);
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(
            ("integer", 42L, "real", 3.25, "naïve 東京 😀"),
            (reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetDouble(3), reader.GetString(4)));
    }

    [Fact]
    public void Execute_Reused_BoundValuesStayUntilBoundAgain()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO T (Number, Text) VALUES ($number, $text);");
        insert.Bind("$number", 7L);
        insert.Bind("$text", "first");
        Assert.Equal(1, insert.Execute());

        insert.Bind("$text", "second");
        insert.Execute();

        Assert.Equal([(7L, "first"), (7L, "second")], Rows());
    }

    [Fact]
    public void Bind_ShorterTextAfterLonger_StoresOnlyTheShorterText()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO T (Number, Text) VALUES (1, $text);");
        insert.Bind("$text", new string('x', 1000) + "Ω");
        insert.Execute();

        insert.Bind("$text", "ab");
        insert.Execute();

        Assert.Equal([(1L, new string('x', 1000) + "Ω"), (1L, "ab")], Rows());
    }

    [Fact]
    public void Bind_EmptyText_IsEmptyTextNotNull()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO T (Text) VALUES ($text);");
        insert.Bind("$text", "");

        insert.Execute();

        using var select = new SqliteStatement(_connection, "SELECT typeof(Text), length(Text) FROM T;");
        Assert.Equal([("text", 0L)], select.Query(row => (row.GetString(0), row.GetInt64(1))));
    }

    [Fact]
    public void Bind_BrokenSurrogatePair_StoredAsReplacementCharacter()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO T (Number, Text) VALUES (1, $text);");
        insert.Bind("$text", "cut \uD83D");

        insert.Execute();

        Assert.Equal([(1L, "cut \uFFFD")], Rows());
    }

    [Fact]
    public void ExecuteScalar_NoRowOrNull_IsNull()
    {
        using var none = new SqliteStatement(_connection, "SELECT Number FROM T WHERE Id = $id;");
        none.Bind("$id", 1L);
        using var nullValue = new SqliteStatement(_connection, "SELECT NULL;");

        Assert.Null(none.ExecuteScalar());
        Assert.Null(nullValue.ExecuteScalar());
    }

    [Fact]
    public void Execute_ConstraintBroken_ThrowsSqliteErrorAndStaysUsable()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO T (Text) VALUES ($text);");
        insert.Bind("$text", (string?)null);

        var error = Assert.Throws<SqliteException>(() => insert.Execute());

        Assert.Contains("NOT NULL", error.Message, StringComparison.Ordinal);
        insert.Bind("$text", "fine");
        Assert.Equal(1, insert.Execute());
    }

    [Fact]
    public void Bind_UnknownParameter_NamesIt()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO T (Text) VALUES ($text);");

        var error = Assert.Throws<ArgumentException>(() => insert.Bind("$txt", "typo"));

        Assert.Contains("$txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoStatementsInOneText_Refused()
    {
        Assert.Throws<ArgumentException>(() => new SqliteStatement(_connection, "SELECT 1; SELECT 2;"));
    }

    private List<(long?, string)> Rows()
    {
        using var select = new SqliteStatement(_connection, "SELECT Number, Text FROM T ORDER BY Id;");

        return select.Query(row => (row.IsNull(0) ? (long?)null : row.GetInt64(0), row.GetString(1)));
    }
}
