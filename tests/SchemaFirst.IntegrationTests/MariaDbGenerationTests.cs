using SchemaFirst.Dialects;
using SchemaFirst.Dialects.MySql;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// generate sql --dialect mariadb on a real MariaDB: the examples and every PostgreSQL and SQLite corpus file become DDL
/// that MariaDB accepts whole, with every table and every foreign key the notes do not name as left out.
/// </summary>
public sealed class MariaDbGenerationTests
{
    public static IEnumerable<(string Name, Database Model)> Sources()
    {
        yield return ("examples", SqlSource.LoadPostgres([TestPaths.Examples]).Model);
        if (!TestPaths.CorpusAvailable()) yield break;
        foreach (var f in CorpusFiles.Postgres) yield return (f.Path, SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, f.Path)), f.Path).Model);
        foreach (var f in CorpusFiles.Sqlite) yield return (f.Path, SqlSource.ParseSqlite(File.ReadAllText(Path.Combine(TestPaths.Corpus, f.Path)), f.Path).Model);
    }

    [MariaDbFact]
    public async Task Every_schema_generated_for_mariadb_applies_with_its_tables_and_foreign_keys()
    {
        var failures = new List<string>();
        foreach (var (name, model) in Sources())
        {
            var generated = MySqlTarget.MariaDb.Generate(model, new SqlGenerationOptions());
            Assert.False(generated.HasErrors, name + ": " + string.Join("\n", generated.Notes.Where(n => n.Severity == Diagnostics.Severity.Error).Select(n => n.Message)));
            await using var db = await MariaDbServer.CreateDatabaseAsync();
            try
            {
                await db.ExecuteAsync(generated.Text);
            }
            catch (MySqlConnector.MySqlException e)
            {
                failures.Add($"{name}: {e.Message}");
                continue;
            }
            var tables = await db.ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{db.Name}' AND table_type = 'BASE TABLE'");
            var foreignKeys = await db.ScalarAsync($"SELECT count(*) FROM information_schema.referential_constraints WHERE constraint_schema = '{db.Name}'");
            var leftOut = generated.Notes.Count(n => n.Message.Contains("foreign key", StringComparison.Ordinal) && n.Message.Contains("not created", StringComparison.Ordinal));
            if (tables != model.Tables.Count) failures.Add($"{name}: {tables} tables, the model has {model.Tables.Count}");
            if (foreignKeys != model.Tables.Sum(t => t.ForeignKeys.Count) - leftOut) failures.Add($"{name}: {foreignKeys} foreign keys, the model has {model.Tables.Sum(t => t.ForeignKeys.Count)} ({leftOut} noted as left out)");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void What_mariadb_cannot_hold_is_named_and_strings_keep_their_backslashes()
    {
        var model = SqlSource.ParsePostgres("""
            CREATE TYPE mood AS ENUM ('happy', 'it''s fine');
            CREATE TABLE people (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                handle text NOT NULL UNIQUE,
                email text CHECK (email ~ '^[^@]+@[^@]+\.[a-z]+$'),
                mood mood NOT NULL DEFAULT 'happy',
                tags text[] NOT NULL DEFAULT '{}',
                seen timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX people_recent ON people (seen) WHERE seen > '2020-01-01';
            """).Model;
        var generated = MySqlTarget.MariaDb.Generate(model, new SqlGenerationOptions());
        Assert.Contains("`id` BIGINT NOT NULL AUTO_INCREMENT", generated.Text, StringComparison.Ordinal);
        Assert.Contains("`handle` VARCHAR(255) NOT NULL", generated.Text, StringComparison.Ordinal); // text in a key
        Assert.Contains("REGEXP '^[^@]+@[^@]+\\\\.[a-z]+$'", generated.Text, StringComparison.Ordinal); // the backslash doubled
        Assert.Contains("`mood` ENUM('happy', 'it''s fine') NOT NULL DEFAULT 'happy'", generated.Text, StringComparison.Ordinal);
        Assert.Contains("`seen` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)", generated.Text, StringComparison.Ordinal);
        Assert.Contains(generated.Notes, n => n.Message.Contains("index public.people_recent: MariaDB has no partial indexes", StringComparison.Ordinal));
        Assert.Contains(generated.Notes, n => n.Message.Contains("text[] is JSON", StringComparison.Ordinal));
    }
}
