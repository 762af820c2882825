namespace SchemaFirst.Model;

/// <summary>
/// Represents a standalone sequence and the column that owns it, if any.
/// </summary>
public sealed record Sequence(
    QualifiedName Name,
    SequenceOptions Options,
    ColumnRef? OwnedBy = null,
    bool Unlogged = false,
    string? Comment = null);
