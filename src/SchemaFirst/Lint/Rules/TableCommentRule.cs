namespace SchemaFirst.Lint.Rules;

/// <summary>DC101: tables have comments (off by default).</summary>
public sealed class TableCommentRule : SchemaRule
{
    public override string Code => "DC101";
    public override string Name => "table-comment";
    public override string Summary => "Every table has a COMMENT saying what one row is.";
    public override string Why => "The comment travels with the schema into the database, the generated docs and the typed code; a wiki page does not. \"One row per shipment leg\" saves every new reader a guess.";
    public override string Bad => "CREATE TABLE legs (id bigint PRIMARY KEY);";
    public override string Good => "CREATE TABLE legs (id bigint PRIMARY KEY);\nCOMMENT ON TABLE legs IS 'One row per leg of a shipment';";
    public override string Fix => "COMMENT ON TABLE <table> IS '...'";
    public override bool OnByDefault => false;

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            if (string.IsNullOrWhiteSpace(t.Comment)) yield return context.OnTable(this, settings, t, $"table {t.Name} has no comment");
        }
    }
}
