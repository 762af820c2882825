using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops an extension.</summary>
public sealed record DropExtension(Extension Extension) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"extension {Q(Extension.Name)}";
}
