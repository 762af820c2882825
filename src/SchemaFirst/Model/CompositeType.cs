namespace SchemaFirst.Model;

/// <summary>
/// Represents a composite type and its attributes.
/// </summary>
public sealed record CompositeType(QualifiedName Name, EquatableArray<CompositeAttribute> Attributes, string? Comment = null);
