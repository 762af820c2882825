namespace SchemaFirst.Model;

/// <summary>
/// Represents a FOREIGN KEY constraint.
/// </summary>
public sealed record ForeignKey(
    string Name,
    EquatableArray<string> Columns,
    QualifiedName ReferencedTable,
    EquatableArray<string> ReferencedColumns,
    ForeignKeyAction OnDelete,
    ForeignKeyAction OnUpdate,
    ForeignKeyMatch Match,
    ConstraintTiming Timing,
    bool NotValid = false,
    EquatableArray<string> OnDeleteSetColumns = default,
    string? Comment = null);
