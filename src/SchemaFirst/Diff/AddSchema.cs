using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a schema.</summary>
public sealed record AddSchema(SchemaDef Schema) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"schema {Q(Schema.Name)}";
}
