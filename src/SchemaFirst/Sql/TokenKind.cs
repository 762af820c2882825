namespace SchemaFirst.Sql;

/// <summary>
/// Represents the kind of a SQL token.
/// </summary>
internal enum TokenKind
{
    Word,
    QuotedIdentifier,
    String,
    Number,
    Operator,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    DoubleColon,
    Colon,
    Semicolon,
    Parameter,
    Eof,
}
