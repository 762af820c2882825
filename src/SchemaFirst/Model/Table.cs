namespace SchemaFirst.Model;

/// <summary>
/// Represents a table with its columns and constraints; partitions are tables with <see cref="PartitionOf"/> set.
/// </summary>
/// <param name="Options">MySQL's table options as the server prints them (ENGINE, DEFAULT CHARSET, COLLATE, ROW_FORMAT); other engines have none.</param>
public sealed record Table(
    QualifiedName Name,
    EquatableArray<Column> Columns,
    PrimaryKey? PrimaryKey = null,
    EquatableArray<UniqueConstraint> Uniques = default,
    EquatableArray<ForeignKey> ForeignKeys = default,
    EquatableArray<CheckConstraint> Checks = default,
    EquatableArray<ExclusionConstraint> Exclusions = default,
    TablePersistence Persistence = TablePersistence.Permanent,
    string? PartitionBy = null,
    PartitionBound? PartitionOf = null,
    EquatableArray<QualifiedName> Inherits = default,
    string? AccessMethod = null,
    string? With = null,
    string? Tablespace = null,
    bool RowLevelSecurity = false,
    bool ForceRowLevelSecurity = false,
    string? Comment = null,
    string? Options = null)
{
    public Column? FindColumn(string name)
    {
        foreach (var c in Columns)
        {
            if (c.Name == name) return c;
        }
        return null;
    }
}
