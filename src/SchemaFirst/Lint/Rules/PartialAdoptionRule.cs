using SchemaFirst.Sql;

namespace SchemaFirst.Lint.Rules;

/// <summary>CL102: a convention most tables follow is followed by all (or none).</summary>
public sealed class PartialAdoptionRule : SchemaRule
{
    public override string Code => "CL102";
    public override string Name => "partial-adoption";
    public override string Summary => "Audit columns (created_at, updated_at by default) that most tables have are on every table, defined the same way everywhere.";
    public override string Why => "Partial adoption is worse than none: code and reports come to rely on created_at, and the tables without it (or with it nullable, or as timestamp instead of timestamptz) fail them quietly.";
    public override string Bad => "CREATE TABLE a (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());\nCREATE TABLE b (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());\nCREATE TABLE c (id bigint PRIMARY KEY);";
    public override string Good => "CREATE TABLE a (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());\nCREATE TABLE b (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());\nCREATE TABLE c (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());";
    public override string Fix => "add the column to the tables without it, defined as the majority defines it (or exempt the table)";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options =>
    [
        ("columns", "created_at, updated_at", "column names to watch"),
        ("threshold", "50", "percent of tables that must have a column before the rest are expected to"),
        ("exempt", "(none)", "table name globs the rule skips"),
    ];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var threshold = settings.Number("threshold", 50);
        var exempt = settings.List("exempt", []);
        var tables = context.Tables.Where(t => !exempt.Any(g => Glob.IsMatch(g, t.Name.Name) || Glob.IsMatch(g, t.Name.Schema + "." + t.Name.Name))).ToList();
        if (tables.Count < 3) yield break;
        foreach (var name in settings.List("columns", ["created_at", "updated_at"]))
        {
            var having = tables.Where(t => t.FindColumn(name) != null).ToList();
            if (having.Count == 0 || having.Count * 100 < threshold * tables.Count) continue;
            foreach (var t in tables.Where(t => t.FindColumn(name) == null))
            {
                yield return context.OnTable(this, settings, t, $"table {t.Name} has no {name}; {having.Count} of {tables.Count} tables have it");
            }
            var shapes = having.Select(t => (Table: t, Column: t.FindColumn(name)!, Shape: Shape(t.FindColumn(name)!))).ToList();
            var main = shapes.GroupBy(s => s.Shape).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
            foreach (var (t, c, shape) in shapes.Where(s => s.Shape != main.Key))
            {
                yield return context.OnColumn(this, settings, t, c, $"column {t.Name}.{name} is {shape}; {main.Count()} tables define it as {main.Key}");
            }
        }
    }

    private static string Shape(Model.Column c) => c.Type.Text + (c.NotNull ? " NOT NULL" : string.Empty) + (c.Default != null ? " DEFAULT " + (ColumnSpec.SameDefault("now()", c.Default) ? "now()" : c.Default) : string.Empty);
}
