using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>TY105: text rather than varchar(n), or the other way round, as configured.</summary>
public sealed class VarcharLengthRule : ColumnTypeRule
{
    public override string Code => "TY105";
    public override string Name => "prefer-text";
    public override string Summary => "String columns are text (prefer: text, the default) or varchar(n) (prefer: varchar), as configured.";
    public override string Why => "In PostgreSQL varchar(n) stores the same as text; its limit is a business rule hidden in a type, and changing it (lowering it always) takes a table lock and may scan. A CHECK (length(col) <= n) says the same, and is changed online with NOT VALID. Teams that generate for engines where text is a LOB choose varchar.";
    public override string Bad => "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL);";
    public override string Good => "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL CHECK (length(email) <= 255));";
    public override string Fix => "use text with a CHECK on length() (or configure prefer: varchar)";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Info;
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("prefer", "text", "text or varchar")];

    protected override string? Judge(Table table, Column column, SchemaLintContext context, RuleSettings settings) =>
        settings.Text("prefer", "text") == "varchar"
            ? column.Type.Kind == TypeKind.Text ? "text; this schema uses varchar(n)" : null
            : column.Type is { Kind: TypeKind.VarChar, Length: not null } ? $"{column.Type.Text}; use text (with a CHECK on length when the limit is a rule)" : null;

    public override string? JudgeText(string type, TableAction column, RuleSettings settings) =>
        settings.Text("prefer", "text") == "varchar"
            ? type == "text" ? "text; this schema uses varchar(n)" : null
            : type.StartsWith("varchar(", StringComparison.Ordinal) || type.StartsWith("character varying(", StringComparison.Ordinal) ? $"{type}; use text (with a CHECK on length when the limit is a rule)" : null;
}
