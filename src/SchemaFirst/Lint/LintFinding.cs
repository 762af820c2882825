using SchemaFirst.Diagnostics;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents one finding of a lint rule: the rule's code, how serious it is (after configuration), what is wrong and
/// what to do, the object it is about (<see cref="Subject"/>, stable across edits, which baselines fingerprint) and where
/// it stands when the schema came from files.
/// </summary>
/// <param name="Code">The rule's stable code (NM101, MG105, ...).</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Message">What is wrong, naming the object.</param>
/// <param name="Subject">The object, spelled the same whether it was read from files or a database ("column public.users.email").</param>
/// <param name="Object">The object's key in the source map, which <c>-- schemafirst:ignore</c> directives hang on.</param>
/// <param name="Location">Where, when the schema came from files.</param>
/// <param name="Help">What to do about it.</param>
public sealed record LintFinding(string Code, Severity Severity, string Message, string Subject, SourceKey? Object = null, SourceSpan? Location = null, string? Help = null)
{
    /// <summary>Set when <c>--new-since</c> found the object unchanged since the given revision (its finding cannot fail the run).</summary>
    public bool Legacy { get; init; }

    /// <summary>Set when a baseline accepted the finding: still reported in JSON and SARIF, not in text, and never failing.</summary>
    public bool Baselined { get; init; }

    /// <summary>A stable identity of the finding for baselines: the rule and the object, never the line.</summary>
    public string Fingerprint
    {
        get
        {
            var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Code + "\n" + Subject));
            return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
        }
    }

    /// <summary>Whether this finding fails the run: an error that no baseline accepted and no <c>--new-since</c> excused.</summary>
    public bool Fails => Severity == Severity.Error && !Baselined && !Legacy;
}
