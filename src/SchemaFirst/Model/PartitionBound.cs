namespace SchemaFirst.Model;

/// <summary>
/// Represents a partition's parent and its bound (<c>FOR VALUES ...</c> or <c>DEFAULT</c>), kept as normalized SQL text.
/// </summary>
public sealed record PartitionBound(QualifiedName Parent, string Bound);
