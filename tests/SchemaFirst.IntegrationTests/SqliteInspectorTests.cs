using System.Text;
using Microsoft.Data.Sqlite;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Loading;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// SQLite, the embedded default: a database read back equals its source, inspect is a fixed point, and the number of
/// queries does not grow with the schema. Real SQLite files, no server.
/// </summary>
public sealed class SqliteInspectorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sf-sqlite-inspect-" + Guid.NewGuid().ToString("N"));

    public SqliteInspectorTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in CorpusFiles.Sqlite) data.Add(f.Path);
        return data;
    }

    private SqliteConnection NewDatabase(string sql)
    {
        var conn = new SqliteConnection($"Data Source={Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db")};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
        return conn;
    }

    private static InspectResult Inspect(SqliteConnection conn)
    {
        var result = SqliteInspector.InspectAsync(conn).GetAwaiter().GetResult();
        Assert.True(!result.Load.Diagnostics.Any(d => d.Severity != Severity.Info),
            string.Join("\n", result.Load.Diagnostics.Select(d => d.Message)));
        return result;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_sqlite_corpus_file_read_back_from_sqlite_equals_the_file_parsed(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var path = Path.Combine(TestPaths.Corpus, file);
        var parsed = SqlSource.LoadSqlite([path]).Model;
        using var conn = NewDatabase(File.ReadAllText(path));
        ModelAssert.Equal(parsed, Inspect(conn).Load.Model);
    }

    [Fact]
    public void The_examples_rendered_for_sqlite_read_back_as_rendered_and_inspect_is_a_fixed_point()
    {
        var notes = new List<Diagnostic>();
        var sql = SqliteSqlGenerator.Generate(SqlSource.LoadPostgres([TestPaths.Examples]).Model, notes);
        var rendered = SqlSource.ParseSqlite(sql, "rendered.sql").Model;
        using var first = NewDatabase(sql);
        var once = Inspect(first).Load.Model;
        ModelAssert.Equal(rendered, once);
        using var second = NewDatabase(SqliteSqlGenerator.Generate(once, notes));
        ModelAssert.Equal(once, Inspect(second).Load.Model);
        Assert.Equal(20, once.Tables.Count);
    }

    [Fact]
    public void The_number_of_queries_does_not_grow_with_the_schema()
    {
        static string Schema(int n)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < n; i++) sb.Append($"CREATE TABLE t{i} (id INTEGER PRIMARY KEY, p INTEGER REFERENCES t{Math.Max(0, i - 1)} (id), name TEXT NOT NULL); CREATE INDEX t{i}_name ON t{i} (name);\n");
            return sb.ToString();
        }
        using var small = NewDatabase(Schema(5));
        using var large = NewDatabase(Schema(5000));
        var a = Inspect(small);
        var b = Inspect(large);
        Assert.Equal((5, 5000), (a.Load.Model.Tables.Count, b.Load.Model.Tables.Count));
        Assert.Equal(a.RoundTrips, b.RoundTrips);
    }
}
