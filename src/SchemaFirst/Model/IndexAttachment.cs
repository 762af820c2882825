namespace SchemaFirst.Model;

/// <summary>
/// Represents <c>ALTER INDEX parent ATTACH PARTITION child</c>: a partition's index attached to its parent's index.
/// </summary>
public sealed record IndexAttachment(QualifiedName ParentIndex, QualifiedName ChildIndex);
