using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a table.</summary>
public sealed record DropTable(Table Table) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"table {Table.Name}";
}
