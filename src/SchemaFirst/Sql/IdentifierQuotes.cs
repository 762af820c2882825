namespace SchemaFirst.Sql;

/// <summary>
/// Represents the characters a dialect quotes identifiers with. Double quotes (the SQL standard) are always read.
/// </summary>
[Flags]
public enum IdentifierQuotes
{
    Double = 0,
    Brackets = 1,
    Backticks = 2,
}
