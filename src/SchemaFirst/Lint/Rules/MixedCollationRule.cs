namespace SchemaFirst.Lint.Rules;

/// <summary>TY109: explicit column collations agree.</summary>
public sealed class MixedCollationRule : SchemaRule
{
    public override string Code => "TY109";
    public override string Name => "mixed-collations";
    public override string Summary => "Columns that set a collation all set the same one.";
    public override string Why => "Comparing or joining two columns of different collations fails (\"could not determine which collation to use\") or sorts by surprise, and an index built under one collation does not serve queries in another.";
    public override string Bad => "CREATE TABLE a (id bigint PRIMARY KEY, name text COLLATE \"C\");\nCREATE TABLE b (id bigint PRIMARY KEY, name text COLLATE \"C\");\nCREATE TABLE c (id bigint PRIMARY KEY, name text COLLATE \"POSIX\");";
    public override string Good => "CREATE TABLE a (id bigint PRIMARY KEY, name text COLLATE \"C\");\nCREATE TABLE b (id bigint PRIMARY KEY, name text COLLATE \"C\");\nCREATE TABLE c (id bigint PRIMARY KEY, name text COLLATE \"C\");";
    public override string Fix => "use the collation the other columns use (or the database default), and collate in the query where a different order is wanted";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var set = context.Tables.SelectMany(t => t.Columns.Where(c => c.Collation != null).Select(c => (t, c))).ToList();
        var groups = set.GroupBy(x => x.c.Collation!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count < 2) yield break;
        foreach (var (t, c) in set.Where(x => x.c.Collation != groups[0].Key))
        {
            yield return context.OnColumn(this, settings, t, c, $"column {t.Name}.{c.Name} collates {c.Collation}; {groups[0].Count()} columns collate {groups[0].Key}");
        }
    }
}
