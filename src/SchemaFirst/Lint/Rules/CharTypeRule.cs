using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>TY103: no blank-padded char(n) columns.</summary>
public sealed class CharTypeRule : ColumnTypeRule
{
    public override string Code => "TY103";
    public override bool AppliesTo(string dialect) => dialect == "postgres";
    public override string Name => "char-type";
    public override string Summary => "Text columns are text or varchar, not char(n).";
    public override string Why => "char(n) pads values with spaces to n characters, ignores the padding in some comparisons and not in others (LIKE, concatenation, client libraries), and is no faster than text in PostgreSQL.";
    public override string Bad => "CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL);";
    public override string Good => "CREATE TABLE countries (code text PRIMARY KEY CHECK (length(code) = 2), name text NOT NULL);";
    public override string Fix => "use text (with a CHECK on length when the length is a rule)";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Info;

    protected override string? Judge(Table table, Column column, SchemaLintContext context, RuleSettings settings) =>
        column.Type.Kind == TypeKind.Char && column.Type.Text != "\"char\"" ? $"{column.Type.Text} pads with spaces; use text" : null;

    public override string? JudgeText(string type, TableAction column, RuleSettings settings) =>
        type is "char" or "character" or "bpchar" || type.StartsWith("char(", StringComparison.Ordinal) || type.StartsWith("character(", StringComparison.Ordinal)
            ? $"{type} pads with spaces; use text" : null;
}
