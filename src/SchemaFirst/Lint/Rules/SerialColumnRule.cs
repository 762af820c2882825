using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>TY104: identity columns instead of serial.</summary>
public sealed class SerialColumnRule : ColumnTypeRule
{
    public override string Code => "TY104";
    public override bool AppliesTo(string dialect) => dialect == "postgres";
    public override string Name => "prefer-identity";
    public override string Summary => "Generated keys are identity columns (GENERATED ... AS IDENTITY), not serial.";
    public override string Why => "serial is a column default on a separate sequence: its permissions, ownership and value are managed apart from the table, explicit inserts silently desynchronise it, and copying the table's definition copies a reference to the old sequence. Identity columns are standard SQL and keep the sequence with the column.";
    public override string Bad => "CREATE TABLE orders (id bigserial PRIMARY KEY);";
    public override string Good => "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);";
    public override string Fix => "use bigint GENERATED ALWAYS AS IDENTITY (a plan turns a serial column into one and keeps the next value)";

    protected override string? Judge(Table table, Column column, SchemaLintContext context, RuleSettings settings)
    {
        if (column.Default is not { } d || !d.StartsWith("nextval(", StringComparison.OrdinalIgnoreCase)) return null;
        var owned = context.SequenceOwners.Contains((table.Name, column.Name));
        return owned ? "serial column; use an identity column" : null;
    }

    public override string? JudgeText(string type, TableAction column, RuleSettings settings) =>
        type is "serial" or "bigserial" or "smallserial" or "serial4" or "serial8" or "serial2" ? $"{type} column; use an identity column" : null;
}
