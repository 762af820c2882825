namespace SchemaFirst.Sql;

/// <summary>
/// Reads the tokens of one statement in a single pass over its text, for PostgreSQL and the dialects that share its
/// lexical rules (SQLite): identifiers, strings (plain, E'',
/// U&amp;'', B'', X''), dollar quotes with tags, nested block comments, numbers and operators. Comments are skipped.
/// The statement reader has already checked that strings and comments are terminated.
/// </summary>
internal static class SqlLexer
{
    /// <param name="text">The statement.</param>
    /// <param name="quotes">The ways the dialect quotes identifiers besides double quotes (SQLite: [name] and `name`).</param>
    public static List<Token> Tokenize(string text, IdentifierQuotes quotes = IdentifierQuotes.Double)
    {
        var tokens = new List<Token>(Math.Max(16, text.Length / 5));
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
            {
                i++;
                continue;
            }
            var start = i;
            if (c == '-' && i + 1 < n && text[i + 1] == '-')
            {
                while (i < n && text[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < n && text[i + 1] == '*')
            {
                i = SkipBlockComment(text, i);
                continue;
            }
            if (IsIdentStart(c))
            {
                // String prefixes: E'..', B'..', X'..', N'..', U&'..' and U&"..".
                if (i + 1 < n && text[i + 1] == '\'' && (c is 'e' or 'E' or 'b' or 'B' or 'x' or 'X' or 'n' or 'N'))
                {
                    i = SkipString(text, i + 1, backslashEscapes: c is 'e' or 'E');
                    tokens.Add(new Token(TokenKind.String, start, i - start));
                    continue;
                }
                if ((c is 'u' or 'U') && i + 2 < n && text[i + 1] == '&' && text[i + 2] is '\'' or '"')
                {
                    var quoted = text[i + 2] == '"';
                    i = quoted ? SkipQuotedIdentifier(text, i + 2) : SkipString(text, i + 2, backslashEscapes: false);
                    tokens.Add(new Token(quoted ? TokenKind.QuotedIdentifier : TokenKind.String, start, i - start));
                    continue;
                }
                i++;
                while (i < n && IsIdentPart(text[i])) i++;
                tokens.Add(new Token(TokenKind.Word, start, i - start));
                continue;
            }
            switch (c)
            {
                case '\'':
                    i = SkipString(text, i, backslashEscapes: (quotes & IdentifierQuotes.BackslashStrings) != 0);
                    tokens.Add(new Token(TokenKind.String, start, i - start));
                    continue;
                case '"':
                    i = SkipQuotedIdentifier(text, i);
                    tokens.Add(new Token(TokenKind.QuotedIdentifier, start, i - start));
                    continue;
                case '$':
                    if (i + 1 < n && char.IsAsciiDigit(text[i + 1]))
                    {
                        i++;
                        while (i < n && char.IsAsciiDigit(text[i])) i++;
                        tokens.Add(new Token(TokenKind.Parameter, start, i - start));
                        continue;
                    }
                    var tagEnd = DollarTagEnd(text, i);
                    if (tagEnd > 0)
                    {
                        var tag = text.AsSpan(i, tagEnd - i);
                        var close = text.AsSpan(tagEnd).IndexOf(tag, StringComparison.Ordinal);
                        i = close < 0 ? n : tagEnd + close + tag.Length;
                        tokens.Add(new Token(TokenKind.String, start, i - start));
                        continue;
                    }
                    i++;
                    tokens.Add(new Token(TokenKind.Operator, start, 1));
                    continue;
                case '(':
                    tokens.Add(new Token(TokenKind.LParen, i++, 1));
                    continue;
                case ')':
                    tokens.Add(new Token(TokenKind.RParen, i++, 1));
                    continue;
                case '[' when (quotes & IdentifierQuotes.Brackets) != 0:
                    {
                        // A doubled ] inside is one ] of the name.
                        var close = text.IndexOf(']', i + 1);
                        while (close >= 0 && close + 1 < n && text[close + 1] == ']') close = text.IndexOf(']', close + 2);
                        i = close < 0 ? n : close + 1;
                        tokens.Add(new Token(TokenKind.QuotedIdentifier, start, i - start));
                        continue;
                    }
                case '`' when (quotes & IdentifierQuotes.Backticks) != 0:
                    {
                        // A doubled backtick inside is one backtick of the name.
                        var close = text.IndexOf('`', i + 1);
                        while (close >= 0 && close + 1 < n && text[close + 1] == '`') close = text.IndexOf('`', close + 2);
                        i = close < 0 ? n : close + 1;
                        tokens.Add(new Token(TokenKind.QuotedIdentifier, start, i - start));
                        continue;
                    }
                case '[':
                    tokens.Add(new Token(TokenKind.LBracket, i++, 1));
                    continue;
                case ']':
                    tokens.Add(new Token(TokenKind.RBracket, i++, 1));
                    continue;
                case ',':
                    tokens.Add(new Token(TokenKind.Comma, i++, 1));
                    continue;
                case ';':
                    tokens.Add(new Token(TokenKind.Semicolon, i++, 1));
                    continue;
                case ':':
                    if (i + 1 < n && text[i + 1] == ':')
                    {
                        tokens.Add(new Token(TokenKind.DoubleColon, i, 2));
                        i += 2;
                    }
                    else if (i + 1 < n && text[i + 1] == '=')
                    {
                        tokens.Add(new Token(TokenKind.Operator, i, 2));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(new Token(TokenKind.Colon, i++, 1));
                    }
                    continue;
                case '.':
                    if (i + 1 < n && char.IsAsciiDigit(text[i + 1]))
                    {
                        i = SkipNumber(text, i);
                        tokens.Add(new Token(TokenKind.Number, start, i - start));
                        continue;
                    }
                    tokens.Add(new Token(TokenKind.Dot, i++, 1));
                    continue;
            }
            if (char.IsAsciiDigit(c))
            {
                i = SkipNumber(text, i);
                tokens.Add(new Token(TokenKind.Number, start, i - start));
                continue;
            }
            if (IsOperatorChar(c))
            {
                i = ScanOperator(text, i, (quotes & IdentifierQuotes.Backticks) != 0);
                tokens.Add(new Token(TokenKind.Operator, start, i - start));
                continue;
            }
            // Anything else (a stray character) becomes a one-character operator; the parser reports it in context.
            tokens.Add(new Token(TokenKind.Operator, i++, 1));
        }
        return tokens;
    }

    public static bool IsIdentStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' || c >= '\u0080';

    public static bool IsIdentPart(char c) => IsIdentStart(c) || char.IsAsciiDigit(c) || c == '$';

    public static bool IsOperatorChar(char c) => c is '+' or '-' or '*' or '/' or '<' or '>' or '=' or '~' or '!' or '@' or '#' or '%' or '^' or '&' or '|' or '`' or '?';

    /// <summary>Returns the index just past the closing <c>$</c> of a dollar-quote tag starting at <paramref name="i"/>, or -1.</summary>
    public static int DollarTagEnd(string text, int i)
    {
        var j = i + 1;
        if (j < text.Length && text[j] == '$') return j + 1;
        if (j >= text.Length || !(IsIdentStart(text[j]))) return -1;
        j++;
        while (j < text.Length && (IsIdentStart(text[j]) || char.IsAsciiDigit(text[j]))) j++;
        return j < text.Length && text[j] == '$' ? j + 1 : -1;
    }

    private static int SkipBlockComment(string text, int i)
    {
        var depth = 0;
        var n = text.Length;
        while (i < n)
        {
            if (text[i] == '/' && i + 1 < n && text[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && i + 1 < n && text[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0) return i;
            }
            else
            {
                i++;
            }
        }
        return n;
    }

    private static int SkipString(string text, int i, bool backslashEscapes)
    {
        var n = text.Length;
        i++;
        while (i < n)
        {
            var c = text[i];
            if (backslashEscapes && c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == '\'')
            {
                if (i + 1 < n && text[i + 1] == '\'')
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static int SkipQuotedIdentifier(string text, int i)
    {
        var n = text.Length;
        i++;
        while (i < n)
        {
            if (text[i] == '"')
            {
                if (i + 1 < n && text[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static int SkipNumber(string text, int i)
    {
        var n = text.Length;
        if (text[i] == '0' && i + 1 < n && text[i + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            i += 2;
            while (i < n && (char.IsAsciiHexDigit(text[i]) || text[i] == '_')) i++;
            return i;
        }
        while (i < n && (char.IsAsciiDigit(text[i]) || text[i] == '_')) i++;
        if (i < n && text[i] == '.' && !(i + 1 < n && text[i + 1] == '.'))
        {
            i++;
            while (i < n && char.IsAsciiDigit(text[i])) i++;
        }
        if (i < n && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < n && text[j] is '+' or '-') j++;
            if (j < n && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < n && char.IsAsciiDigit(text[i])) i++;
            }
        }
        return i;
    }

    /// <param name="backticks">Backticks quote names in this dialect: one ends the operator (DEFINER=`root`@`host`).</param>
    private static int ScanOperator(string text, int i, bool backticks)
    {
        var start = i;
        var n = text.Length;
        while (i < n && IsOperatorChar(text[i]))
        {
            if (backticks && text[i] == '`' && i > start) break;
            // A comment start ends the operator.
            if (i > start && ((text[i] == '-' && i + 1 < n && text[i + 1] == '-') || (text[i] == '/' && i + 1 < n && text[i + 1] == '*'))) break;
            i++;
        }
        // PostgreSQL: a multi-character operator cannot end in + or - unless it holds one of ~ ! @ # % ^ & | ` ?
        if (i - start > 1 && text[i - 1] is '+' or '-')
        {
            var special = false;
            for (var k = start; k < i; k++)
            {
                if (text[k] is '~' or '!' or '@' or '#' or '%' or '^' or '&' or '|' or '`' or '?')
                {
                    special = true;
                    break;
                }
            }
            if (!special)
            {
                while (i - start > 1 && text[i - 1] is '+' or '-') i--;
            }
        }
        return i;
    }
}
