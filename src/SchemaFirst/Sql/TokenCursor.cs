using System.Text;

namespace SchemaFirst.Sql;

/// <summary>
/// Represents a position in the tokens of one statement, with the small vocabulary the statement parsers are written in.
/// Expressions are never parsed recursively: they are captured as balanced token ranges, so deeply nested input
/// cannot overflow the stack.
/// </summary>
internal sealed class TokenCursor
{
    private readonly List<Token> _tokens;

    public TokenCursor(string text, List<Token> tokens, int start = 0, int end = -1, bool foldCase = true)
    {
        Text = text;
        _tokens = tokens;
        Pos = start;
        End = end < 0 ? tokens.Count : end;
        FoldsCase = foldCase;
    }

    /// <summary>PostgreSQL folds unquoted identifiers to lower case; SQLite keeps them as written.</summary>
    public bool FoldsCase { get; }

    public string Text { get; }

    public List<Token> TokenList => _tokens;

    public int Pos { get; set; }

    public int End { get; }

    public bool AtEnd => Pos >= End || _tokens[Pos].Kind == TokenKind.Semicolon;

    public Token this[int index] => _tokens[index];

    public Token Current => Pos < End ? _tokens[Pos] : new Token(TokenKind.Eof, Text.Length, 0);

    public TokenKind Kind(int ahead = 0) => Pos + ahead < End ? _tokens[Pos + ahead].Kind : TokenKind.Eof;

    public ReadOnlySpan<char> Span(Token t) => Text.AsSpan(t.Start, t.Length);

    public string TextOf(Token t) => Text.Substring(t.Start, t.Length);

    public bool IsWord(string word) => IsWordAt(Pos, word);

    public bool IsWord(int ahead, string word) => IsWordAt(Pos + ahead, word);

