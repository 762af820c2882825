using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Renames a table (a <c>renamed-from</c> directive).</summary>
public sealed record RenameTable(QualifiedName From, QualifiedName To) : SchemaChange
{
    public override string Verb => "rename";

    public override string Subject => $"table {From} to {Q(To.Name)}";
}
