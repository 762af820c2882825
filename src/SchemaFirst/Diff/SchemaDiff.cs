using SchemaFirst.Diagnostics;

namespace SchemaFirst.Diff;

/// <summary>
/// Represents the differences between two models: the changes, what could not be planned (warnings naming the
/// object), and likely renames the differ does not act on without a directive.
/// </summary>
public sealed record SchemaDiff(IReadOnlyList<SchemaChange> Changes, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Suggestions)
{
    public bool IsEmpty => Changes.Count == 0;
}
