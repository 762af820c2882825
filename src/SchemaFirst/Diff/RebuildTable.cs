using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>
/// Makes a table again as the desired schema has it, copying the rows of the columns both sides have: the documented
/// way to change a SQLite table beyond what its ALTER TABLE can (a new table, copy, drop, rename, indexes and triggers
/// again). A dialect's migration generator puts it in place of the changes it cannot make in place.
/// </summary>
public sealed record RebuildTable(Table From, Table To, IReadOnlyList<SchemaChange> Replaces) : SchemaChange
{
    public override string Verb => "rebuild";

    public override string Subject => $"table {To.Name} ({string.Join("; ", Replaces.Select(r => r.Describe()))})";
}
