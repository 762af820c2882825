namespace SchemaFirst.Lint.Rules;

/// <summary>NM102: table names all plural or all singular.</summary>
public sealed class TableNamePluralityRule : SchemaRule
{
    public override string Code => "NM102";
    public override string Name => "table-name-plurality";
    public override string Summary => "Table names are all plural or all singular: as configured, or as most of the schema already is.";
    public override string Why => "Mixed plurality (orders next to customer) makes every join a guess and every generated type name inconsistent. Without a configured style the rule follows the schema's majority, so it only points at the odd ones out.";
    public override string Bad => "CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY);\nCREATE TABLE customer (id bigint PRIMARY KEY);";
    public override string Good => "CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY);\nCREATE TABLE customers (id bigint PRIMARY KEY);";
    public override string Fix => "rename the table to match the others (-- schemafirst:renamed-from old_name keeps its rows)";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("style", "consistent", "plural, singular, or consistent (the majority of the schema)")];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var judged = context.Tables.Select(t => (Table: t, Plural: Words.IsPlural(t.Name.Name))).Where(x => x.Plural != null).ToList();
        bool want;
        switch (settings.Text("style", "consistent").ToLowerInvariant())
        {
            case "plural":
                want = true;
                break;
            case "singular":
                want = false;
                break;
            default:
                var plural = judged.Count(x => x.Plural == true);
                var singular = judged.Count - plural;
                if (plural == singular) yield break;
                want = plural > singular;
                break;
        }
        foreach (var (t, p) in judged)
        {
            if (p != want) yield return context.OnTable(this, settings, t, $"table name \"{t.Name.Name}\" is {(p == true ? "plural" : "singular")}; the schema's tables are {(want ? "plural" : "singular")}");
        }
    }
}
