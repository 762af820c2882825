namespace SchemaFirst.Lint.Rules;

/// <summary>MG124: statements outside a transaction can be re-run (off by default).</summary>
public sealed class RobustStatementRule : MigrationRule
{
    public override string Code => "MG124";
    public override string Name => "prefer-robust-statements";
    public override string Summary => "Outside a transaction, CREATE uses IF NOT EXISTS and DROP uses IF EXISTS, so a migration that failed half-way can run again (off by default).";
    public override string Why => "Without a transaction, a failure after the third of five statements leaves three applied; re-running the file then fails on the first CREATE that already succeeded.";
    public override string Bad => "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);";
    public override string Good => "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at_idx ON orders (placed_at);";
    public override string Fix => "add IF NOT EXISTS / IF EXISTS (and check for INVALID indexes left by a failed CONCURRENTLY build)";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Info;
    public override bool OnByDefault => false;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        if (context.Planned) yield break;
        foreach (var s in context.Statements)
        {
            if (s.InTransaction) continue;
            if (s is { Verb: "create", IfNotExists: false } && s.ObjectKind is "table" or "index" or "sequence" or "schema" or "extension")
            {
                yield return MigrationLintContext.On(this, settings, s, s.Describe(), $"CREATE {s.ObjectKind.ToUpperInvariant()} {s.Target} without IF NOT EXISTS fails when the migration runs again");
            }
            else if (s is { Verb: "drop", IfExists: false } && s.ObjectKind is "table" or "index" or "sequence" or "schema" or "view" or "type")
            {
                yield return MigrationLintContext.On(this, settings, s, s.Describe(), $"DROP {s.ObjectKind.ToUpperInvariant()} {s.Target} without IF EXISTS fails when the migration runs again");
            }
        }
    }
}
