using System.Diagnostics;
using System.Text.Json;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// <c>schemafirst drift</c> on a real PostgreSQL 15 whose database was changed outside the source in every way a
/// database drifts (a column's type, nullability and default; an extra column and table; an index, view, check, policy
/// and comment changed; a trigger, foreign key and grant gone; a sequence, identity, collation and function body changed; an extra grant): the exact report in each format, pinned as golden
/// files, and SARIF checked by Microsoft's SARIF validator.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class DriftTests
{
    private static string Data(string name) => Path.Combine(TestPaths.GoldenSource, "drift", name);

    private static async Task<TestDatabase> DriftedAsync()
    {
        var db = await PostgresServer.CreateDatabaseAsync();
        db.ApplyFile(Data("schema.sql"));
        db.ApplyFile(Data("live.sql"));
        return db;
    }

    /// <summary>The report without what differs between runs and builds: the database's URL, the folder, the tool's git-derived version.</summary>
    private static string Stable(string text, TestDatabase db) =>
        System.Text.RegularExpressions.Regex.Replace(
            text.Replace(db.Url, "postgres://DATABASE", StringComparison.Ordinal).Replace(Data(string.Empty).TrimEnd('/'), "drift", StringComparison.Ordinal),
            "\"semanticVersion\": \"[^\"]*\"", "\"semanticVersion\": \"VERSION\"");

    [PostgresFact]
    public async Task Every_kind_of_drift_is_reported_at_its_source_line_in_every_format()
    {
        await using var db = await DriftedAsync();
        foreach (var format in new[] { "text", "json", "md", "github" })
        {
            var (code, stdout, stderr) = CliRunner.Run("drift", Data("schema.sql"), "--db", db.Url, "--format", format);
            Assert.True(code == 2, stderr);
            Golden.Check($"drift/report.{(format == "text" ? "txt" : format)}", Stable(stdout, db));
        }
        var (sarifCode, sarif, _) = CliRunner.Run("drift", Data("schema.sql"), "--db", db.Url, "--format", "sarif");
        Assert.Equal(2, sarifCode);
        Golden.Check("drift/report.sarif", Stable(sarif, db));
        using var doc = JsonDocument.Parse(sarif);
        Assert.Equal(18, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        SarifValidator.Validate(sarif);
    }

    [PostgresFact]
    public async Task A_database_made_from_its_source_has_no_drift_and_ignored_objects_are_left_alone()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        db.ApplyFile(Data("schema.sql"));
        var (code, stdout, stderr) = CliRunner.Run("drift", Data("schema.sql"), "--db", db.Url);
        Assert.True(code == 0, stderr);
        Assert.Equal($"No drift: {db.Url} matches {Data("schema.sql")}.\n", stdout);
        await db.ExecuteAsync("CREATE TABLE flyway_schema_history (id integer);");
        Assert.Equal(2, CliRunner.Run("drift", Data("schema.sql"), "--db", db.Url).Code);
        // A table the source marks schemafirst:skip is someone else's: no drift, and no plan drops it.
        var skipping = Path.Combine(Path.GetTempPath(), "sf-skip-" + Guid.NewGuid().ToString("N") + ".sql");
        File.WriteAllText(skipping, File.ReadAllText(Data("schema.sql")) + "\nCREATE TABLE IF NOT EXISTS flyway_schema_history (id integer); -- schemafirst:skip\n");
        try
        {
            var (skipCode, _, skipErr) = CliRunner.Run("drift", skipping, "--db", db.Url);
            Assert.True(skipCode == 0, skipErr);
            Assert.Equal((0, "-- No changes.\n"), CliRunner.Run("plan", skipping, "--db", db.Url) is var (c, o, _) ? (c, o) : default);
        }
        finally
        {
            File.Delete(skipping);
        }
        var dir = Path.Combine(Path.GetTempPath(), "sf-drift-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "schemafirst.yaml"), "drift:\n  ignore: [public.flyway_schema_history]\n");
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = dir;
            try
            {
                var (ignored, _, ignoredErr) = CliRunner.Run("drift", Data("schema.sql"), "--db", db.Url);
                Assert.True(ignored == 0, ignoredErr);
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
