namespace SchemaFirst.Model;

/// <summary>
/// Represents a PRIMARY KEY constraint.
/// </summary>
public sealed record PrimaryKey(
    string Name,
    EquatableArray<string> Columns,
    IndexOptions Options,
    ConstraintTiming Timing,
    string? Comment = null);
