using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The plan cases of the diff issue (tests/SchemaFirst.Tests/testdata/plan/&lt;case&gt;/, PostgreSQL files) run on a
/// real MariaDB, as a team that writes PostgreSQL DDL and deploys to MySQL runs them: apply the first file to a new
/// database, apply the second, and the database must then plan nothing against the second. What MySQL cannot hold
/// (a partial index, an exclusion constraint, a PostgreSQL function) is left out of both sides alike, as generate sql
/// names it; the cases where MySQL has no way to hold either side at all are listed with the reason.
/// </summary>
public sealed class MySqlPlanCaseTests
{
    private static string CasesRoot => Path.Combine(TestPaths.GoldenSource, "plan");

    public static TheoryData<string, bool> Cases() => PlanTestSupport.BothWays(CasesRoot);

    /// <summary>The cases MySQL cannot hold, and why.</summary>
    private static readonly Dictionary<string, string> Inexpressible = new()
    {
        // One MySQL database has one namespace: generate sql refuses the clash (SF501) rather than lose a table.
        ["same_table_name_in_two_schemas"] = "billing.accounts and public.accounts would have the same name in one MySQL database",
    };

    [MariaDbTheory]
    [MemberData(nameof(Cases))]
    public async Task Applying_each_side_in_turn_leaves_nothing_to_plan(string name, bool reverse)
    {
        var dir = Path.Combine(CasesRoot, name);
        if (Inexpressible.TryGetValue(name, out var why))
        {
            // Said, with nothing planned, not silently reduced.
            var refused = CliRunner.Run("generate", "sql", Path.Combine(dir, reverse ? "b.sql" : "a.sql"), "--dialect", "mysql");
            Assert.Equal(1, refused.Code);
            Assert.Contains(why, refused.Err, StringComparison.Ordinal);
            return;
        }
        var (start, goal) = reverse ? ("b.sql", "a.sql") : ("a.sql", "b.sql");
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var uri = new Uri(MariaDbServer.Url!);
        var url = $"mysql://{uri.UserInfo}@{uri.Host}:{uri.Port}/{db.Name}";
        var first = CliRunner.Run("apply", Path.Combine(dir, start), "--db", url, "--auto-approve", "--allow-destructive");
        Assert.True(first.Code == 0, $"apply {start}: {first.Err}");
        var second = CliRunner.Run("apply", Path.Combine(dir, goal), "--db", url, "--auto-approve", "--allow-destructive");
        Assert.True(second.Code == 0, $"apply {goal}: {second.Out}\n{second.Err}");
        var again = CliRunner.Run("plan", Path.Combine(dir, goal), "--db", url);
        Assert.True(again.Code == 0, $"plan {goal} after applying it:\n{again.Out}\n{again.Err}");
    }
}
