using SchemaFirst.Dialects;
using SchemaFirst.Dialects.MySql;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Seeding;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;
using SchemaFirst.Tests.Seeding;

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

    private static async Task<string> CountsAsync(MariaDbDatabase db, Database model)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var t in model.Tables.OrderBy(t => t.Name.Name, StringComparer.Ordinal))
        {
            sb.Append(t.Name.Name).Append(' ').Append(await db.ScalarAsync($"SELECT count(*) FROM `{t.Name.Name}`")).Append('\n');
        }
        return sb.ToString();
    }

    [MariaDbFact]
    public async Task Seeds_written_for_mariadb_applied_twice_leave_the_same_rows()
    {
        var cases = new List<(string Name, Database Model, IReadOnlyList<(string, string)> Seeds, long Rows)>
        {
            ("examples", SqlSource.LoadPostgres([TestPaths.Examples]).Model,
                Directory.GetFiles(Path.Combine(TestPaths.Root, "examples", "seed"), "*.sql").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p))).ToList(), 15),
        };
        if (TestPaths.CorpusAvailable())
        {
            const string chinook = "chinook/ChinookDatabase/DataSources/Chinook_PostgreSql.sql";
            var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, chinook));
            cases.Add((chinook, SqlSource.ParsePostgres(text, chinook).Model, [(chinook, CorpusInserts.Of(text, chinook))], 15607));
        }
        foreach (var (name, model, seeds, rows) in cases)
        {
            var set = SeedReader.Read(seeds, model, "public");
            Assert.False(set.HasErrors, name);
            var (seed, notes) = SeedWriter.Write(set, model, "mariadb");
            Assert.DoesNotContain(notes, n => n.Severity == Diagnostics.Severity.Error);
            await using var db = await MariaDbServer.CreateDatabaseAsync();
            await db.ExecuteAsync(MySqlTarget.MariaDb.Generate(model, new SqlGenerationOptions()).Text);
            await db.ExecuteAsync(seed);
            var first = await CountsAsync(db, model);
            Assert.Equal(rows, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(l => long.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)));
            await db.ExecuteAsync(seed);
            Assert.Equal(first, await CountsAsync(db, model));
        }
    }

    [MariaDbFact]
    public async Task A_mariadb_compose_environment_runs_its_init_scripts_on_a_real_mariadb()
    {
        var dir = Directory.CreateTempSubdirectory("sf-compose-mariadb-").FullName;
        try
        {
            foreach (var folder in new[] { "schema", "seed" })
            {
                Directory.CreateDirectory(Path.Combine(dir, folder));
                foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Root, "examples", folder))) File.Copy(f, Path.Combine(dir, folder, Path.GetFileName(f)));
            }
            File.WriteAllText(Path.Combine(dir, "schemafirst.yaml"), "schema: [schema]\ncompose: { engine: mariadb, out: docker-compose.yml }\n");
            var (code, _, err) = CliRunner.RunIn(dir, "generate", "compose");
            Assert.True(code == 0, err);
            var yaml = File.ReadAllText(Path.Combine(dir, "docker-compose.yml"));
            Assert.Contains("image: \"mariadb:11.4\"", yaml, StringComparison.Ordinal);
            Assert.Contains("MARIADB_ROOT_PASSWORD: \"${MARIADB_ROOT_PASSWORD:?", yaml, StringComparison.Ordinal);
            Assert.Contains("healthcheck.sh", yaml, StringComparison.Ordinal);
            Assert.Null(ComposeTests.SpecificationProblems(yaml));
            await using var db = await MariaDbServer.CreateDatabaseAsync();
            var scripts = Directory.GetFiles(Path.Combine(dir, "schemafirst-init"), "*.sql").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["10-schema.sql", "20-seed.sql"], scripts.Select(s => Path.GetFileName(s)!).ToList());
            foreach (var script in scripts) await db.ExecuteAsync(File.ReadAllText(script));
            await db.ExecuteAsync(File.ReadAllText(scripts[1])); // the seed is re-runnable
            Assert.Equal(2, await db.ScalarAsync("SELECT count(*) FROM customers"));
            Assert.Equal(20, await db.ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{db.Name}' AND table_type = 'BASE TABLE'"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
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

/// <summary>MySQL source files on a real MariaDB: what the reader counts is what MariaDB's catalog holds after applying the file.</summary>
// The corpus files make and USE databases of fixed names (Chinook, sakila): these classes never run at once.
[Collection("MariaDB corpus databases")]
public sealed class MySqlSourceTests
{
    [MariaDbTheory]
    [InlineData("sakila_jooq/mysql-sakila-db/mysql-sakila-schema.sql")]
    [InlineData("chinook/ChinookDatabase/DataSources/Chinook_MySql.sql")]
    public async Task A_mysql_file_read_counts_what_mariadb_holds_after_applying_it_and_regenerates_whole(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var path = Path.Combine(TestPaths.Corpus, file);
        var load = SchemaFirst.Dialects.MySql.MySqlReader.Read([(path, File.ReadAllText(path))]);
        Assert.DoesNotContain(load.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        // The file applied as users apply it (the mysql client, which knows DELIMITER), as it is: it makes and uses its own
        // database (and names it in its views), which is counted and dropped afterwards.
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var text = File.ReadAllText(path);
        var use = System.Text.RegularExpressions.Regex.Match(text, @"(?im)^\s*USE\s+`?(\w+)`?\s*;");
        var database = use.Success ? use.Groups[1].Value : db.Name;
        try
        {
            await MariaDbServer.ApplyWithClientAsync(db.Name, text);
            Assert.Equal(load.Model.Tables.Count, await db.ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{database}' AND table_type = 'BASE TABLE'"));
            Assert.Equal(load.Model.Views.Count, await db.ScalarAsync($"SELECT count(*) FROM information_schema.views WHERE table_schema = '{database}'"));
            Assert.Equal(load.Model.Triggers.Count, await db.ScalarAsync($"SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = '{database}'"));
            Assert.Equal(load.Model.Routines.Count, await db.ScalarAsync($"SELECT count(*) FROM information_schema.routines WHERE routine_schema = '{database}'"));
            Assert.Equal(load.Model.Tables.Sum(t => t.ForeignKeys.Count), await db.ScalarAsync($"SELECT count(*) FROM information_schema.referential_constraints WHERE constraint_schema = '{database}'"));
        }
        finally
        {
            if (database != db.Name) await db.ExecuteAsync($"DROP DATABASE IF EXISTS `{database}`");
        }
        // And the model written back for MariaDB applies with the mysql client (triggers and routines are DELIMITER
        // blocks), in a database of any name (the USE database is no part of the names), with every table, view,
        // foreign key, trigger and routine.
        var generated = MySqlTarget.MariaDb.Generate(load.Model, new SqlGenerationOptions());
        Assert.DoesNotContain(generated.Notes, n => n.Severity != Diagnostics.Severity.Info);
        database = db.Name;
        {
            await MariaDbServer.ApplyWithClientAsync(database, generated.Text);
            Assert.Equal(load.Model.Tables.Count, await db.ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{database}' AND table_type = 'BASE TABLE'"));
            Assert.Equal(load.Model.Views.Count, await db.ScalarAsync($"SELECT count(*) FROM information_schema.views WHERE table_schema = '{database}'"));
            Assert.Equal(load.Model.Triggers.Count, await db.ScalarAsync($"SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = '{database}'"));
            Assert.Equal(load.Model.Routines.Count, await db.ScalarAsync($"SELECT count(*) FROM information_schema.routines WHERE routine_schema = '{database}'"));
            Assert.Equal(load.Model.Tables.Sum(t => t.ForeignKeys.Count), await db.ScalarAsync($"SELECT count(*) FROM information_schema.referential_constraints WHERE constraint_schema = '{database}'"));
        }
    }
}
