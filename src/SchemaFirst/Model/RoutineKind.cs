namespace SchemaFirst.Model;

/// <summary>
/// Represents the kind of a routine.
/// </summary>
public enum RoutineKind
{
    Function,
    Procedure,
    Aggregate,
}
