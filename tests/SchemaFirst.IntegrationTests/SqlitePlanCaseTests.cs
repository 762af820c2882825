using Microsoft.Data.Sqlite;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Rendering;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The SQLite plan cases of tests/SchemaFirst.Tests/testdata/plan-sqlite/&lt;case&gt;/ (SQLite source files), each run in
/// both directions on real SQLite files: apply the first, plan to the second, run the plan as apply will (PRAGMAs
/// outside the transaction, the rest inside it), and the database must read back as the second with a second plan
/// empty; check.sql, when present, must be true after a to b.
/// </summary>
public sealed class SqlitePlanCaseTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sf-sqlite-plan-" + Guid.NewGuid().ToString("N"));

    public SqlitePlanCaseTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string CasesRoot => Path.Combine(TestPaths.GoldenSource, "plan-sqlite");

    public static TheoryData<string, bool> Cases() => PlanTestSupport.BothWays(CasesRoot);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Applying_the_plan_gives_the_desired_schema_and_planning_again_gives_nothing(string name, bool reverse)
    {
        var dir = Path.Combine(CasesRoot, name);
        var (start, goal) = reverse ? ("b.sql", "a.sql") : ("a.sql", "b.sql");
        var dialect = SqliteDialect.Instance;
        await using var conn = new SqliteConnection($"Data Source={Path.Combine(_dir, name + (reverse ? "-r" : string.Empty) + ".db")};Pooling=False");
        await conn.OpenAsync();
        await using (var create = conn.CreateCommand())
        {
            create.CommandText = await File.ReadAllTextAsync(Path.Combine(dir, start));
            await create.ExecuteNonQueryAsync();
        }
        var desired = dialect.Parse([Path.Combine(dir, goal)], new List<Diagnostic>());
        Assert.DoesNotContain(desired.Diagnostics, d => d.Severity != Severity.Info);
        var before = (await dialect.InspectAsync(conn, new InspectOptions())).Load.Model;
        var plan = MigrationPlanner.Plan(before, desired.Model, desired.SourceMap, dialect);
        Assert.Empty(plan.Diagnostics);
        Assert.False(plan.IsEmpty);
        if (!reverse) Golden.Check($"plan-sqlite/{name}/plan.sql", PlanSqlWriter.Write(plan));
        await PlanTestSupport.ApplyAsync(conn, plan);
        var inspected = await dialect.InspectAsync(conn, new InspectOptions());
        Assert.DoesNotContain(inspected.Load.Diagnostics, d => d.Severity != Severity.Info);
        ModelAssert.Equal(PlanTestSupport.WithColumnsByName(desired.Model), PlanTestSupport.WithColumnsByName(inspected.Load.Model));
        var again = MigrationPlanner.Plan(inspected.Load.Model, desired.Model, desired.SourceMap, dialect);
        Assert.True(again.IsEmpty, "a second plan must be empty, but it is:\n" + PlanSqlWriter.Write(again));
        await using var fk = conn.CreateCommand();
        fk.CommandText = "SELECT count(*) FROM pragma_foreign_key_check";
        Assert.Equal(0L, (long)(await fk.ExecuteScalarAsync())!);
        var check = Path.Combine(dir, "check.sql");
        if (!reverse && File.Exists(check))
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = await File.ReadAllTextAsync(check);
            Assert.True(Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1, "check.sql is false after the plan: data was lost");
        }
    }
}
