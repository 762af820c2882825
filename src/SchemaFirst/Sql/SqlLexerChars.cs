namespace SchemaFirst.Sql;

/// <summary>
/// Represents the character classes shared by the statement reader and the lexer.
/// </summary>
internal static class SqlLexerChars
{
    public static bool IsIdentStart(char c) => SqlLexer.IsIdentStart(c);

    public static bool IsIdentPart(char c) => SqlLexer.IsIdentPart(c);
}
