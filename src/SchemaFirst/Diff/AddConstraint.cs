using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Adds a table constraint (a primary key, unique, foreign key, check or exclusion record of the model).</summary>
public sealed record AddConstraint(QualifiedName Table, string Name, object Constraint) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"constraint {Q(Name)} on {Table}";
}
