namespace SchemaFirst.Lint.Rules;

/// <summary>KY104: every foreign key has an index that starts with its columns.</summary>
public sealed class ForeignKeyIndexRule : SchemaRule
{
    public override string Code => "KY104";
    public override string Name => "foreign-key-without-index";
    public override string Summary => "Every foreign key's columns lead some index (or key) of the referencing table.";
    public override string Why => "A delete or key update on the referenced table must find the referencing rows; without an index that is a full scan of the referencing table per row, under a lock. Joins along the key scan too.";
    public override string Bad => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));";
    public override string Good => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);";
    public override string Fix => "CREATE INDEX ON <table> (<foreign key columns>) (CONCURRENTLY on a live table)";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (context.Indexed(t, fk.Columns)) continue;
                yield return context.OnConstraint(this, settings, t, fk.Name,
                    $"foreign key {fk.Name} ({string.Join(", ", fk.Columns)}) of {t.Name} has no index starting with its columns",
                    $"CREATE INDEX {t.Name.Name}_{string.Join("_", fk.Columns)}_idx ON {t.Name} ({string.Join(", ", fk.Columns)})");
            }
        }
    }
}
