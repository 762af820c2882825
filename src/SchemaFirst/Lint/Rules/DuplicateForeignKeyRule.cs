namespace SchemaFirst.Lint.Rules;

/// <summary>AN105: two foreign keys of a table say the same thing.</summary>
public sealed class DuplicateForeignKeyRule : SchemaRule
{
    public override string Code => "AN105";
    public override string Name => "duplicate-foreign-key";
    public override string Summary => "No two foreign keys of a table have the same columns and the same referenced table and columns.";
    public override string Why => "A repeated foreign key checks every write twice and shows as two relations in every diagram; when the two differ in ON DELETE, which one wins is a surprise.";
    public override string Bad => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);";
    public override string Good => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));";
    public override string Fix => "drop one of them";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            for (var i = 1; i < t.ForeignKeys.Count; i++)
            {
                var f = t.ForeignKeys[i];
                for (var j = 0; j < i; j++)
                {
                    var g = t.ForeignKeys[j];
                    if (f.ReferencedTable != g.ReferencedTable || !f.Columns.SequenceEqual(g.Columns) || !f.ReferencedColumns.SequenceEqual(g.ReferencedColumns)) continue;
                    yield return context.OnConstraint(this, settings, t, f.Name, $"foreign key {f.Name} of {t.Name} repeats {g.Name} ({string.Join(", ", f.Columns)} -> {f.ReferencedTable})");
                    break;
                }
            }
        }
    }
}
