namespace SchemaFirst.Lint.Rules;

/// <summary>KY103: single-column primary keys are all "id" or all "&lt;table&gt;_id".</summary>
public sealed class PrimaryKeyNameRule : SchemaRule
{
    public override string Code => "KY103";
    public override string Name => "primary-key-name";
    public override string Summary => "Single-column primary keys are all called id, or all <table>_id: as configured, or as most of the schema already is.";
    public override string Why => "When some tables key on id and others on customer_id, every join and every generated type has to look the convention up. Either style works; a mix does not.";
    public override string Bad => "CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY);\nCREATE TABLE customers (customer_id bigint PRIMARY KEY);";
    public override string Good => "CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY);\nCREATE TABLE customers (id bigint PRIMARY KEY);";
    public override string Fix => "rename the key column to the schema's style (-- schemafirst:renamed-from keeps its values)";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("style", "consistent", "id, table_id, or consistent (the majority of the schema)")];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var keyed = new List<(Model.Table Table, Model.Column Column, string Style)>();
        foreach (var t in context.Tables)
        {
            if (t.PrimaryKey is not { Columns.Count: 1 } pk || t.FindColumn(pk.Columns[0]) is not { } c) continue;
            var style = c.Name == "id" ? "id"
                : c.Name == t.Name.Name + "_id" || c.Name == Words.Singular(t.Name.Name) + "_id" ? "table_id"
                : null;
            if (style != null) keyed.Add((t, c, style));
        }
        var want = settings.Text("style", "consistent").ToLowerInvariant();
        if (want is not ("id" or "table_id"))
        {
            var ids = keyed.Count(k => k.Style == "id");
            if (ids * 2 == keyed.Count) yield break;
            want = ids * 2 > keyed.Count ? "id" : "table_id";
        }
        foreach (var (t, c, style) in keyed)
        {
            if (style != want) yield return context.OnColumn(this, settings, t, c, $"primary key column \"{c.Name}\" is named {(style == "id" ? "id" : "<table>_id")}; the schema's keys are {(want == "id" ? "id" : "<table>_id")}");
        }
    }
}
