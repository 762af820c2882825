using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Changes table-level properties.</summary>
public sealed record ModifyTable(Table From, Table To, TableChange Changes) : SchemaChange
{
    public override string Verb => "modify";

    public override string Subject => $"table {To.Name}: {Words(Changes)}";
}
