using System.Text.Json;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Lint against real PostgreSQL 15: the same rules give the same findings on a schema's files and on the database they
/// were applied to; a plan's statements are linted as they will run; SARIF passes Microsoft's validator.
/// </summary>
public sealed class LintTests
{
    /// <summary>Rules about the text of files (statements, directives) have nothing to read in a database.</summary>
    private static bool AboutFiles(string code) => code.StartsWith("DF", StringComparison.Ordinal) || code.StartsWith("LN", StringComparison.Ordinal);

    private static List<string> Findings(string json) => JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
        .Select(f => f.GetProperty("rule").GetString() + " " + f.GetProperty("object").GetString() + ": " + f.GetProperty("message").GetString())
        .Where(f => !AboutFiles(f[..5]))
        .Order(StringComparer.Ordinal).ToList();

    private static void SameFindings(string file, string url)
    {
        var (fileCode, fromFiles, fileErr) = CliRunner.Run("lint", file, "--format", "json");
        var (dbCode, fromDb, dbErr) = CliRunner.Run("lint", "--db", url, "--format", "json");
        Assert.True(fileCode is 0 or 1, fileErr);
        Assert.True(dbCode is 0 or 1, dbErr);
        var a = Findings(fromFiles);
        var b = Findings(fromDb);
        Assert.NotEmpty(a);
        var onlyFiles = a.Except(b).ToList();
        var onlyDb = b.Except(a).ToList();
        Assert.True(onlyFiles.Count == 0 && onlyDb.Count == 0, $"only from the files:\n{string.Join("\n", onlyFiles)}\nonly from the database:\n{string.Join("\n", onlyDb)}");
    }

    public static TheoryData<string> ApplicableCorpus() => InspectorTests.ApplicableCorpus();

    [PostgresTheory]
    [MemberData(nameof(ApplicableCorpus))]
    public async Task A_corpus_file_and_the_database_it_was_applied_to_give_the_same_findings(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        await using var db = await InspectorTests.ApplyCorpusFileAsync(file);
        SameFindings(Path.Combine(TestPaths.Corpus, file), db.Url);
    }

    [PostgresFact]
    public async Task The_examples_and_the_database_made_from_them_give_the_same_findings()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(PostgresSqlGenerator.Generate(SqlSource.LoadPostgres([TestPaths.Examples]).Model));
        SameFindings(TestPaths.Examples, db.Url);
    }

    [PostgresFact]
    public async Task Plan_lint_flags_what_the_plan_does_to_existing_tables_and_online_options_clear_it()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric); CREATE TABLE customers (id bigint PRIMARY KEY);");
        var dir = Path.Combine(Path.GetTempPath(), "sf-lint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var desired = Path.Combine(dir, "schema.sql");
            File.WriteAllText(desired, "CREATE TABLE customers (id bigint PRIMARY KEY);\n"
                + "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric CHECK (total >= 0));\n"
                + "CREATE INDEX orders_customer_id_idx ON orders (customer_id);\n");
            var (code, stdout, stderr) = CliRunner.Run("plan", desired, "--db", db.Url, "--lint");
            Assert.Equal(1, code);
            Assert.Contains("CREATE INDEX orders_customer_id_idx", stdout, StringComparison.Ordinal);
            Assert.Contains("error MG105: CREATE INDEX orders_customer_id_idx on public.orders without CONCURRENTLY", stderr, StringComparison.Ordinal);
            Assert.Contains("error MG107: foreign key orders_customer_id_fkey is added to public.orders without NOT VALID", stderr, StringComparison.Ordinal);
            Assert.Contains("error MG108: check orders_total_check is added to public.orders without NOT VALID", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("MG117", stderr, StringComparison.Ordinal);

            var (online, _, onlineErr) = CliRunner.Run("plan", desired, "--db", db.Url, "--lint", "--online", "--concurrent-indexes", "--format", "json");
            Assert.True(online == 2, onlineErr);
            Assert.Contains("No findings in the plan.", onlineErr, StringComparison.Ordinal);

            var (_, json, _) = CliRunner.Run("plan", desired, "--db", db.Url, "--lint", "--format", "json");
            var lint = JsonDocument.Parse(json).RootElement.GetProperty("lint").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
            Assert.Equal(["MG105", "MG107", "MG108"], lint.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Lint_sarif_is_valid_sarif()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var file = Path.Combine(TestPaths.Corpus, "danbooru/db/structure.sql");
        var (code, sarif, stderr) = CliRunner.Run("lint", file, "--format", "sarif");
        Assert.True(code is 0 or 1, stderr);
        using var doc = JsonDocument.Parse(sarif);
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("KY104", rules);
        Assert.True(run.GetProperty("results").GetArrayLength() > 100);
        SarifValidator.Validate(sarif);
    }
}
