using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a table (its foreign keys are added by their own changes).</summary>
public sealed record AddTable(Table Table) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"table {Table.Name}";
}
