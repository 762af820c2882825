using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates an extension.</summary>
public sealed record AddExtension(Extension Extension) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"extension {Q(Extension.Name)}";
}
