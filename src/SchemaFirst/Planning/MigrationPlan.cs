using SchemaFirst.Diagnostics;
using SchemaFirst.Diff;

namespace SchemaFirst.Planning;

/// <summary>
/// Represents a migration: the ordered statements that turn one schema into another, what could not be planned, the
/// likely renames left as suggestions, and fingerprints of both sides (so a saved plan can be refused when the
/// database has moved since).
/// </summary>
public sealed record MigrationPlan(
    string Dialect,
    IReadOnlyList<SchemaChange> Changes,
    IReadOnlyList<PlannedStatement> Statements,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Suggestions,
    string FromFingerprint,
    string ToFingerprint)
{
    public bool IsEmpty => Statements.Count == 0;

    /// <summary>The current schema as the dialect's canonical DDL (what <see cref="FromFingerprint"/> hashes), so that a saved plan can say what changed since.</summary>
    public string? FromSchema { get; init; }

    /// <summary>The statements that destroy data.</summary>
    public IEnumerable<PlannedStatement> Destructive => Statements.Where(s => s.Hazards.Any(h => h.Destructive));
}
