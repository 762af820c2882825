namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents a position in a source file: path, 1-based line and column (in characters), and the length underlined.
/// </summary>
public sealed record SourceSpan(string Path, int Line, int Column, int Length = 1)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}
