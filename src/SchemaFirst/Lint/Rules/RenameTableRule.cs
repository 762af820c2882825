namespace SchemaFirst.Lint.Rules;

/// <summary>MG112: renaming a table breaks the code that is running.</summary>
public sealed class RenameTableRule : MigrationRule
{
    public override string Code => "MG112";
    public override bool AppliesTo(string dialect) => true;
    public override string Name => "rename-table";
    public override string Summary => "No existing table is renamed (or moved to another schema) while code that uses the old name may run.";
    public override string Why => "Every query of running code names the table; after the rename they all fail until the new code is everywhere.";
    public override string Bad => "ALTER TABLE users RENAME TO accounts;";
    public override string Good => "CREATE VIEW accounts AS SELECT * FROM users;";
    public override string Fix => "rename, and leave a view under the old name until no code uses it (or copy and switch over)";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Warning;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            foreach (var a in s.Actions.Where(a => a.Kind is "rename table" or "set schema"))
            {
                yield return MigrationLintContext.On(this, settings, s, "rename table " + s.Table, $"{(a.Kind == "set schema" ? "moving" : "renaming")} {s.Table} to {a.NewName} breaks running code that uses the old name");
            }
        }
    }
}
