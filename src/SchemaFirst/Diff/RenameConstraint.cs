using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Renames a constraint whose definition stays (its index too, for a primary key or unique constraint).</summary>
public sealed record RenameConstraint(QualifiedName Table, string From, string To) : SchemaChange
{
    public override string Verb => "rename";

    public override string Subject => $"constraint {Q(From)} on {Table} to {Q(To)}";
}
