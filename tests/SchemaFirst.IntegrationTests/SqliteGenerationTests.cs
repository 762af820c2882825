using Microsoft.Data.Sqlite;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// PostgreSQL sources rendered for SQLite apply to a real SQLite file, hold the tables, columns, keys and indexes of
/// the model, and everything that could not be carried over is named in a diagnostic.
/// </summary>
public sealed class SqliteGenerationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sf-sqlite-" + Guid.NewGuid().ToString("N"));

    public SqliteGenerationTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string> { "examples" };
        foreach (var f in CorpusFiles.Postgres) data.Add(f.Path);
        return data;
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_postgres_schema_rendered_for_sqlite_applies_and_keeps_its_tables_columns_and_keys(string source)
    {
        if (source != "examples" && !TestPaths.CorpusAvailable()) return;
        var model = SqlSource.LoadPostgres([source == "examples" ? TestPaths.Examples : Path.Combine(TestPaths.Corpus, source)]).Model;
        var notes = new List<Diagnostic>();
        var ddl = SqliteSqlGenerator.Generate(model, notes);
        Assert.DoesNotContain(notes, n => n.Severity == Severity.Error);

        using var conn = new SqliteConnection($"Data Source={Path.Combine(_dir, "db.sqlite")}");
        conn.Open();
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = ddl;
            cmd.ExecuteNonQuery();
        }
        // sqlite_sequence is SQLite's own bookkeeping for AUTOINCREMENT.
        Assert.Equal(model.Tables.Count, Scalar(conn, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name <> 'sqlite_sequence'"));
        foreach (var t in model.Tables)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT name FROM pragma_table_xinfo($t) ORDER BY cid";
            cmd.Parameters.AddWithValue("$t", t.Name.Name);
            var columns = new List<string>();
            using (var r = cmd.ExecuteReader()) while (r.Read()) columns.Add(r.GetString(0));
            Assert.Equal(t.Columns.Select(c => c.Name), columns);
            var fks = Scalar(conn, $"SELECT count(DISTINCT id) FROM pragma_foreign_key_list('{t.Name.Name.Replace("'", "''")}')");
            Assert.True(t.ForeignKeys.Count == fks, $"{t.Name}: {t.ForeignKeys.Count} foreign keys in the model, {fks} in SQLite");
        }
        // Indexes and views: each one SQLite did not get is named in a diagnostic.
        var indexes = Scalar(conn, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL");
        var skippedIndexes = notes.Count(n => n.Message.StartsWith("index ", StringComparison.Ordinal) && n.Message.Contains("not created", StringComparison.Ordinal));
        Assert.Equal(model.Indexes.Count, indexes + skippedIndexes);
        var views = Scalar(conn, "SELECT count(*) FROM sqlite_schema WHERE type = 'view'");
        var skippedViews = notes.Count(n => (n.Message.StartsWith("view ", StringComparison.Ordinal) || n.Message.StartsWith("materialized view ", StringComparison.Ordinal)) && n.Message.Contains("not created", StringComparison.Ordinal));
        Assert.Equal(model.Views.Count, views + skippedViews);
        Assert.Equal(model.Triggers.Count + model.Routines.Count, notes.Count(n => n.Message.Contains("cannot run in SQLite", StringComparison.Ordinal) || n.Message.Contains("no stored routines", StringComparison.Ordinal)));
        // Foreign keys hold in SQLite too.
        Assert.Equal(0, Scalar(conn, "SELECT count(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void Types_defaults_and_enums_are_mapped_explicitly()
    {
        var model = SqlSource.ParsePostgres("""
            CREATE TYPE mood AS ENUM ('ok', 'sad');
            CREATE TABLE t (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              price numeric(12,2) DEFAULT 0 NOT NULL,
              code varchar(8) CHECK (length(code) = 8),
              flag boolean DEFAULT false,
              at timestamptz DEFAULT now(),
              doc jsonb,
              uid uuid DEFAULT gen_random_uuid(),
              m mood DEFAULT 'ok'
            );
            """).Model;
        var notes = new List<Diagnostic>();
        var ddl = SqliteSqlGenerator.Generate(model, notes);
        Assert.Contains("    id INTEGER CONSTRAINT t_pkey PRIMARY KEY AUTOINCREMENT,", ddl);
        Assert.Contains("    price NUMERIC(12,2) DEFAULT 0 NOT NULL,", ddl);
        Assert.Contains("    code VARCHAR(8),", ddl);
        Assert.Contains("CONSTRAINT t_code_check CHECK (length(code) = 8)", ddl);
        Assert.Contains("    flag BOOLEAN DEFAULT FALSE,", ddl);
        Assert.Contains("    at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,", ddl);
        Assert.Contains("    doc TEXT,", ddl);
        Assert.Contains("    m TEXT DEFAULT 'ok' CHECK (m IN ('ok', 'sad'))", ddl);
        Assert.Contains(notes, n => n.Severity == Severity.Warning && n.Message.Contains("uid") && n.Message.Contains("gen_random_uuid"));
        Assert.Contains(notes, n => n.Message.Contains("enum public.mood is stored as TEXT"));
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = ddl + "\nINSERT INTO t (price, m) VALUES (1.5, 'ok');";
        cmd.ExecuteNonQuery();
        cmd.CommandText = "INSERT INTO t (m) VALUES ('angry')";
        Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery());
    }
}
