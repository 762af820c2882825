namespace SchemaFirst.Lint.Rules;

/// <summary>MG111: renaming a column breaks the code that is running.</summary>
public sealed class RenameColumnRule : MigrationRule
{
    public override string Code => "MG111";
    public override bool AppliesTo(string dialect) => true;
    public override string Name => "rename-column";
    public override string Summary => "No column of an existing table is renamed while code that uses the old name may run.";
    public override string Why => "The rename is instant, and so is the breakage: every running instance of the application still selects and writes the old name until it is deployed again. A rolling deploy has old and new code at once.";
    public override string Bad => "ALTER TABLE users RENAME COLUMN name TO full_name;";
    public override string Good => "ALTER TABLE users ADD COLUMN full_name text;";
    public override string Fix => "add the new column, write both, backfill, move readers, then drop the old one (or rename behind a view)";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Warning;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            foreach (var a in s.Actions.Where(a => a.Kind == "rename column"))
            {
                yield return MigrationLintContext.On(this, settings, s, $"rename column {s.Table}.{a.Column}", $"renaming {s.Table}.{a.Column} to {a.NewName} breaks running code that uses the old name");
            }
        }
    }
}
