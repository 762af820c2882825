namespace SchemaFirst.Lint.Rules;

/// <summary>KY101: every table has a primary key.</summary>
public sealed class MissingPrimaryKeyRule : SchemaRule
{
    public override string Code => "KY101";
    public override string Name => "missing-primary-key";
    public override string Summary => "Every table has a primary key.";
    public override string Why => "Without a primary key, duplicate rows cannot be told apart or removed, logical replication cannot publish updates and deletes, ORMs cannot map the table, and other tables have nothing to reference.";
    public override string Bad => "CREATE TABLE events (name text NOT NULL, happened_at timestamptz NOT NULL);";
    public override string Good => "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, happened_at timestamptz NOT NULL);";
    public override string Fix => "add a primary key (an identity column, or the columns that identify a row)";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            if (t.PrimaryKey == null) yield return context.OnTable(this, settings, t, $"table {t.Name} has no primary key");
        }
    }
}
