namespace SchemaFirst.Model;

/// <summary>
/// Represents a view or materialized view; the query is kept as normalized SQL text.
/// </summary>
public sealed record View(
    QualifiedName Name,
    string Query,
    bool Materialized = false,
    EquatableArray<string> ColumnNames = default,
    string? With = null,
    string? CheckOption = null,
    bool Recursive = false,
    bool WithNoData = false,
    string? Tablespace = null,
    string? Comment = null,
    EquatableArray<ViewColumnComment> ColumnComments = default);
