using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Adds a value to an enum in place, at its position.</summary>
public sealed record AddEnumValue(EnumType Enum, string Label, string? Before, string? After) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"value '{Label}' of enum {Enum.Name}";
}
