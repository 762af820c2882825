using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>TY101: timestamps carry a time zone.</summary>
public sealed class TimestampWithoutTimeZoneRule : ColumnTypeRule
{
    public override string Code => "TY101";
    public override bool AppliesTo(string dialect) => dialect == "postgres";
    public override string Name => "timestamp-without-time-zone";
    public override string Summary => "Timestamp columns are timestamptz (timestamp with time zone), not timestamp.";
    public override string Why => "timestamp stores a wall-clock reading with no zone: the same instant written by two servers (or one across a daylight-saving change) reads differently, and comparisons with now() convert by the session's zone. timestamptz stores the instant and costs nothing more.";
    public override string Bad => "CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamp NOT NULL);";
    public override string Good => "CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL);";
    public override string Fix => "use timestamptz (ALTER COLUMN ... TYPE timestamptz USING col AT TIME ZONE 'UTC' converts stored values)";

    protected override string? Judge(Table table, Column column, SchemaLintContext context, RuleSettings settings) =>
        column.Type is { Kind: TypeKind.Timestamp, WithTimeZone: false } ? "timestamp without time zone; use timestamptz" : null;

    public override string? JudgeText(string type, TableAction column, RuleSettings settings) =>
        type == "timestamp" || type.StartsWith("timestamp(", StringComparison.Ordinal) && !type.Contains("with time zone", StringComparison.Ordinal) || type.StartsWith("timestamp without", StringComparison.Ordinal) || type.Contains(") without time zone", StringComparison.Ordinal)
            ? "timestamp without time zone; use timestamptz" : null;
}
