using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Sets (or removes) the column a sequence belongs to; planned after the tables exist.</summary>
public sealed record SetSequenceOwner(QualifiedName Sequence, ColumnRef? Owner) : SchemaChange
{
    public override string Verb => "modify";

    public override string Subject => $"sequence {Sequence}: owned by {(Owner != null ? Owner.ToString() : "none")}";
}
