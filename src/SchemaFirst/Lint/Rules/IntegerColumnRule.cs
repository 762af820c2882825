using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>TY107: bigint rather than integer or smallint (off by default).</summary>
public sealed class IntegerColumnRule : ColumnTypeRule
{
    public override string Code => "TY107";
    public override bool AppliesTo(string dialect) => dialect == "postgres";
    public override string Name => "prefer-bigint";
    public override string Summary => "Integer columns are bigint, not integer or smallint (off by default; key columns are KY102's).";
    public override string Why => "Counters and ids in integer overflow at 2,147,483,647 and smallint at 32,767; widening later rewrites the table under a lock. bigint costs four more bytes a row, usually absorbed by alignment.";
    public override string Bad => "CREATE TABLE pages (id bigint PRIMARY KEY, views integer NOT NULL DEFAULT 0);";
    public override string Good => "CREATE TABLE pages (id bigint PRIMARY KEY, views bigint NOT NULL DEFAULT 0);";
    public override string Fix => "use bigint";
    public override bool OnByDefault => false;

    protected override string? Judge(Table table, Column column, SchemaLintContext context, RuleSettings settings) =>
        column.Type.Kind is TypeKind.Integer or TypeKind.SmallInt ? $"{column.Type.Text}; use bigint" : null;

    public override string? JudgeText(string type, TableAction column, RuleSettings settings) =>
        type is "int" or "integer" or "int4" or "smallint" or "int2" or "serial" or "serial4" or "smallserial" or "serial2" ? $"{type}; use bigint" : null;
}
