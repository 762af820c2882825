namespace SchemaFirst.Lint.Rules;

/// <summary>AN103: a table with one column.</summary>
public sealed class SingleColumnTableRule : SchemaRule
{
    public override string Code => "AN103";
    public override string Name => "single-column-table";
    public override string Summary => "A table has more than one column.";
    public override string Why => "A one-column table is usually a list of allowed values that a CHECK, an enum or a lookup table with a label would say better, or a table whose other columns were never added.";
    public override string Bad => "CREATE TABLE colors (name text PRIMARY KEY);";
    public override string Good => "CREATE TABLE colors (name text PRIMARY KEY, label text NOT NULL);";
    public override string Fix => "add the columns the rows need, or replace the table with a CHECK or an enum";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Info;

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            if (t.Columns.Count == 1 && t.Inherits.Count == 0 && t.PartitionBy == null) yield return context.OnTable(this, settings, t, $"table {t.Name} has a single column ({t.Columns[0].Name})");
        }
    }
}
