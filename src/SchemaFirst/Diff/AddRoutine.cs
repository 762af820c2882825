using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a function, procedure or aggregate.</summary>
public sealed record AddRoutine(Routine Routine) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"{Kind(Routine)} {Routine.Signature}";
}
