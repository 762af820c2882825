namespace SchemaFirst.Lint.Rules;

/// <summary>MG113: dropping a column loses its data and breaks code that reads it.</summary>
public sealed class DropColumnRule : MigrationRule
{
    public override string Code => "MG113";
    public override bool AppliesTo(string dialect) => true;
    public override string Name => "drop-column";
    public override string Summary => "No column of an existing table is dropped without a deliberate ignore.";
    public override string Why => "The data is gone (restoring means a backup), and running code that still selects the column fails at once. Drop a column only after every release that reads it is retired.";
    public override string Bad => "ALTER TABLE users DROP COLUMN nickname;";
    public override string Good => "COMMENT ON COLUMN users.nickname IS 'Deprecated: no longer written; drop after release 42.';";
    public override string Fix => "stop using the column in code first; then drop it with -- schemafirst:ignore MG113 and the reason";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Warning;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            foreach (var a in s.Actions.Where(a => a.Kind == "drop column"))
            {
                yield return MigrationLintContext.On(this, settings, s, $"drop column {s.Table}.{a.Column}", $"dropping {s.Table}.{a.Column} destroys its data and breaks code that reads it");
            }
        }
    }
}
