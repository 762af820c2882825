using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a user type: an enum, domain, composite or other type (the model record is <see cref="Definition"/>).</summary>
public sealed record AddType(QualifiedName Name, object Definition) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"type {Name}";
}
