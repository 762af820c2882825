using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a function, procedure or aggregate.</summary>
public sealed record DropRoutine(Routine Routine) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"{Kind(Routine)} {Routine.Signature}";
}
