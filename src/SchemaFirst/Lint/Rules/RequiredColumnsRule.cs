using SchemaFirst.Sql;

namespace SchemaFirst.Lint.Rules;

/// <summary>CL101: configured columns exist on every table, as configured.</summary>
public sealed class RequiredColumnsRule : SchemaRule
{
    public override string Code => "CL101";
    public override string Name => "required-columns";
    public override string Summary => "Every table has the configured columns (for example created_at timestamptz NOT NULL DEFAULT now()), with their type, nullability and default; exempt tables by glob.";
    public override string Why => "Audit columns are only useful when every table has them the same way: a report that joins on updated_at, or a sync that reads changes since a time, breaks on the table that was forgotten.";
    public override string Bad => "-- with required-columns: { columns: [\"created_at timestamptz NOT NULL DEFAULT now()\"] }\nCREATE TABLE orders (id bigint PRIMARY KEY);";
    public override string Good => "-- with required-columns: { columns: [\"created_at timestamptz NOT NULL DEFAULT now()\"] }\nCREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());";
    public override string Fix => "add the column as configured, or exempt the table in schemafirst.yaml";
    public override bool OnByDefault => false;
    public override IReadOnlyDictionary<string, object?>? ExampleOptions => new Dictionary<string, object?> { ["columns"] = new List<object> { "created_at timestamptz NOT NULL DEFAULT now()" } };
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options =>
    [
        ("columns", "created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now()", "the required columns, each as a column definition"),
        ("exempt", "(none)", "table name globs (schema.table or table) the rule skips"),
    ];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var specs = settings.List("columns", ["created_at timestamptz NOT NULL DEFAULT now()", "updated_at timestamptz NOT NULL DEFAULT now()"]).Select(ColumnSpec.Parse).ToList();
        var exempt = settings.List("exempt", []);
        foreach (var t in context.Tables)
        {
            if (exempt.Any(g => Glob.IsMatch(g, t.Name.Name) || Glob.IsMatch(g, t.Name.Schema + "." + t.Name.Name))) continue;
            foreach (var spec in specs)
            {
                if (t.FindColumn(spec.Name) is not { } c) yield return context.OnTable(this, settings, t, $"table {t.Name} has no {spec.Name} column", $"add: {spec.Name} {spec.Type} {(spec.NotNull ? "NOT NULL " : string.Empty)}{(spec.Default != null ? "DEFAULT " + spec.Default : string.Empty)}".TrimEnd());
                else if (spec.Mismatch(c) is { } what) yield return context.OnColumn(this, settings, t, c, $"column {t.Name}.{c.Name} {what}");
            }
        }
    }
}
