using SchemaFirst.Diagnostics;
using SchemaFirst.Lint;
using SchemaFirst.Loading;

namespace SchemaFirst.Tests.Lint;

/// <summary>
/// Lints SQL the way the command does: a schema (parsed, with its statements) or a migration file, with one rule
/// switched on and configured as its examples say.
/// </summary>
internal static class LintHarness
{
    public static LintProfile ProfileFor(LintRule? rule, IReadOnlyDictionary<string, object?>? options = null)
    {
        var rules = new Dictionary<string, object?>();
        if (rule != null) rules[rule.Code] = new Dictionary<string, object?>(options ?? rule.ExampleOptions ?? new Dictionary<string, object?>());
        return new LintProfile(new LintConfig { Rules = rules }, []);
    }

    public static bool IsMigrationRule(LintRule rule) => rule is MigrationRule;

    public static IReadOnlyList<LintFinding> Schema(string sql, LintProfile profile, string path = "schema.sql")
    {
        var load = SqlSource.ParsePostgres(sql, path);
        var statements = MigrationScript.Read(sql, path, false, []);
        return Linter.LintSchema(new SchemaLintContext(load.Model, load.SourceMap, statements), profile);
    }

    public static IReadOnlyList<LintFinding> Migration(string sql, LintProfile profile, string path = "V2__change.sql", Model.Database? before = null, bool inTransaction = false) =>
        Linter.LintMigration(new MigrationLintContext(MigrationScript.Read(sql, path, inTransaction, []), before), profile);

    public static IReadOnlyList<LintFinding> Run(LintRule rule, string sql, LintProfile? profile = null) =>
        IsMigrationRule(rule) ? Migration(sql, profile ?? ProfileFor(rule)) : Schema(sql, profile ?? ProfileFor(rule));

    /// <summary>The SQL with an ignore directive for the rule at each finding: after an object's line, or above a statement.</summary>
    public static string WithIgnores(string sql, string code, IEnumerable<LintFinding> findings)
    {
        var lines = sql.Split('\n').ToList();
        var after = new SortedSet<int>();
        var above = new SortedSet<int>();
        foreach (var f in findings.Where(f => f.Code == code && f.Location != null))
        {
            if (f.Object == null) above.Add(f.Location!.Line);
            else after.Add(f.Location!.Line);
        }
        foreach (var line in after) lines[line - 1] += $" -- schemafirst:ignore {code} the example says so";
        foreach (var line in above.Reverse()) lines.Insert(line - 1, $"-- schemafirst:ignore {code} the example says so");
        return string.Join('\n', lines);
    }

    public static string Describe(IEnumerable<LintFinding> findings) => string.Join("\n", findings.Select(f => $"{f.Location?.Line}:{f.Location?.Column} {f.Code} {f.Message}"));
}
