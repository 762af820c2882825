using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a sequence.</summary>
public sealed record DropSequence(Sequence Sequence) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"sequence {Sequence.Name}";
}
