using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Represents a table while statements are replayed into it; frozen into an immutable <see cref="Table"/>.
/// </summary>
internal sealed class TableDraft
{
    public required QualifiedName Name;
    public List<Column> Columns = new();
    public PrimaryKey? PrimaryKey;
    public List<UniqueConstraint> Uniques = new();
    public List<ForeignKey> ForeignKeys = new();
    public List<CheckConstraint> Checks = new();
    public List<ExclusionConstraint> Exclusions = new();
    public TablePersistence Persistence;
    public string? PartitionBy;
    public PartitionBound? PartitionOf;
    public List<QualifiedName> Inherits = new();
    public string? AccessMethod;
    public string? With;
    public string? Tablespace;
    public bool RowLevelSecurity;
    public bool ForceRowLevelSecurity;
    public string? Comment;

    public static TableDraft From(Table t) => new()
    {
        Name = t.Name,
        Columns = t.Columns.ToList(),
        PrimaryKey = t.PrimaryKey,
        Uniques = t.Uniques.ToList(),
        ForeignKeys = t.ForeignKeys.ToList(),
        Checks = t.Checks.ToList(),
        Exclusions = t.Exclusions.ToList(),
        Persistence = t.Persistence,
        PartitionBy = t.PartitionBy,
        PartitionOf = t.PartitionOf,
        Inherits = t.Inherits.ToList(),
        AccessMethod = t.AccessMethod,
        With = t.With,
        Tablespace = t.Tablespace,
        RowLevelSecurity = t.RowLevelSecurity,
        ForceRowLevelSecurity = t.ForceRowLevelSecurity,
        Comment = t.Comment,
    };

    public Table ToTable() => new(
        Name,
        Columns.ToEquatableArray(),
        PrimaryKey,
        Uniques.ToEquatableArray(),
        ForeignKeys.ToEquatableArray(),
        Checks.ToEquatableArray(),
        Exclusions.ToEquatableArray(),
        Persistence,
        PartitionBy,
        PartitionOf,
        Inherits.ToEquatableArray(),
        AccessMethod,
        With,
        Tablespace,
        RowLevelSecurity,
        ForceRowLevelSecurity,
        Comment);

    public int ColumnIndex(string name) => Columns.FindIndex(c => c.Name == name);

    public bool HasConstraint(string name) =>
        PrimaryKey?.Name == name || Uniques.Any(u => u.Name == name) || ForeignKeys.Any(f => f.Name == name)
        || Checks.Any(c => c.Name == name) || Exclusions.Any(e => e.Name == name);

    public bool RemoveConstraint(string name)
    {
        if (PrimaryKey?.Name == name)
        {
            PrimaryKey = null;
            return true;
        }
        return Uniques.RemoveAll(u => u.Name == name) + ForeignKeys.RemoveAll(f => f.Name == name)
            + Checks.RemoveAll(c => c.Name == name) + Exclusions.RemoveAll(e => e.Name == name) > 0;
    }
}
