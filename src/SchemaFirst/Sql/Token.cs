namespace SchemaFirst.Sql;

/// <summary>
/// Represents one token as a span of its statement's text.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
