using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Oracle;
using SchemaFirst.Dialects.SqlServer;
using SchemaFirst.Loading;
using SchemaFirst.Planning;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Planning;

/// <summary>
/// The plan cases of the diff issue (testdata/plan/&lt;case&gt;/, PostgreSQL files) planned for SQL Server and Oracle,
/// where no server runs here. The proof replays what a server would do: the DDL generate sql writes for the first
/// file, then the migration diff writes, read in order by the engine's reader (Microsoft's ScriptDom for T-SQL), which
/// refuses what the engine refuses (a missing object, a column dropped or altered under a default, an index or a key, a
/// key dropped under a foreign key). The result must be the schema of the second file as that engine holds it: planning
/// again from it finds nothing. Both directions of every case.
/// </summary>
public sealed class OtherEngineMigrationTests
{
    private static string CasesRoot => Path.Combine(TestPaths.GoldenSource, "plan");

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var dir in Directory.GetDirectories(CasesRoot).Order(StringComparer.Ordinal))
        {
            foreach (var engine in new[] { "sqlserver", "oracle" })
            {
                data.Add(engine, Path.GetFileName(dir), false);
                data.Add(engine, Path.GetFileName(dir), true);
            }
        }
        return data;
    }

    /// <summary>Changes the engine cannot make in place, refused with the reason (nothing planned) rather than written wrong.</summary>
    private static readonly Dictionary<(string Engine, string Case, bool Reverse), string> Refused = new()
    {
        [("sqlserver", "column_identity_added_and_changed", false)] = "SQL Server cannot add IDENTITY to column",
        [("sqlserver", "column_identity_added_and_changed", true)] = "SQL Server cannot remove IDENTITY from column",
        [("sqlserver", "identity_dropped", false)] = "SQL Server cannot remove IDENTITY from column",
        [("sqlserver", "identity_dropped", true)] = "SQL Server cannot add IDENTITY to column",
        [("oracle", "column_identity_added_and_changed", false)] = "Oracle cannot make the existing column",
        [("oracle", "identity_dropped", true)] = "Oracle cannot make the existing column",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Replaying_the_plan_on_the_first_schema_gives_the_second(string engine, string name, bool reverse)
    {
        var dir = Path.Combine(CasesRoot, name);
        var (start, goal) = reverse ? (Path.Combine(dir, "b.sql"), Path.Combine(dir, "a.sql")) : (Path.Combine(dir, "a.sql"), Path.Combine(dir, "b.sql"));
        var dialect = (ReaderDialect)SqlDialects.FindSource(engine)!;
        var startDdl = CliRunner.Run("generate", "sql", start, "--dialect", engine);
        var goalDdl = CliRunner.Run("generate", "sql", goal, "--dialect", engine);
        if (startDdl.Code != 0 || goalDdl.Code != 0)
        {
            // A side the engine cannot hold at all (two tables of one name in one Oracle schema) is refused by generate sql
            // itself, and so by diff.
            Assert.Contains("error", startDdl.Err + goalDdl.Err, StringComparison.Ordinal);
            Assert.Equal(1, CliRunner.Run("diff", start, goal, "--dialect", engine).Code);
            return;
        }
        var plan = CliRunner.Run("diff", start, goal, "--dialect", engine);
        if (Refused.TryGetValue((engine, name, reverse), out var why))
        {
            Assert.Equal(1, plan.Code);
            Assert.Contains(why, plan.Err, StringComparison.Ordinal);
            Assert.Contains("nothing was planned", plan.Err, StringComparison.Ordinal);
            return;
        }
        Assert.True(plan.Code is 0 or 2, $"diff --dialect {engine}: exit {plan.Code}\n{plan.Err}");
        var replayed = dialect.ParseTexts([("start.sql", startDdl.Out), ("plan.sql", plan.Out)]);
        var problems = replayed.Diagnostics.Where(d => d.Severity == Severity.Error || (d.Code == DiagnosticCodes.UnsupportedStatement && d.Location?.Path == "plan.sql")).ToList();
        Assert.True(problems.Count == 0, $"the {engine} plan does not replay:\n{string.Join("\n", problems)}\n\n{plan.Out}");
        var expected = dialect.ParseTexts([("goal.sql", goalDdl.Out)]);
        var again = MigrationPlanner.Plan(replayed.Model, expected.Model, null, dialect);
        Assert.True(again.IsEmpty, $"after the {engine} plan, planning again still finds:\n{string.Join("\n", again.Statements.Select(s => s.Sql))}\n\nthe plan was:\n{plan.Out}");
    }

    public static TheoryData<string, string, string, string, string, string> SakilaEdits() => new()
    {
        // Widen a column that an index and a default stand on, add a column, drop a default (T-SQL); widen, add, drop an index (Oracle).
        { "sqlserver", "sql-server-sakila-db/sql-server-sakila-schema.sql",
            "  last_name VARCHAR(45) NOT NULL,\n  last_update DATETIME NOT NULL,", "  last_name VARCHAR(60) NOT NULL,\n  nickname NVARCHAR(30) NULL,\n  last_update DATETIME NOT NULL,",
            " ALTER TABLE actor ADD CONSTRAINT [DF_actor_last_update] DEFAULT (getdate()) FOR last_update\nGO\n", string.Empty },
        { "oracle", "oracle-sakila-db/oracle-sakila-schema.sql",
            "  last_name VARCHAR(45) NOT NULL,", "  last_name VARCHAR(60) NOT NULL,\n  nickname VARCHAR2(30),",
            "CREATE  INDEX idx_actor_last_name ON actor(last_name);", string.Empty },
    };

    /// <summary>
    /// The same proof on a schema written by others in each engine's own dialect (Sakila, as jOOQ ships it): the file and
    /// an edited copy, both read as that engine's DDL, planned, and the plan replayed on the file.
    /// </summary>
    [Theory]
    [MemberData(nameof(SakilaEdits))]
    public void A_plan_between_two_versions_of_Sakila_in_the_engines_own_dialect_replays(string engine, string file, string find1, string replace1, string find2, string replace2)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var original = File.ReadAllText(Path.Combine(TestPaths.Corpus, "sakila_jooq", file)).ReplaceLineEndings("\n");
        Assert.Contains(find1, original, StringComparison.Ordinal);
        Assert.Contains(find2, original, StringComparison.Ordinal);
        var edited = original.Replace(find1, replace1, StringComparison.Ordinal).Replace(find2, replace2, StringComparison.Ordinal);
        var dir = Path.Combine(Path.GetTempPath(), "sf-sakila-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.sql"), original);
            File.WriteAllText(Path.Combine(dir, "b.sql"), edited);
            var plan = CliRunner.Run("diff", Path.Combine(dir, "a.sql"), Path.Combine(dir, "b.sql"), "--source-dialect", engine);
            Assert.True(plan.Code == 2, $"diff: exit {plan.Code}\n{plan.Err}");
            Assert.Contains("add column", plan.Out, StringComparison.Ordinal);
            var dialect = (ReaderDialect)SqlDialects.FindSource(engine)!;
            var replayed = dialect.ParseTexts([("a.sql", original), ("plan.sql", plan.Out)]);
            var errors = replayed.Diagnostics.Where(d => d.Severity == Severity.Error || (d.Code == DiagnosticCodes.UnsupportedStatement && d.Location?.Path == "plan.sql")).ToList();
            Assert.True(errors.Count == 0, $"the plan does not replay on Sakila:\n{string.Join("\n", errors)}\n\n{plan.Out}");
            var again = MigrationPlanner.Plan(replayed.Model, dialect.ParseTexts([("b.sql", edited)]).Model, null, dialect);
            Assert.True(again.IsEmpty, $"planning again still finds:\n{string.Join("\n", again.Statements.Select(s => s.Sql))}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
