namespace SchemaFirst.Model;

/// <summary>
/// Represents a function, procedure or aggregate: its signature, and its definition in canonical form (clauses in a
/// fixed order, defaults left out) with the body exactly as written.
/// </summary>
/// <param name="Name">The routine name.</param>
/// <param name="Kind">Function, procedure or aggregate.</param>
/// <param name="ArgumentTypes">The identity argument types, normalized (what tells overloads apart).</param>
/// <param name="Definition">What follows the routine's name in CREATE: the argument list, RETURNS, LANGUAGE, options
/// and the body (in a dollar quote, untouched).</param>
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
