namespace SchemaFirst.Model;

/// <summary>
/// Represents one attribute of a composite type.
/// </summary>
public sealed record CompositeAttribute(string Name, DataType Type, string? Collation = null);
