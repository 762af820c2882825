namespace SchemaFirst.Lint.Rules;

/// <summary>MG101: ADD COLUMN ... NOT NULL without a default on an existing table.</summary>
public sealed class AddRequiredColumnRule : MigrationRule
{
    public override string Code => "MG101";
    public override bool AppliesTo(string dialect) => true;
    public override string Name => "adding-required-column";
    public override string Summary => "A column added to an existing table as NOT NULL has a default (or is generated).";
    public override string Why => "Existing rows have no value for the new column, so the statement fails the moment the table is not empty: it passed on the empty development database and fails in production.";
    public override string Bad => "ALTER TABLE orders ADD COLUMN region text NOT NULL;";
    public override string Good => "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';";
    public override string Fix => "add a DEFAULT (a constant is instant since PostgreSQL 11), or add the column nullable, backfill, then SET NOT NULL";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s.Verb != "alter") continue;
            foreach (var a in s.Actions.Where(a => a is { Kind: "add column", NotNull: true, Default: null, Generated: false }))
            {
                yield return MigrationLintContext.On(this, settings, s, $"add column {s.Table}.{a.Column}", $"column {a.Column} is added to {s.Table} as NOT NULL without a default; it fails if the table has rows");
            }
        }
    }
}
