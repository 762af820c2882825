using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a column.</summary>
public sealed record DropColumn(QualifiedName Table, Column Column) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"column {Table}.{Q(Column.Name)}";
}
