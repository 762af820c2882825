using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Renames a column (a <c>renamed-from</c> directive).</summary>
public sealed record RenameColumn(QualifiedName Table, string From, string To) : SchemaChange
{
    public override string Verb => "rename";

    public override string Subject => $"column {Table}.{Q(From)} to {Q(To)}";
}
