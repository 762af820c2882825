using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Seeding;

/// <summary>The kind of a value in a seed row: what the checks and the dialect conversion can rely on.</summary>
public enum SeedValueKind
{
    Null,
    Number,
    String,
    Boolean,
    Default,
    Expression,
}

/// <summary>
/// Represents one value of a seed row: its SQL as written, its kind, the string's content for a string literal, and
/// where it is in the seed file.
/// </summary>
public sealed record SeedValue(string Sql, SeedValueKind Kind, string? Text, SourceSpan Location);

/// <summary>Represents one row of a seed INSERT: the table, the columns it gives and their values.</summary>
public sealed record SeedRow(QualifiedName Table, IReadOnlyList<string> Columns, IReadOnlyList<SeedValue> Values, SourceSpan Location);

/// <summary>The seed rows of a set of files, and what was wrong with them.</summary>
public sealed record SeedSet(IReadOnlyList<SeedRow> Rows, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
