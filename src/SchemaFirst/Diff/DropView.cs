using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a view or materialized view.</summary>
public sealed record DropView(View View) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"{(View.Materialized ? "materialized view" : "view")} {View.Name}";
}
