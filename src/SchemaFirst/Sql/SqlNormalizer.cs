using System.Collections.Frozen;
using System.Text;
using SchemaFirst.Model;

namespace SchemaFirst.Sql;

/// <summary>
/// Writes a token range as canonical SQL text: unquoted words folded to lower case, quotes kept only where needed,
/// single spaces by fixed rules, comments dropped, redundant outer parentheses removed. The result depends only on
/// the tokens, so normalizing it again gives the same text.
/// </summary>
internal static class SqlNormalizer
{
    private static readonly FrozenSet<string> SpacedBeforeParen = new[]
    {
        "and", "or", "not", "in", "as", "exists", "any", "all", "some", "between", "when", "then", "else", "case", "is",
        "like", "ilike", "values", "select", "from", "where", "on", "using", "over", "filter", "within", "returning",
        "join", "distinct", "by", "with", "union", "intersect", "except", "lateral", "having", "group", "order",
        "partition", "to", "into", "set", "for", "of", "return", "check", "default", "similar", "escape", "array_dummy",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> UnaryAfter = new[]
    {
        "and", "or", "not", "then", "else", "when", "case", "return", "select", "in", "is", "between", "like", "ilike",
        "values", "where", "on", "by", "default", "as", "array", "to", "set",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Normalize(string text, List<Token> tokens, int start, int end, bool stripOuterParens)
    {
        // A reader that stepped past its last token asks for an empty range.
        end = Math.Min(end, tokens.Count);
        start = Math.Min(start, end);
        if (stripOuterParens)
        {
            while (end - start >= 2 && tokens[start].Kind == TokenKind.LParen && MatchingParen(tokens, start, end) == end - 1)
            {
                start++;
                end--;
            }
        }
        var sb = new StringBuilder((tokens.Count > 0 && end > start ? tokens[end - 1].End - tokens[start].Start : 0) + 8);
        var prevKind = TokenKind.Eof;
        string? prevWord = null;
        var unaryPending = false;
        for (var i = start; i < end; i++)
        {
            var t = tokens[i];
            if (sb.Length > 0 && !unaryPending && NeedsSpace(prevKind, prevWord, t.Kind)) sb.Append(' ');
            unaryPending = false;
            string? word = null;
            switch (t.Kind)
            {
                case TokenKind.Word:
                    word = TokenCursor.FoldCase(text.AsSpan(t.Start, t.Length));
                    sb.Append(word);
                    break;
                case TokenKind.QuotedIdentifier:
                    var raw = text.AsSpan(t.Start, t.Length);
                    if (raw[0] == '"')
                    {
                        var value = (TokenCursor.Unclosed(raw) ? raw[1..] : raw[1..^1]).ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
                        sb.Append(CanonicalIdentifier.Quote(value));
                    }
                    else
                    {
                        sb.Append(raw);
                    }
                    break;
                case TokenKind.Operator:
                    var op = text.AsSpan(t.Start, t.Length);
                    sb.Append(op);
                    if (op is "-" or "+" && IsUnaryPosition(prevKind, prevWord) && i + 1 < end && tokens[i + 1].Kind is TokenKind.Number or TokenKind.Word or TokenKind.LParen or TokenKind.QuotedIdentifier)
                    {
                        unaryPending = true;
                    }
                    break;
                default:
                    sb.Append(text.AsSpan(t.Start, t.Length));
                    break;
            }
            prevKind = t.Kind;
            prevWord = word;
        }
        return sb.ToString();
    }

    private static bool IsUnaryPosition(TokenKind prev, string? prevWord) =>
        prev is TokenKind.Eof or TokenKind.Operator or TokenKind.LParen or TokenKind.Comma or TokenKind.LBracket or TokenKind.DoubleColon
        || (prev == TokenKind.Word && prevWord != null && UnaryAfter.Contains(prevWord));

    private static bool NeedsSpace(TokenKind prev, string? prevWord, TokenKind cur)
    {
        if (prev is TokenKind.LParen or TokenKind.LBracket or TokenKind.Dot or TokenKind.DoubleColon) return false;
        if (cur is TokenKind.RParen or TokenKind.RBracket or TokenKind.Comma or TokenKind.Dot or TokenKind.DoubleColon or TokenKind.LBracket or TokenKind.Semicolon) return false;
        if (cur == TokenKind.LParen)
        {
            if (prev == TokenKind.QuotedIdentifier) return false;
            if (prev == TokenKind.Word) return prevWord != null && SpacedBeforeParen.Contains(prevWord);
        }
        if (prev == TokenKind.Colon || cur == TokenKind.Colon) return false;
        return true;
    }

    public static int MatchingParen(List<Token> tokens, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            var k = tokens[i].Kind;
            if (k is TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (k is TokenKind.RParen or TokenKind.RBracket)
            {
                depth--;
                if (depth == 0) return i;
            }
        }
        return -1;
    }

    /// <summary>Normalizes a piece of SQL text (lexes it first).</summary>
    public static string NormalizeText(string sql, bool stripOuterParens = true)
    {
        var tokens = SqlLexer.Tokenize(sql);
        return Normalize(sql, tokens, 0, tokens.Count, stripOuterParens);
    }
}
