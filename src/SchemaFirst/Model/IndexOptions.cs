namespace SchemaFirst.Model;

/// <summary>
/// Represents the index options of an index-backed constraint: INCLUDE columns, storage parameters, tablespace.
/// </summary>
public sealed record IndexOptions(
    EquatableArray<string> Include,
    string? With = null,
    string? Tablespace = null)
{
    public static IndexOptions None { get; } = new(EquatableArray<string>.Empty);
}
