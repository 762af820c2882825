using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Changes the options of a sequence.</summary>
public sealed record ModifySequence(Sequence From, Sequence To) : SchemaChange
{
    public override string Verb => "modify";

    public override string Subject => $"sequence {To.Name}";
}
