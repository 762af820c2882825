namespace SchemaFirst.Lint.Rules;

/// <summary>AN102: a table with no index at all.</summary>
public sealed class TableWithoutIndexRule : SchemaRule
{
    public override string Code => "AN102";
    public override string Name => "table-without-index";
    public override string Summary => "Every table has at least one index (a primary key or unique constraint counts).";
    public override string Why => "Every lookup, update and delete on a table without any index reads all of it; fine at ten rows, an outage at ten million, and no query plan warns in advance.";
    public override string Bad => "CREATE TABLE audit_log (happened_at timestamptz NOT NULL, message text NOT NULL);";
    public override string Good => "CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, happened_at timestamptz NOT NULL, message text NOT NULL);";
    public override string Fix => "add a primary key or an index for the way rows are looked up";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            if (t.PrimaryKey == null && t.Uniques.Count == 0 && t.Exclusions.Count == 0 && context.IndexesOf(t.Name).Count == 0)
            {
                yield return context.OnTable(this, settings, t, $"table {t.Name} has no index at all");
            }
        }
    }
}
