using SchemaFirst.Diagnostics;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents DDL written for a dialect, and the notes on what the dialect could not express as the model has it
/// (errors mean the text must not be used).
/// </summary>
public sealed record GeneratedSql(string Text, IReadOnlyList<Diagnostic> Notes)
{
    public bool HasErrors => Notes.Any(n => n.Severity == Severity.Error);
}
