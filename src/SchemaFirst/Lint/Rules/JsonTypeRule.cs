using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>TY106: jsonb rather than json.</summary>
public sealed class JsonTypeRule : ColumnTypeRule
{
    public override string Code => "TY106";
    public override bool AppliesTo(string dialect) => dialect == "postgres";
    public override string Name => "prefer-jsonb";
    public override string Summary => "JSON columns are jsonb, not json.";
    public override string Why => "json keeps the text as written and parses it on every access; it has no equality operator (so no DISTINCT, GROUP BY or unique index) and no GIN indexing. jsonb is parsed once and indexable; keep json only when key order and duplicate keys must survive.";
    public override string Bad => "CREATE TABLE events (id bigint PRIMARY KEY, payload json NOT NULL);";
    public override string Good => "CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL);";
    public override string Fix => "use jsonb (ALTER COLUMN ... TYPE jsonb rewrites the table; plan it for a quiet hour)";

    protected override string? Judge(Table table, Column column, SchemaLintContext context, RuleSettings settings) => column.Type.Kind == TypeKind.Json ? "json; use jsonb" : null;

    public override string? JudgeText(string type, TableAction column, RuleSettings settings) => type == "json" ? "json; use jsonb" : null;
}
