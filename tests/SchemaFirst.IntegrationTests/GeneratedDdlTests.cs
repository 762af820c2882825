using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Tests;
using SchemaFirst.Validation;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Applies generated DDL to a real PostgreSQL 15 and reads the catalog back.
/// </summary>
public class GeneratedDdlTests
{
    private static readonly string[] ComparedCounts =
    [
        "tables", "views", "materialized views", "sequences", "indexes", "foreign keys", "primary keys", "check constraints",
        "enum types", "domains", "triggers", "functions", "aggregates", "policies",
    ];

    public static TheoryData<string> ApplicableCorpus()
    {
        var data = new TheoryData<string>();
        foreach (var f in CorpusFiles.Postgres.Where(f => f.AppliesToPostgres15)) data.Add(f.Path);
        return data;
    }

    private static async Task<string> WriteTempAsync(string sql)
    {
        var path = Path.Combine(Path.GetTempPath(), "sf-" + Guid.NewGuid().ToString("N") + ".sql");
        await File.WriteAllTextAsync(path, sql);
        return path;
    }

    /// <summary>
    /// Applies the re-runnable rendering twice to one fresh database with psql (as a user would), checks the second run
    /// changed nothing, and returns the schema dump.
    /// </summary>
    private static async Task<string> ApplyTwiceAsync(Database model)
    {
        var path = await WriteTempAsync(PostgresSqlGenerator.Generate(model, new SqlGenerationOptions(IfNotExists: true)));
        try
        {
            await using var db = await PostgresServer.CreateDatabaseAsync();
            db.ApplyFile(path);
            var first = db.DumpSchema();
            db.ApplyFile(path);
            Assert.Equal(first, db.DumpSchema());
            return first;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task ApplyAndCompareCountsAsync(Database model, string what)
    {
        var sql = PostgresSqlGenerator.Generate(model);
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(sql);
        var catalog = await db.CatalogCountsAsync();
        var summary = SchemaSummary.Of(model);
        foreach (var key in ComparedCounts)
        {
            Assert.True(summary[key] == catalog[key], $"{what}: {key}: the model has {summary[key]}, the catalog {catalog[key]}");
        }
    }

    [PostgresFact]
    public async Task The_example_project_applies_and_the_catalog_holds_what_the_model_holds()
    {
        var model = SqlSource.LoadPostgres([TestPaths.Examples]).Model;
        await ApplyAndCompareCountsAsync(model, "examples");
    }

    [PostgresFact]
    public async Task Generated_ddl_builds_the_same_database_as_the_example_files_themselves()
    {
        await using var fromSource = await PostgresServer.CreateDatabaseAsync();
        foreach (var file in Directory.GetFiles(TestPaths.Examples, "*.sql").Order(StringComparer.Ordinal)) fromSource.ApplyFile(file);
        var model = SqlSource.LoadPostgres([TestPaths.Examples]).Model;
        await using var generated = await PostgresServer.CreateDatabaseAsync();
        await generated.ExecuteAsync(PostgresSqlGenerator.Generate(model));
        Assert.Equal(fromSource.DumpSchema(), generated.DumpSchema());
    }

    [PostgresFact]
    public async Task Collations_and_text_search_configurations_kept_verbatim_go_before_what_uses_them()
    {
        // Neither is modelled: they are kept verbatim, and were written after the tables, so the DDL failed
        // ("collation ... does not exist").
        const string source = """
            CREATE COLLATION posix_c (locale = 'C');
            CREATE TEXT SEARCH CONFIGURATION simple_copy (COPY = pg_catalog.simple);
            CREATE TABLE docs (id integer PRIMARY KEY, title text COLLATE posix_c, body text);
            CREATE INDEX docs_body ON docs USING gin (to_tsvector('public.simple_copy'::regconfig, body));
            CREATE VIEW titles AS SELECT title FROM docs ORDER BY title;
            """;
        var model = PostgresParser.LoadText(source, "docs.sql").Model;
        var ddl = PostgresSqlGenerator.Generate(model);
        Assert.True(ddl.IndexOf("CREATE COLLATION", StringComparison.Ordinal) < ddl.IndexOf("CREATE TABLE", StringComparison.Ordinal), ddl);
        await using var fromSource = await PostgresServer.CreateDatabaseAsync();
        await fromSource.ExecuteAsync(source);
        await using var generated = await PostgresServer.CreateDatabaseAsync();
        await generated.ExecuteAsync(ddl);
        Assert.Equal(fromSource.DumpSchema(), generated.DumpSchema());
        // The re-runnable rendering runs twice to the same database, and the generated DDL reads back to itself.
        Assert.Equal(generated.DumpSchema(), await ApplyTwiceAsync(model));
        Assert.Equal(ddl, PostgresSqlGenerator.Generate(PostgresParser.LoadText(ddl, "generated.sql").Model));
    }

    [PostgresFact]
    public async Task The_if_not_exists_rendering_of_the_examples_runs_twice_and_builds_the_same_database()
    {
        var model = SqlSource.LoadPostgres([TestPaths.Examples]).Model;
        var first = await ApplyTwiceAsync(model);
        await using var plain = await PostgresServer.CreateDatabaseAsync();
        await plain.ExecuteAsync(PostgresSqlGenerator.Generate(model));
        Assert.Equal(plain.DumpSchema(), first);
    }

    [PostgresTheory]
    [MemberData(nameof(ApplicableCorpus))]
    public async Task Corpus_files_render_to_ddl_that_applies_with_the_same_counts(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var result = SqlSource.LoadPostgres([Path.Combine(TestPaths.Corpus, file)]);
        await ApplyAndCompareCountsAsync(result.Model, file);
        var expected = CorpusFiles.Postgres.Single(f => f.Path == file).Counts;
        var summary = SchemaSummary.Of(result.Model);
        foreach (var (key, value) in expected)
        {
            var actual = key == "functions+aggregates" ? summary["functions"] + summary["aggregates"] : summary[key];
            Assert.Equal(value, actual);
        }
    }

    [PostgresTheory]
    [MemberData(nameof(ApplicableCorpus))]
    public async Task Corpus_files_in_the_if_not_exists_style_apply_twice(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        await ApplyTwiceAsync(SqlSource.LoadPostgres([Path.Combine(TestPaths.Corpus, file)]).Model);
    }

    [PostgresTheory]
    [MemberData(nameof(ApplicableCorpus))]
    public async Task Corpus_files_and_their_generated_ddl_build_identical_databases(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        // The file itself, less the lines that switch to another database (Chinook creates and connects to its own).
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Corpus, file)).Where(l =>
            !l.StartsWith("\\c", StringComparison.Ordinal) && !l.StartsWith("CREATE DATABASE", StringComparison.OrdinalIgnoreCase)
            && !l.StartsWith("DROP DATABASE", StringComparison.OrdinalIgnoreCase));
        var original = await WriteTempAsync(string.Join('\n', lines) + "\n");
        try
        {
            await using var fromFile = await PostgresServer.CreateDatabaseAsync();
            fromFile.ApplyFile(original);
            var model = SqlSource.LoadPostgres([Path.Combine(TestPaths.Corpus, file)]).Model;
            await using var generated = await PostgresServer.CreateDatabaseAsync();
            await generated.ExecuteAsync(PostgresSqlGenerator.Generate(model));
            Assert.Equal(fromFile.DumpSchema(), generated.DumpSchema());
        }
        finally
        {
            File.Delete(original);
        }
    }
}
