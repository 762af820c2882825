using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Changes a column in place; <see cref="Changes"/> says what changed.</summary>
public sealed record ModifyColumn(QualifiedName Table, Column From, Column To, ColumnChange Changes) : SchemaChange
{
    public override string Verb => "modify";

    public override string Subject => $"column {Table}.{Q(To.Name)}: {Words(Changes)}";
}
