using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a view or materialized view.</summary>
public sealed record AddView(View View) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"{(View.Materialized ? "materialized view" : "view")} {View.Name}";
}
