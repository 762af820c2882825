using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates an index.</summary>
public sealed record AddIndex(SchemaIndex Index) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"index {Index.Name}";
}
