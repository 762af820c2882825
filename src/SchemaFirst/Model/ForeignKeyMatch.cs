namespace SchemaFirst.Model;

/// <summary>
/// Represents the MATCH type of a foreign key.
/// </summary>
public enum ForeignKeyMatch
{
    Simple,
    Full,
    Partial,
}
