using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Adds a column.</summary>
public sealed record AddColumn(QualifiedName Table, Column Column) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"column {Table}.{Q(Column.Name)}";
}
