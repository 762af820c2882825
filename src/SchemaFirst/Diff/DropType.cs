using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a user type.</summary>
public sealed record DropType(QualifiedName Name, object Definition) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"type {Name}";
}
