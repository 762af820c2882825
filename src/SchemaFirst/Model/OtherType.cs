namespace SchemaFirst.Model;

/// <summary>
/// Represents a range, base or shell type, kept as its normalized definition text.
/// </summary>
public sealed record OtherType(QualifiedName Name, string Kind, string Definition, string? Comment = null);