    public bool IsWordAt(int index, string word)
    {
        if (index >= End) return false;
        var t = _tokens[index];
        return t.Kind == TokenKind.Word && t.Length == word.Length && Text.AsSpan(t.Start, t.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    public bool IsAnyWordAt(int index, params ReadOnlySpan<string> words)
    {
        foreach (var w in words)
        {
            if (IsWordAt(index, w)) return true;
        }
        return false;
    }

    public bool IsAnyWord(params ReadOnlySpan<string> words)
    {
        foreach (var w in words)
        {
            if (IsWord(w)) return true;
        }
        return false;
    }

    public bool Is(TokenKind kind) => Kind() == kind;

    public bool IsOperator(string op) => Kind() == TokenKind.Operator && Span(Current).SequenceEqual(op);

    public bool Accept(TokenKind kind)
    {
        if (Kind() != kind) return false;
        Pos++;
        return true;
    }

    public bool Accept(string word)
    {
        if (!IsWord(word)) return false;
        Pos++;
        return true;
    }

    /// <summary>Accepts a sequence of words only if all of them follow.</summary>
    public bool Accept(string w1, string w2)
    {
        if (!IsWord(w1) || !IsWord(1, w2)) return false;
        Pos += 2;
        return true;
    }

    public bool Accept(string w1, string w2, string w3)
    {
        if (!IsWord(w1) || !IsWord(1, w2) || !IsWord(2, w3)) return false;
        Pos += 3;
        return true;
    }

    public void Expect(string word)
    {
        if (!Accept(word)) throw Error($"expected {word.ToUpperInvariant()}");
    }

    public void Expect(TokenKind kind)
    {
        if (!Accept(kind)) throw Error($"expected {Describe(kind)}");
    }

    public void ExpectEnd()
    {
        if (!AtEnd) throw Error("unexpected text at the end of the statement");
    }

    public ParseException Error(string message, string? help = null)
    {
        var found = AtEnd ? "end of statement" : $"'{Truncate(TextOf(Current))}'";
        return new ParseException(Math.Min(Pos, Math.Max(0, End - 1)), $"{message}, found {found}", help);
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "..." : s;

    private static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.LParen => "'('",
        TokenKind.RParen => "')'",
        TokenKind.Comma => "','",
        TokenKind.Dot => "'.'",
        TokenKind.String => "a string literal",
        TokenKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public bool IsIdentifier() => Kind() is TokenKind.Word or TokenKind.QuotedIdentifier;

    /// <summary>Reads an identifier, folding an unquoted one to lower case as PostgreSQL does.</summary>
    public string ExpectIdentifier(string what = "a name")
    {
        if (!IsIdentifier()) throw Error($"expected {what}");
        return IdentifierValue(_tokens[Pos++]);
    }

    public string IdentifierValue(Token t)
    {
        if (t.Kind == TokenKind.QuotedIdentifier)
        {
            var s = Text.AsSpan(t.Start, t.Length);
            if (s.StartsWith("U&", StringComparison.OrdinalIgnoreCase)) s = s[2..];
            // An identifier whose closing quote never came runs to the end of the text.
            var inner = Unclosed(s) ? s[1..] : s[1..^1];
            if (s[0] == '[') return inner.ToString().Replace("]]", "]", StringComparison.Ordinal);
            if (s[0] == '`') return inner.ToString().Replace("``", "`", StringComparison.Ordinal);
            return inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
        }
        return FoldsCase ? FoldCase(Text.AsSpan(t.Start, t.Length)) : Text.Substring(t.Start, t.Length);
    }

    /// <summary>Whether a quoted token lacks its closing quote (the lexer lets an unterminated one run to the end).</summary>
    internal static bool Unclosed(ReadOnlySpan<char> quoted)
    {
        if (quoted.Length < 2) return true;
        var close = quoted[0] switch { '[' => ']', _ => quoted[0] };
        if (quoted[^1] != close) return true;
        // 'it''s' ends in a quote that is doubled only when the quotes before it pair up.
        var run = 0;
        for (var i = quoted.Length - 1; i > 0 && quoted[i] == close; i--) run++;
        return close != ']' && run % 2 == 0;
    }

    public static string FoldCase(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is >= 'A' and <= 'Z') return string.Create(word.Length, word.ToString(), static (dst, src) =>
            {
                for (var i = 0; i < src.Length; i++) dst[i] = src[i] is >= 'A' and <= 'Z' ? (char)(src[i] + 32) : src[i];
            });
        }
        return word.ToString();
    }

    /// <summary>Reads a possibly qualified name as its parts (1 to 3).</summary>
    public List<string> ExpectNameParts(string what = "a name")
    {
        var parts = new List<string> { ExpectIdentifier(what) };
        while (Kind() == TokenKind.Dot && Kind(1) is TokenKind.Word or TokenKind.QuotedIdentifier)
        {
            Pos++;
            parts.Add(IdentifierValue(_tokens[Pos++]));
        }
        return parts;
    }

    public string ExpectString(string what = "a string literal")
    {
        if (Kind() != TokenKind.String) throw Error($"expected {what}");
        return StringValue(_tokens[Pos++]);
    }

    /// <summary>The value of a string literal token: '' unescaped; E'' backslash escapes decoded; dollar quotes stripped.</summary>
    public string StringValue(Token t)
    {
        var s = Text.AsSpan(t.Start, t.Length);
        if (s[0] == '$')
        {
            var tagEnd = s[1..].IndexOf('$') + 2;
            // A dollar quote whose closing tag never came runs to the end of the text.
            if (tagEnd < 2 || s.Length < 2 * tagEnd || !s.EndsWith(s[..tagEnd])) return tagEnd < 2 ? s[1..].ToString() : s[tagEnd..].ToString();
            return s[tagEnd..^tagEnd].ToString();
        }
        var escapes = s[0] is 'e' or 'E';
        if (s[0] != '\'') s = s[(s.IndexOf('\'') ) ..];
        // A string whose closing quote never came runs to the end of the text.
        var body = Unclosed(s) ? s[1..] : s[1..^1];
        if (!escapes) return body.ToString().Replace("''", "'", StringComparison.Ordinal);
        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\'' && i + 1 < body.Length && body[i + 1] == '\'')
            {
                sb.Append('\'');
                i++;
            }
            else if (c == '\\' && i + 1 < body.Length)
            {
                var e = body[++i];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e });
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>At '(' : moves past the matching ')' and returns the index of the ')'. Iterative, no recursion.</summary>
    public int SkipParens()
    {
        if (Kind() != TokenKind.LParen) throw Error("expected '('");
        var depth = 0;
        while (Pos < End)
        {
            var k = _tokens[Pos].Kind;
            if (k is TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (k is TokenKind.RParen or TokenKind.RBracket)
            {
                depth--;
                if (depth == 0)
                {
                    return Pos++;
                }
            }
            Pos++;
        }
        throw new ParseException(End - 1, "unbalanced parentheses: a '(' is never closed", "check the parentheses of this statement");
    }

    /// <summary>Captures a parenthesized group; returns the range strictly inside it.</summary>
    public (int Start, int End) CaptureParens()
    {
        var open = Pos;
        var close = SkipParens();
        return (open + 1, close);
    }

    /// <summary>
    /// Captures tokens until, at parenthesis depth 0, a comma, a ')' or a word in <paramref name="stopWords"/> comes
    /// (the first token is always taken).
    /// </summary>
    public (int Start, int End) CaptureUntil(Func<TokenCursor, bool> stop, bool stopAtComma = true)
    {
        var start = Pos;
        var depth = 0;
        while (Pos < End)
        {
            var k = _tokens[Pos].Kind;
            if (depth == 0 && Pos > start)
            {
                if (k == TokenKind.RParen || k == TokenKind.Semicolon || (stopAtComma && k == TokenKind.Comma) || stop(this)) break;
            }
            else if (depth == 0 && k is TokenKind.RParen or TokenKind.Semicolon) break;
            // CASE ... END nests like parentheses: ELSE NULL inside it is no NULL constraint.
            if (k is TokenKind.LParen or TokenKind.LBracket || (k == TokenKind.Word && IsWord("case"))) depth++;
            else if (k is TokenKind.RParen or TokenKind.RBracket || (k == TokenKind.Word && depth > 0 && IsWord("end"))) depth--;
            Pos++;
        }
        if (depth > 0) throw new ParseException(End - 1, "unbalanced parentheses: a '(' is never closed", "check the parentheses of this statement");
        if (Pos == start) throw Error("expected an expression");
        return (start, Pos);
    }

    /// <summary>A cursor over a range of the same tokens, folding case the same way.</summary>
    public TokenCursor Sub(int start, int end) => new(Text, _tokens, start, end, FoldsCase);

    /// <summary>At '(' : the normalized text of the parenthesized group, parentheses included.</summary>
    public string NormalizeParenthesized()
    {
        var start = Pos;
        SkipParens();
        return Normalize((start, Pos), stripOuterParens: false);
    }

    /// <summary>Splits a range at top-level commas.</summary>
    public List<(int Start, int End)> SplitTopLevel(int start, int end)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var from = start;
        for (var i = start; i < end; i++)
        {
            var k = _tokens[i].Kind;
            if (k is TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (k is TokenKind.RParen or TokenKind.RBracket) depth--;
            else if (k == TokenKind.Comma && depth == 0)
            {
                parts.Add((from, i));
                from = i + 1;
            }
        }
        if (from < end) parts.Add((from, end));
        return parts;
    }

    /// <summary>The verbatim source text of a token range.</summary>
    public string Raw(int start, int end)
    {
        // A reader that stepped past the last token asks for what is there.
        end = Math.Min(end, _tokens.Count);
        if (end <= start) return string.Empty;
        return Text[_tokens[start].Start.._tokens[end - 1].End];
    }

    public string Normalize((int Start, int End) range, bool stripOuterParens = true) =>
        SqlNormalizer.Normalize(Text, _tokens, range.Start, range.End, stripOuterParens);

    public int Offset(int tokenIndex) => tokenIndex < End && tokenIndex < _tokens.Count ? _tokens[tokenIndex].Start : Text.Length;
}
