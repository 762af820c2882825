namespace SchemaFirst.Model;

/// <summary>
/// Represents a column or domain type: a dialect-neutral kind plus the canonical spelling of the source dialect.
/// </summary>
/// <param name="Kind">The neutral family the type belongs to.</param>
/// <param name="Text">The canonical type text (PostgreSQL spelling, e.g. <c>character varying(40)</c>, <c>integer[]</c>).</param>
/// <param name="Length">Length of string or bit types, when given.</param>
/// <param name="Precision">Precision of decimal types, or fractional-second precision of time types.</param>
/// <param name="Scale">Scale of decimal types.</param>
/// <param name="WithTimeZone">True for <c>timestamptz</c> and <c>timetz</c>.</param>
/// <param name="UserType">The referenced enum, domain or composite type, when the type is user defined.</param>
/// <param name="ArrayDimensions">Number of array dimensions (0 for a scalar).</param>
public sealed record DataType(
    TypeKind Kind,
    string Text,
    int? Length = null,
    int? Precision = null,
    int? Scale = null,
    bool WithTimeZone = false,
    QualifiedName? UserType = null,
    int ArrayDimensions = 0)
{
    public override string ToString() => Text;
}
