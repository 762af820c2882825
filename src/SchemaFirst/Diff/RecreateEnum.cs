using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>
/// Makes an enum again because a value was removed, renamed or moved: the old type is renamed to
/// <see cref="Retired"/>, the new one created under the name, each column moved over through its text (ModifyColumn
/// changes), and the retired type dropped at the end (<see cref="DropRetiredType"/>).
/// </summary>
public sealed record RecreateEnum(EnumType From, EnumType To, QualifiedName Retired) : SchemaChange
{
    public override string Verb => "modify";

    public override string Subject => $"enum {To.Name} (made again: values removed or moved)";
}

/// <summary>Drops the type an enum was before it was made again, once no column uses it.</summary>
public sealed record DropRetiredType(QualifiedName Retired, QualifiedName Enum) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"type {Retired} (the old values of {Enum})";
}
