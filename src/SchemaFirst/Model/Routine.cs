namespace SchemaFirst.Model;

/// <summary>
/// Represents a function, procedure or aggregate: its signature and its whole definition kept verbatim.
/// </summary>
/// <param name="Name">The routine name.</param>
/// <param name="Kind">Function, procedure or aggregate.</param>
/// <param name="ArgumentTypes">The identity argument types, normalized (what tells overloads apart).</param>
/// <param name="Definition">The statement text after the routine's name, as written: arguments, RETURNS, options and the
/// untouched body, without the terminating semicolon.</param>
/// <param name="Comment">The comment.</param>
public sealed record Routine(
    QualifiedName Name,
    RoutineKind Kind,
    string ArgumentTypes,
    string Definition,
    string? Comment = null)
{
    /// <summary>The signature as SQL: name and argument types.</summary>
    public string Signature => Name + "(" + ArgumentTypes + ")";
}
