namespace SchemaFirst.Lint.Rules;

/// <summary>MG107: a foreign key added to an existing table without NOT VALID.</summary>
public sealed class ForeignKeyNotValidRule : MigrationRule
{
    public override string Code => "MG107";
    public override string Name => "foreign-key-without-not-valid";
    public override string Summary => "A foreign key added to an existing table is added NOT VALID and validated in a second statement.";
    public override string Why => "Adding a foreign key checks every existing row while holding SHARE ROW EXCLUSIVE on both tables, so writes to both wait for the whole scan. NOT VALID adds it instantly (new rows are checked); VALIDATE CONSTRAINT then scans without blocking writes.";
    public override string Bad => "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);";
    public override string Good => "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;";
    public override string Fix => "add it NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT (schemafirst plan --online does this)";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings) => NotValid.Check(this, context, settings, "foreign key");
}

/// <summary>Finds constraints of a kind added to existing tables without NOT VALID.</summary>
internal static class NotValid
{
    public static IEnumerable<LintFinding> Check(MigrationRule rule, MigrationLintContext context, RuleSettings settings, string kind)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s.Verb != "alter") continue;
            foreach (var a in s.Actions.Where(a => a.Kind == "add constraint" && a.ConstraintKind == kind && !a.NotValid))
            {
                yield return MigrationLintContext.On(rule, settings, s, $"add {kind} {a.ConstraintName ?? "on " + s.Table}",
                    $"{kind} {a.ConstraintName} is added to {s.Table} without NOT VALID; every row is checked while writes wait");
            }
        }
    }
}
