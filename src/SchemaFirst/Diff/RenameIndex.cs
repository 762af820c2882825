using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Renames an index whose definition stays.</summary>
public sealed record RenameIndex(SchemaIndex From, SchemaIndex To) : SchemaChange
{
    public override string Verb => "rename";

    public override string Subject => $"index {From.Name} to {Q(To.Name.Name)}";
}
