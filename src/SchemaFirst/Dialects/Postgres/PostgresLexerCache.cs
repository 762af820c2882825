namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Gives a sub-cursor access to the token list of the cursor it was cut from.
/// </summary>
internal static class PostgresLexerCache
{
    public static List<Token> Tokens(TokenCursor c) => c.TokenList;
}
