using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops an index.</summary>
public sealed record DropIndex(SchemaIndex Index) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"index {Index.Name}";
}
