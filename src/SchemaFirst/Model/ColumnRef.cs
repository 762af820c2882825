namespace SchemaFirst.Model;

/// <summary>
/// Represents a reference to one column of one table.
/// </summary>
public sealed record ColumnRef(QualifiedName Table, string Column)
{
    public override string ToString() => Table + "." + QualifiedName.Display(Column);
}
