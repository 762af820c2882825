namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents a <c>-- schemafirst:</c> directive kept with the object it was written on: its name, its arguments and
/// where it stands. The differ reads <c>renamed-from</c>, lint reads <c>ignore</c>.
/// </summary>
public sealed record SourceDirective(string Name, string Arguments, SourceSpan Location)
{
    public const string RenamedFromName = "renamed-from";
    public const string IgnoreName = "ignore";

    /// <summary>The old name of a <c>renamed-from</c> directive; null for other directives.</summary>
    public string? RenamedFrom => Name == RenamedFromName ? Arguments.Trim() : null;

    /// <summary>The rule code an <c>ignore</c> directive suppresses; null for other directives.</summary>
    public string? IgnoredRule => Name == IgnoreName ? Arguments.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[0] : null;

    /// <summary>The reason an <c>ignore</c> directive gives; null for other directives.</summary>
    public string? IgnoreReason => Name == IgnoreName ? Arguments.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[1].Trim() : null;
}
