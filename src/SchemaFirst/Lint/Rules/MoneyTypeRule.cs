using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>TY102: no money columns.</summary>
public sealed class MoneyTypeRule : ColumnTypeRule
{
    public override string Code => "TY102";
    public override bool AppliesTo(string dialect) => dialect == "postgres";
    public override string Name => "money-type";
    public override string Summary => "Amounts are numeric (with a currency column when needed), not money.";
    public override string Why => "money formats and parses by the server's lc_monetary setting, so a dump restored on a server with another locale reads different amounts; it has a fixed two-digit fraction and no currency.";
    public override string Bad => "CREATE TABLE invoices (id bigint PRIMARY KEY, total money NOT NULL);";
    public override string Good => "CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL, currency text NOT NULL CHECK (length(currency) = 3));";
    public override string Fix => "use numeric(p,s) and keep the currency in its own column";

    protected override string? Judge(Table table, Column column, SchemaLintContext context, RuleSettings settings) => column.Type.Kind == TypeKind.Money ? "money; use numeric" : null;

    public override string? JudgeText(string type, TableAction column, RuleSettings settings) => type == "money" ? "money; use numeric" : null;
}
