namespace SchemaFirst.Model;

/// <summary>
/// Represents one element of an EXCLUDE constraint: an index element and the operator it is compared with.
/// </summary>
public sealed record ExclusionElement(IndexElement Element, string Operator);
