using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a schema.</summary>
public sealed record DropSchema(SchemaDef Schema) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"schema {Q(Schema.Name)}";
}
