namespace SchemaFirst.Lint.Rules;

/// <summary>MG121: DROP NOT NULL lets NULL reach code that never expected it.</summary>
public sealed class DropNotNullRule : MigrationRule
{
    public override string Code => "MG121";
    public override string Name => "drop-not-null";
    public override string Summary => "NOT NULL is not dropped from a column existing code reads.";
    public override string Why => "Readers written when the column could not be NULL (typed code with non-nullable fields, reports that add it up) break on the first NULL a newer writer stores.";
    public override string Bad => "ALTER TABLE orders ALTER COLUMN region DROP NOT NULL;";
    public override string Good => "ALTER TABLE orders ALTER COLUMN region SET DEFAULT 'eu';";
    public override string Fix => "make sure every reader handles NULL first, then ignore the finding with the reason";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Info;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            foreach (var a in s.Actions.Where(a => a.Kind == "drop not null"))
            {
                yield return MigrationLintContext.On(this, settings, s, $"drop not null {s.Table}.{a.Column}", $"{s.Table}.{a.Column} may hold NULL from now on; code that reads it may not expect that");
            }
        }
    }
}
