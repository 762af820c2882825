using System.Text;

namespace SchemaFirst.Lint.Rules;

/// <summary>NM104: identifiers fit every target engine's length limit.</summary>
public sealed class IdentifierLengthRule : SchemaRule
{
    public override string Code => "NM104";
    public override string Name => "identifier-length";
    public override string Summary => "Names fit the length limit of each target engine: PostgreSQL 63 bytes, MySQL 64 characters, SQL Server and Oracle 128 (30 before Oracle 12.2).";
    public override string Why => "PostgreSQL cuts a longer name to 63 bytes without an error, so the object in the database is not called what the file says, two long names can collide, and every later ALTER by the full name fails. Other engines refuse the statement.";
    public override string Bad => "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\nCREATE INDEX orders_customer_id_index_for_the_monthly_revenue_report_by_region_idx ON orders (customer_id);";
    public override string Good => "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);";
    public override string Fix => "shorten the name";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("targets", "postgres", "engines whose limits count: postgres, mysql, sqlserver, oracle, oracle11 (30)")];

    public static int? Limit(string target) => target switch
    {
        "postgres" => 63,
        "mysql" or "mariadb" => 64,
        "sqlserver" or "oracle" => 128,
        "oracle11" => 30,
        _ => null,
    };

    public static bool TooLong(string name, string target, out int limit)
    {
        limit = Limit(target) ?? int.MaxValue;
        var length = target == "postgres" ? Encoding.UTF8.GetByteCount(name) : name.Length;
        return length > limit;
    }

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var targets = settings.List("targets", ["postgres"]).Select(t => t.ToLowerInvariant()).Where(t => Limit(t) != null).ToList();
        foreach (var (kind, name, finding) in NamedObjects.Of(context))
        {
            foreach (var t in targets)
            {
                if (!TooLong(name, t, out var limit)) continue;
                yield return finding(this, settings, $"{kind} name \"{name}\" is {(t == "postgres" ? Encoding.UTF8.GetByteCount(name) + " bytes" : name.Length + " characters")}, over the {limit} {t} allows");
                break;
            }
        }
    }
}
