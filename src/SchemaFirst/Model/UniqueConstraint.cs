namespace SchemaFirst.Model;

/// <summary>
/// Represents a UNIQUE constraint, including NULLS NOT DISTINCT.
/// </summary>
public sealed record UniqueConstraint(
    string Name,
    EquatableArray<string> Columns,
    bool NullsNotDistinct,
    IndexOptions Options,
    ConstraintTiming Timing,
    string? Comment = null);
