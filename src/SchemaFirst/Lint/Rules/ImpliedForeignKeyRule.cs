namespace SchemaFirst.Lint.Rules;

/// <summary>AN101: a &lt;table&gt;_id column with no foreign key, where that table exists.</summary>
public sealed class ImpliedForeignKeyRule : SchemaRule
{
    public override string Code => "AN101";
    public override string Name => "implied-foreign-key";
    public override string Summary => "A column named <table>_id (singular or plural table name) that no foreign key covers, while that table exists.";
    public override string Why => "customer_id next to a customers table is a relationship in everyone's head and in no constraint: orphans accumulate, deletes leave dangling ids, and diagrams and docs miss the edge.";
    public override string Bad => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);";
    public override string Good => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));";
    public override string Fix => "add the foreign key (NOT VALID, then VALIDATE, on a live table), or ignore the finding with the reason there is none";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var byName = context.Model.Tables.Where(t => t.PartitionOf == null).GroupBy(t => t.Name.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var t in context.Tables)
        {
            var covered = t.ForeignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
            foreach (var c in t.Columns)
            {
                if (!c.Name.EndsWith("_id", StringComparison.Ordinal) || c.Name.Length <= 3 || covered.Contains(c.Name)) continue;
                if (t.PrimaryKey is { Columns.Count: 1 } pk && pk.Columns[0] == c.Name) continue;
                var stem = c.Name[..^3];
                var target = new[] { stem }.Concat(Words.Plurals(stem)).Select(n => byName.GetValueOrDefault(n)).FirstOrDefault(l => l != null);
                if (target == null) continue;
                var table = target.FirstOrDefault(x => x.Name.Schema == t.Name.Schema) ?? target[0];
                if (table.Name == t.Name) continue;
                yield return context.OnColumn(this, settings, t, c, $"column {t.Name}.{c.Name} looks like a reference to {table.Name} but no foreign key says so");
            }
        }
    }
}
