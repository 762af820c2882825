using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using SchemaFirst.Audit;
using SchemaFirst.Dialects;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The audit checked against the engines themselves: every statement of the sample application, prepared on a real
/// PostgreSQL 15 holding the schema, fails exactly when the audit reports a finding the server raises when it plans a
/// statement (unknown table or column, ambiguity, generated column, value count, conflict target), and the TRUNCATE
/// the audit flags fails when run. The same on real SQLite. Auditing against the live database equals auditing
/// against the files.
/// </summary>
public sealed partial class AuditTests
{
    private static readonly HashSet<string> PlanTimeCodes = ["SF801", "SF802", "SF803", "SF805", "SF806", "SF808"];

    private static string App => Path.Combine(TestPaths.Root, "examples", "app");

    private static List<Auditor.StatementResult> Statements(Model.Database model, string defaultSchema, string root)
    {
        var schema = new AuditSchema(model, defaultSchema);
        var dialect = Auditor.DialectOf(model.SourceDialect);
        var all = new List<Auditor.StatementResult>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            all.AddRange(Auditor.ReadFile(Path.GetRelativePath(root, file), File.ReadAllText(file), schema, dialect).Statements);
        }
        return all;
    }

    [GeneratedRegex(@"'(?:[^']|'')*'|(?<p>\$\d+|\?(?![|&])|(?<!:):[A-Za-z_]\w*|@[A-Za-z_]\w*|sqlc\.n?arg\(\w+\))")]
    private static partial Regex Placeholder();

    /// <summary>The statement with every placeholder style as PostgreSQL's $n, numbered in order, a name always the same number.</summary>
    private static string Numbered(string sql)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return Placeholder().Replace(sql, m =>
        {
            if (!m.Groups["p"].Success) return m.Value;
            var key = m.Value == "?" ? "?" + numbers.Count : m.Value;
            if (!numbers.TryGetValue(key, out var n)) numbers[key] = n = numbers.Count + 1;
            return "$" + n;
        });
    }

    [PostgresFact]
    public async Task Every_statement_of_the_sample_app_fails_on_postgresql_exactly_when_the_audit_says_so()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        db.ApplyFile(Path.Combine(App, "schema", "10_stores.sql"));
        var model = SqlDialects.Default.ParseText(File.ReadAllText(Path.Combine(App, "schema", "10_stores.sql")), "10_stores.sql").Model;
        var statements = Statements(model, "public", App);
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(db.Name));
        await conn.OpenAsync();
        var report = new StringBuilder();
        int prepared = 0, skipped = 0, failed = 0;
        foreach (var s in statements)
        {
            Assert.False(s.Unreadable, s.Sql);
            if (s.Partial)
            {
                skipped++; // a table name built at run time: the server cannot plan it either
                continue;
            }
            var codes = s.Findings.Select(f => f.Code).ToHashSet();
            var sql = Numbered(s.Sql);
            var truncate = sql.TrimStart().StartsWith("TRUNCATE", StringComparison.OrdinalIgnoreCase);
            string? error = null;
            await using (var tx = await conn.BeginTransactionAsync())
            {
                try
                {
                    await using var cmd = new NpgsqlCommand(truncate ? sql : $"PREPARE audited{prepared} AS " + sql, conn, tx);
                    await cmd.ExecuteNonQueryAsync();
                    if (!truncate)
                    {
                        // PREPARE analyzes; the planner infers ON CONFLICT's arbiter index: EXPLAIN plans without running.
                        var parameters = Regex.Matches(sql, @"\$(\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
                        var args = parameters == 0 ? string.Empty : "(" + string.Join(", ", Enumerable.Repeat("NULL", parameters)) + ")";
                        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE audited{prepared}{args}", conn, tx);
                        await explain.ExecuteNonQueryAsync();
                    }
                }
                catch (PostgresException e)
                {
                    error = e.SqlState + " " + e.MessageText;
                }
                await tx.RollbackAsync();
            }
            prepared++;
            if (error != null) failed++;
            var expected = truncate ? codes.Contains("SF807") : codes.Overlaps(PlanTimeCodes);
            if (expected != (error != null))
            {
                report.Append($"{s.Snippet.Path}: audit {(codes.Count == 0 ? "found nothing" : string.Join(",", codes))}, PostgreSQL {(error ?? "accepted it")}\n    {sql}\n");
            }
            if (error != null) Assert.True(error.StartsWith("42", StringComparison.Ordinal) || error.StartsWith("0A000", StringComparison.Ordinal) || error.StartsWith("428C9", StringComparison.Ordinal), error);
        }
        Assert.True(report.Length == 0, report.ToString());
        Assert.Equal(2, skipped);
        Assert.Equal(28, prepared);
        Assert.Equal(9, failed); // the crawler's INSERT carries four findings; each other defect is one statement
    }

    [PostgresFact]
    public void Auditing_against_the_live_database_gives_the_report_of_the_files()
    {
        var db = PostgresServer.CreateDatabaseAsync().GetAwaiter().GetResult();
        try
        {
            db.ApplyFile(Path.Combine(App, "schema", "10_stores.sql"));
            var files = CliRunner.RunIn(App, "audit");
            var live = CliRunner.RunIn(App, "audit", "--db", db.Url);
            Assert.Equal(1, files.Code);
            Assert.True(live.Code == 1, live.Err);
            Assert.Equal(files.Out, live.Out);
        }
        finally
        {
            db.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Fact]
    public void The_sarif_report_passes_microsofts_sarif_validator()
    {
        var (code, stdout, err) = CliRunner.RunIn(App, "audit", "--format", "sarif");
        Assert.True(code == 1, err);
        SarifValidator.Validate(stdout);
    }

    [Fact]
    public void Every_statement_fails_on_sqlite_exactly_when_the_audit_says_so()
    {
        const string schema = """
            CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born INTEGER);
            CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id), title TEXT NOT NULL,
                pages INTEGER, slug TEXT GENERATED ALWAYS AS (lower(title)) VIRTUAL);
            CREATE UNIQUE INDEX books_title ON books (author_id, title);
            """;
        const string code = """
            import sqlite3

            def run(db, a, t):
                db.execute("SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id WHERE a.id = ?", (a,))
                db.execute("SELECT title, nam FROM books JOIN authors ON authors.id = books.author_id")
                db.execute("SELECT id FROM books JOIN authors ON authors.id = books.author_id")
                db.execute("INSERT INTO books (author_id, title) VALUES (?, ?) ON CONFLICT (author_id, title) DO UPDATE SET pages = excluded.pages", (a, t))
                db.execute("INSERT INTO books (author_id, title, pages) VALUES (?, ?)", (a, t))
                db.execute("INSERT INTO book (author_id, title) VALUES (?, ?)", (a, t))
                db.execute("UPDATE books SET slug = ? WHERE id = ?", (t, a))
                db.execute("INSERT INTO books (author_id, title) VALUES (?, ?) ON CONFLICT (title) DO NOTHING", (a, t))
                db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n")
                db.execute("DELETE FROM books WHERE author_id IN (SELECT id FROM authors WHERE born < ?) RETURNING id", (a,))
                db.execute("SELECT [title], `pages` FROM \"books\" ORDER BY 1 LIMIT 5 OFFSET ?", (a,))
            """;
        var model = SqlDialects.Find("sqlite")!.ParseText(schema, "schema.sql").Model;
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "app.py"), code);
        var statements = Statements(model, "main", dir.Path);
        Assert.Equal(11, statements.Count);
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        using (var create = conn.CreateCommand())
        {
            create.CommandText = schema;
            create.ExecuteNonQuery();
        }
        var report = new StringBuilder();
        var failed = 0;
        foreach (var s in statements)
        {
            string? error = null;
            try
            {
                using var cmd = conn.CreateCommand();
                cmd.CommandText = s.Sql;
                cmd.Prepare();
            }
            catch (SqliteException e)
            {
                error = e.Message;
                failed++;
            }
            var flagged = s.Findings.Any(f => PlanTimeCodes.Contains(f.Code));
            if (flagged != (error != null)) report.Append($"audit {string.Join(",", s.Findings.Select(f => f.Code))}, SQLite {error ?? "accepted it"}: {s.Sql}\n");
        }
        Assert.True(report.Length == 0, report.ToString());
        Assert.Equal(6, failed);
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sf-audit-" + Guid.NewGuid().ToString("N"));

        public TempDirectory() => Directory.CreateDirectory(Path);

        public void Dispose() => Directory.Delete(Path, true);
    }
}
