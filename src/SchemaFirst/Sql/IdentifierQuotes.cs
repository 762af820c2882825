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

    /// <summary>Not a quote: strings take backslash escapes ('it\'s'), as MySQL's do and its SHOW CREATE prints them.</summary>
    BackslashStrings = 4,
}
