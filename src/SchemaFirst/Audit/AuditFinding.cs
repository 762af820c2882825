using SchemaFirst.Diagnostics;

namespace SchemaFirst.Audit;

/// <summary>
/// Represents one problem in the SQL an application sends: a stable code (SF8xx), how serious, what is wrong and what
/// to do, where it stands in the application's source, and the statement (its first line) it was found in.
/// </summary>
public sealed record AuditFinding(string Code, Severity Severity, string Message, SourceSpan Location, string? Help, string Statement)
{
    /// <summary>Set when the finding appears only against the plan's target schema: the migration would break this call site.</summary>
    public string? Impact { get; init; }
}

/// <summary>The audit's codes: SF8xx. Codes never change meaning once released.</summary>
public static class AuditCodes
{
    public const string UnknownTable = "SF801";
    public const string UnknownColumn = "SF802";
    public const string AmbiguousColumn = "SF803";
    public const string MissingRequired = "SF804";
    public const string ReadOnlyColumn = "SF805";
    public const string ValueCount = "SF806";
    public const string TruncateReferenced = "SF807";
    public const string ConflictTarget = "SF808";
    public const string Unreadable = "SF809";
    public const string BadDirective = "SF810";

    /// <summary>Each code with the short name shown in SARIF and annotations, and what it means.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Summary)> All =
    [
        (UnknownTable, "unknown-table", "The statement names a table or view the schema does not have."),
        (UnknownColumn, "unknown-column", "The statement names a column its tables do not have, or a table alias its FROM clause does not define."),
        (AmbiguousColumn, "ambiguous-column", "An unqualified column name matches columns of more than one table in the FROM clause."),
        (MissingRequired, "missing-required-column", "An INSERT leaves out a NOT NULL column that has no default."),
        (ReadOnlyColumn, "write-to-generated-column", "An INSERT or UPDATE writes a generated column or an identity column GENERATED ALWAYS."),
        (ValueCount, "value-count-mismatch", "An INSERT gives a different number of values than it names columns."),
        (TruncateReferenced, "truncate-referenced-table", "A TRUNCATE empties a table that foreign keys of other tables reference."),
        (ConflictTarget, "conflict-target-without-unique-index", "ON CONFLICT names columns or a constraint no unique index or constraint matches."),
        (Unreadable, "unreadable-statement", "A string that looks like SQL could not be read; it was not checked."),
        (BadDirective, "bad-ignore-directive", "A schemafirst:ignore comment names no code or gives no reason."),
    ];
}
