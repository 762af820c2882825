namespace SchemaFirst.Lint.Rules;

/// <summary>MG119: a migration names an object longer than PostgreSQL keeps.</summary>
public sealed class NameTooLongRule : MigrationRule
{
    public override string Code => "MG119";
    public override string Name => "identifier-too-long";
    public override string Summary => "Names a migration gives are at most 63 bytes.";
    public override string Why => "PostgreSQL truncates longer names to 63 bytes with only a NOTICE: the object exists under a name the migration never wrote, and the next migration that refers to it by the full name fails (or hits another object with the same first 63 bytes).";
    public override string Bad => "CREATE INDEX orders_customer_id_index_for_the_monthly_revenue_report_by_region_idx ON orders (customer_id);";
    public override string Good => "CREATE INDEX orders_customer_id_idx ON orders (customer_id);";
    public override string Fix => "shorten the name";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var s in context.Statements)
        {
            foreach (var name in s.NewNames.Where(n => IdentifierLengthRule.TooLong(n, "postgres", out _)))
            {
                yield return MigrationLintContext.On(this, settings, s, "name " + name, $"\"{name}\" is {System.Text.Encoding.UTF8.GetByteCount(name)} bytes; PostgreSQL keeps only the first 63");
            }
        }
    }
}
