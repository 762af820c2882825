namespace SchemaFirst.Model;

/// <summary>
/// Represents an enum type and its labels in order.
/// </summary>
public sealed record EnumType(QualifiedName Name, EquatableArray<string> Labels, string? Comment = null);
