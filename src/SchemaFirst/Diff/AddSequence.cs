using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a sequence.</summary>
public sealed record AddSequence(Sequence Sequence) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"sequence {Sequence.Name}";
}
