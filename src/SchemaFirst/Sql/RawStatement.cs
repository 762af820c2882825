namespace SchemaFirst.Sql;

/// <summary>
/// Represents one statement cut from a file: its text without the terminating semicolon, where it starts,
/// the <c>-- schemafirst:</c> directives written on its lines or just above it, and COPY rows skipped after it.
/// </summary>
internal sealed record RawStatement(
    RawStatementKind Kind,
    string Text,
    int Line,
    int Column,
    IReadOnlyList<Directive> Directives,
    long CopyRows = 0);
