using Npgsql;
using SchemaFirst.Cli;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Project;
using SchemaFirst.Rendering;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The plan cases of tests/SchemaFirst.Tests/testdata/plan/&lt;case&gt;/ (a.sql, b.sql; plan.sql pinned for a to b), each run in
/// both directions on a real PostgreSQL 15: apply the first schema to a new database, plan to the second (normalized
/// through a dev database, as plan --db does), apply the plan, and the database must read back as the second schema,
/// with a second plan empty. A case with a file named forward-only runs a to b only; check.sql, when present, is a
/// query that must return true after a to b (data kept through renames and type changes).
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class PlanCaseTests
{
    private static string CasesRoot => Path.Combine(TestPaths.GoldenSource, "plan");

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var dir in Directory.GetDirectories(CasesRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            data.Add(name, false);
            if (!File.Exists(Path.Combine(dir, "forward-only"))) data.Add(name, true);
        }
        return data;
    }

    [PostgresTheory]
    [MemberData(nameof(Cases))]
    public async Task Applying_the_plan_gives_the_desired_schema_and_planning_again_gives_nothing(string name, bool reverse)
    {
        var dir = Path.Combine(CasesRoot, name);
        var (start, goal) = reverse ? ("b.sql", "a.sql") : ("a.sql", "b.sql");
        await using var db = await PostgresServer.CreateDatabaseAsync();
        db.ApplyFile(Path.Combine(dir, start));
        Assert.True(DatabaseUrl.TryParse(db.Url, out var url, out var error), error);
        var (desired, reprinted) = await DesiredAsync(Path.Combine(dir, goal), url!);
        var before = await PlanTestSupport.InspectAsync(url!);
        var plan = MigrationPlanner.Plan(before, desired.Model, desired.SourceMap, PostgresDialect.Instance, Options(dir), reprinted);
        Assert.Empty(plan.Diagnostics);
        Assert.False(plan.IsEmpty, "the two schemas of a case must differ");
        var text = PlanSqlWriter.Write(plan);
        if (!reverse) Golden.Check($"plan/{name}/plan.sql", text);
        Assert.Equal(text, PlanSqlWriter.Write(MigrationPlanner.Plan(before, desired.Model, desired.SourceMap, PostgresDialect.Instance, Options(dir), reprinted)));
        await AssertTheSubsetPlansTheSameAsync(url!, Path.Combine(dir, goal), before, plan, Options(dir));
        await PlanTestSupport.ApplyAsync(url!, plan);
        var after = await PlanTestSupport.InspectAsync(url!);
        ModelAssert.Equal(PlanTestSupport.WithColumnsByName(desired.Model), PlanTestSupport.WithColumnsByName(reprinted != null ? SchemaFirst.Diff.SchemaDiffer.Aligned(after, desired.Model, reprinted) : after));
        var again = MigrationPlanner.Plan(after, desired.Model, desired.SourceMap, PostgresDialect.Instance, Options(dir), reprinted);
        Assert.True(again.IsEmpty, "a second plan must be empty, but it is:\n" + PlanSqlWriter.Write(again));
        var check = Path.Combine(dir, "check.sql");
        if (!reverse && File.Exists(check))
        {
            await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(db.Name));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(await File.ReadAllTextAsync(check), conn);
            Assert.True((bool)(await cmd.ExecuteScalarAsync())!, "check.sql is false after the plan: data was lost");
        }
    }

    // Not here, with the reason: the GitLab-derived files attach partition indexes to their parents' (not planned yet, SF601).
    private static readonly string[] NotYet = ["gisia_gitlab_derived/db/structure.sql", "gisia_gitlab_derived/db/ci_structure.sql"];

    /// <summary>The examples (whose IN lists on varchar columns PostgreSQL prints differently once it reads its own
    /// output again) and every applicable corpus file.</summary>
    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string> { TestPaths.Examples };
        if (!TestPaths.CorpusAvailable()) return data;
        foreach (var f in CorpusFiles.Postgres.Where(f => f.AppliesToPostgres15 && !NotYet.Contains(f.Path))) data.Add(Path.Combine(TestPaths.Corpus, f.Path));
        return data;
    }

    /// <summary>
    /// Every corpus schema that applies to PostgreSQL 15, and the examples, planned from an empty database and applied,
    /// read back as the schema, then planned back to empty (destroying everything) and applied, read back empty.
    /// </summary>
    [PostgresTheory]
    [MemberData(nameof(Schemas))]
    public async Task A_whole_schema_is_planned_from_an_empty_database_and_back(string path)
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        Assert.True(DatabaseUrl.TryParse(db.Url, out var url, out var error), error);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.sql").Order(StringComparer.Ordinal).ToList() : [path];
        var parsed = PostgresDialect.Instance.Parse(files, new List<Diagnostic>());
        var outcome = await PostgresDialect.Instance.NormalizeAsync(url!, u => Drivers.Connect(u, writable: true), files.Select(f => (f, (string?)null)).ToList(), parsed.Model);
        Assert.Null(outcome.Refused);
        var reprinted = await PostgresDialect.Instance.ReprintAsync(url!, u => Drivers.Connect(u, writable: true), outcome.Model!) is { } r ? r with { IndexAttachments = default, Opaque = default } : null;
        // Partition indexes attached to a parent's are not planned yet (SF601): left out of both sides.
        var desired = outcome.Model! with { IndexAttachments = default, Opaque = default };
        var empty = await PlanTestSupport.InspectAsync(url!);
        var create = MigrationPlanner.Plan(empty, desired, parsed.SourceMap, PostgresDialect.Instance, null, reprinted);
        Assert.Empty(create.Diagnostics);
        Assert.DoesNotContain(create.Statements, s => s.Hazards.Any(h => h.Destructive));
        await PlanTestSupport.ApplyAsync(url!, create);
        var built = await PlanTestSupport.InspectAsync(url!);
        var readBack = built with { IndexAttachments = default };
        ModelAssert.Equal(desired, reprinted != null ? SchemaFirst.Diff.SchemaDiffer.Aligned(readBack, desired, reprinted) : readBack);
        Assert.True(MigrationPlanner.Plan(readBack, desired, null, PostgresDialect.Instance, null, reprinted).IsEmpty);
        // Drift of a database made from its own source: none.
        var drift = Drift.DriftAnalyzer.Analyze(path, db.Url, readBack, desired, parsed.SourceMap, PostgresDialect.Instance, reprinted);
        Assert.True(!drift.HasDrift, Rendering.DriftWriter.Text(drift));
        var drop = MigrationPlanner.Plan(built with { IndexAttachments = default }, empty, null, PostgresDialect.Instance);
        Assert.Equal(desired.Tables.Count, drop.Statements.Count(s => s.Change is Diff.DropTable));
        await PlanTestSupport.ApplyAsync(url!, drop);
        ModelAssert.Equal(empty, await PlanTestSupport.InspectAsync(url!));
    }

    private static PlanOptions Options(string dir) => new(File.Exists(Path.Combine(dir, "concurrent-indexes")), File.Exists(Path.Combine(dir, "online")));


    /// <summary>
    /// What plan does against a live database: only the part of the desired files that reads differently from it
    /// offline goes to the dev database. It must give the same statements as sending every file.
    /// </summary>
    private static async Task AssertTheSubsetPlansTheSameAsync(DatabaseUrl server, string goal, Database live, MigrationPlan full, PlanOptions options)
    {
        var offline = PostgresDialect.Instance.Parse([goal], new List<Diagnostic>());
        var subset = DevSubset.Select(live, offline.Model, offline.SourceMap);
        Assert.NotNull(subset);
        var desired = offline.Model;
        Database? again = null;
        if (subset!.SeedCount > 0)
        {
            // (None: only drops and grants differ, and those need no server's form.)
            var normalized = await PostgresDialect.Instance.NormalizeModelAsync(server, u => Drivers.Connect(u, writable: true), subset.Model);
            Assert.True(normalized != null, "the dev database refused the subset:\n" + PostgresSqlGenerator.Generate(subset.Model));
            desired = subset.Splice(offline.Model, normalized!);
            again = await PostgresDialect.Instance.ReprintAsync(server, u => Drivers.Connect(u, writable: true), normalized!) is { } r ? subset.Splice(desired, r) : null;
        }
        var plan = MigrationPlanner.Plan(live, desired, offline.SourceMap, PostgresDialect.Instance, options, again);
        Assert.Equal(full.Statements.Select(s => s.Sql), plan.Statements.Select(s => s.Sql));
    }

    private static async Task<(LoadResult Load, Database? Reprinted)> DesiredAsync(string path, DatabaseUrl server)
    {
        var parsed = PostgresDialect.Instance.Parse([path], new List<Diagnostic>());
        Assert.DoesNotContain(parsed.Diagnostics, d => d.Severity == Severity.Error);
        var outcome = await PostgresDialect.Instance.NormalizeAsync(server, u => Drivers.Connect(u, writable: true), [(path, null)], parsed.Model);
        Assert.Null(outcome.Failure);
        Assert.Null(outcome.Refused);
        var reprinted = await PostgresDialect.Instance.ReprintAsync(server, u => Drivers.Connect(u, writable: true), outcome.Model!);
        return (parsed with { Model = outcome.Model! }, reprinted);
    }
}
