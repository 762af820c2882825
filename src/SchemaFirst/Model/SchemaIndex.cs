namespace SchemaFirst.Model;

/// <summary>
/// Represents an index created by CREATE INDEX (indexes that back constraints belong to the constraint).
/// </summary>
public sealed record SchemaIndex(
    QualifiedName Name,
    QualifiedName Table,
    bool Unique,
    string Method,
    EquatableArray<IndexElement> Elements,
    EquatableArray<string> Include,
    string? Where,
    bool NullsNotDistinct = false,
    string? With = null,
    string? Tablespace = null,
    bool Only = false,
    string? Comment = null);
