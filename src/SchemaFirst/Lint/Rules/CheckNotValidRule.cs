namespace SchemaFirst.Lint.Rules;

/// <summary>MG108: a check constraint added to an existing table without NOT VALID.</summary>
public sealed class CheckNotValidRule : MigrationRule
{
    public override string Code => "MG108";
    public override string Name => "check-without-not-valid";
    public override string Summary => "A CHECK constraint added to an existing table is added NOT VALID and validated in a second statement.";
    public override string Why => "Adding a CHECK scans every row under ACCESS EXCLUSIVE: reads and writes wait for the scan. NOT VALID adds it instantly; VALIDATE CONSTRAINT then scans with a lock that lets reads and writes go on.";
    public override string Bad => "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);";
    public override string Good => "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;";
    public override string Fix => "add it NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT (schemafirst plan --online does this)";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings) => NotValid.Check(this, context, settings, "check");
}
