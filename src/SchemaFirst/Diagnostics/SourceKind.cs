namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents the kinds of objects whose declaration the <see cref="SourceMap"/> remembers.
/// </summary>
public enum SourceKind
{
    Schema,
    Extension,
    Type,
    Sequence,
    Table,
    Column,
    Constraint,
    Index,
    View,
    Routine,
    Trigger,
    Policy,
    Rule,
}
