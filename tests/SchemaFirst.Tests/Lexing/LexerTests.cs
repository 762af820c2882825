using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Sql;

namespace SchemaFirst.Tests.Lexing;

public class LexerTests
{
    private static List<(TokenKind Kind, string Text)> Lex(string sql) =>
        SqlLexer.Tokenize(sql).Select(t => (t.Kind, sql.Substring(t.Start, t.Length))).ToList();

    [Theory]
    [InlineData("'it''s'", "String", "'it''s'")]
    [InlineData("E'a\\'b'", "String", "E'a\\'b'")]
    [InlineData("U&'d\\0061t'", "String", "U&'d\\0061t'")]
    [InlineData("B'1010'", "String", "B'1010'")]
    [InlineData("X'1F'", "String", "X'1F'")]
    [InlineData("$$a;b$$", "String", "$$a;b$$")]
    [InlineData("$fn$ select $$x$$; $fn$", "String", "$fn$ select $$x$$; $fn$")]
    [InlineData("\"Mixed \"\"Case\"\"\"", "QuotedIdentifier", "\"Mixed \"\"Case\"\"\"")]
    [InlineData("U&\"d\\0061t\"", "QuotedIdentifier", "U&\"d\\0061t\"")]
    [InlineData("1.5e-3", "Number", "1.5e-3")]
    [InlineData(".5", "Number", ".5")]
    [InlineData("$1", "Parameter", "$1")]
    [InlineData("café_2$x", "Word", "café_2$x")]
    public void Single_tokens_are_read_whole(string sql, string kind, string text)
    {
        var tokens = Lex(sql);
        Assert.Equal([(Enum.Parse<TokenKind>(kind), text)], tokens);
    }

    [Theory]
    [InlineData("`back``tick;--x`", "back`tick;--x")]
    [InlineData("[close]]bracket;/*]", "close]bracket;/*")]
    [InlineData("`a`", "a")]
    public void A_doubled_closing_quote_is_part_of_a_backtick_or_bracket_name(string sql, string name)
    {
        var tokens = SqlLexer.Tokenize(sql, IdentifierQuotes.Backticks | IdentifierQuotes.Brackets);
        Assert.Equal([(TokenKind.QuotedIdentifier, sql)], tokens.Select(t => (t.Kind, sql.Substring(t.Start, t.Length))));
        Assert.Equal(name, new TokenCursor(sql, tokens).IdentifierValue(tokens[0]));
    }

    [Fact]
    public void MySQL_strings_take_backslash_escapes_as_SHOW_CREATE_prints_them()
    {
        const string sql = "DEFAULT 'it\\'s; DROP TABLE x; --', 1";
        var tokens = SqlLexer.Tokenize(sql, IdentifierQuotes.Backticks | IdentifierQuotes.BackslashStrings);
        Assert.Equal(["DEFAULT", "'it\\'s; DROP TABLE x; --'", ",", "1"], tokens.Select(t => sql.Substring(t.Start, t.Length)));
    }

    [Fact]
    public void Comments_are_skipped_including_nested_block_comments()
    {
        var tokens = Lex("a /* outer /* inner */ still comment */ b -- line\n c");
        Assert.Equal(["a", "b", "c"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Operators_follow_postgres_rules_for_trailing_plus_and_minus()
    {
        Assert.Equal(["a", ">", "-", "1"], Lex("a>-1").Select(t => t.Text));
        Assert.Equal(["x", "@-", "y"], Lex("x@-y").Select(t => t.Text));
        Assert.Equal(["a", "::", "text"], Lex("a::text").Select(t => t.Text));
        Assert.Equal(["a", "<>", "b"], Lex("a<>b").Select(t => t.Text));
    }

    [Fact]
    public void A_comment_start_ends_an_operator()
    {
        Assert.Equal(["a", "=", "b"], Lex("a =--comment\n b").Select(t => t.Text));
    }

    [Fact]
    public void Dollar_sign_inside_identifier_is_not_a_dollar_quote()
    {
        Assert.Equal([(TokenKind.Word, "a$b"), (TokenKind.Operator, "+"), (TokenKind.Word, "c")], Lex("a$b + c"));
    }

    [Fact]
    public void Normalizer_is_idempotent_and_folds_case()
    {
        var once = SqlNormalizer.NormalizeText("( LOWER( \"Email\" )  ||  'X' ) ");
        Assert.Equal("lower(\"Email\") || 'X'", once);
        Assert.Equal(once, SqlNormalizer.NormalizeText(once));
        Assert.Equal("-1", SqlNormalizer.NormalizeText("- 1"));
        Assert.Equal("a - 1", SqlNormalizer.NormalizeText("a-1"));
        Assert.Equal("x in (1, 2)", SqlNormalizer.NormalizeText("X IN(1,2)"));
        Assert.Equal("\"user\".id", SqlNormalizer.NormalizeText("\"user\".\"id\""));
    }
}
