namespace SchemaFirst.Lint.Rules;

/// <summary>MG114: dropping a table loses its data.</summary>
public sealed class DropTableRule : MigrationRule
{
    public override string Code => "MG114";
    public override bool AppliesTo(string dialect) => true;
    public override string Name => "drop-table";
    public override string Summary => "No existing table is dropped without a deliberate ignore.";
    public override string Why => "Every row is gone and code that reads the table fails. A table made earlier in the same migration is exempt.";
    public override string Bad => "DROP TABLE legacy_orders;";
    public override string Good => "ALTER TABLE legacy_orders RENAME TO legacy_orders_retired;";
    public override string Fix => "rename it aside for a release first; drop it later with -- schemafirst:ignore MG114 and the reason";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Warning;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s is { Verb: "drop", ObjectKind: "table" }) yield return MigrationLintContext.On(this, settings, s, "drop table " + s.Table, $"dropping {s.Table} destroys all its rows");
        }
    }
}
