using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a table constraint.</summary>
public sealed record DropConstraint(QualifiedName Table, string Name, object Constraint) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"constraint {Q(Name)} on {Table}";
}
