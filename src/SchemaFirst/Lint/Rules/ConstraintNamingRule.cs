using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Lint.Rules;

/// <summary>NM105: constraint and index names follow configured patterns.</summary>
public sealed class ConstraintNamingRule : SchemaRule
{
    public override string Code => "NM105";
    public override string Name => "constraint-naming";
    public override string Summary => "Primary keys, foreign keys, unique and check constraints and indexes are named by pattern ({table}, {columns}, {column}, {referenced}; * matches anything).";
    public override string Why => "Names a person can predict make error messages (\"violates orders_customer_id_fkey\") point at the right thing, and let migrations written by hand name the object they change. The defaults are the names PostgreSQL itself gives.";
    public override string Bad => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint CONSTRAINT pk1 PRIMARY KEY, customer_id bigint CONSTRAINT fk_x REFERENCES customers (id));";
    public override string Good => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));";
    public override string Fix => "rename the constraint or index to the pattern (ALTER TABLE ... RENAME CONSTRAINT, ALTER INDEX ... RENAME TO)";
    public override bool OnByDefault => false;
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options =>
    [
        ("primary_key", "{table}_pkey", "pattern for primary keys"),
        ("foreign_key", "{table}_{columns}_fkey", "pattern for foreign keys"),
        ("unique", "{table}_{columns}_key", "pattern for unique constraints"),
        ("check", "{table}_*check", "pattern for check constraints"),
        ("index", "{table}_{columns}_idx", "pattern for indexes; unique indexes, expression and partial indexes may also end in _key / anything after {table}_"),
    ];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            string Expand(string pattern, IReadOnlyList<string> columns, QualifiedName? referenced) => pattern
                .Replace("{table}", t.Name.Name, StringComparison.Ordinal)
                .Replace("{columns}", string.Join("_", columns), StringComparison.Ordinal)
                .Replace("{column}", columns.Count > 0 ? columns[0] : string.Empty, StringComparison.Ordinal)
                .Replace("{referenced}", referenced?.Name ?? string.Empty, StringComparison.Ordinal);
            IEnumerable<LintFinding> Judge(string kind, string name, string pattern)
            {
                if (!Glob.IsMatch(pattern, name) && !(name.Length == 63 && Glob.IsMatch(pattern[..Math.Min(pattern.Length, 40)] + "*", name)))
                {
                    yield return context.OnConstraint(this, settings, t, name, $"{kind} \"{name}\" does not follow the pattern {pattern}");
                }
            }
            if (t.PrimaryKey is { } pk) foreach (var f in Judge("primary key", pk.Name, Expand(settings.Text("primary_key", "{table}_pkey"), pk.Columns, null))) yield return f;
            foreach (var fk in t.ForeignKeys) foreach (var f in Judge("foreign key", fk.Name, Expand(settings.Text("foreign_key", "{table}_{columns}_fkey"), fk.Columns, fk.ReferencedTable))) yield return f;
            foreach (var u in t.Uniques) foreach (var f in Judge("unique constraint", u.Name, Expand(settings.Text("unique", "{table}_{columns}_key"), u.Columns, null))) yield return f;
            foreach (var c in t.Checks) foreach (var f in Judge("check constraint", c.Name, Expand(settings.Text("check", "{table}_*check"), [], null))) yield return f;
            foreach (var i in context.IndexesOf(t.Name))
            {
                var columns = i.Elements.Select(e => e.Column).ToList();
                var pattern = columns.All(c => c != null) && i.Where == null
                    ? Expand(settings.Text("index", "{table}_{columns}_idx"), columns!, null)
                    : Expand("{table}_*", [], null);
                if (i.Unique && pattern.EndsWith("_idx", StringComparison.Ordinal) && Glob.IsMatch(pattern[..^4] + "_key", i.Name.Name)) continue;
                if (!Glob.IsMatch(pattern, i.Name.Name)) yield return context.OnIndex(this, settings, i, $"index \"{i.Name.Name}\" does not follow the pattern {pattern}");
            }
        }
    }
}
