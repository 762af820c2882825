namespace SchemaFirst.Audit.Extraction;

/// <summary>One character of a decoded literal with its place in the source, or a part built at run time.</summary>
internal readonly record struct Piece(char Char, int Source, bool Hole = false, int HoleEnd = 0);

internal enum CodeKind
{
    Literal,
    Concat,
    Word,
    Open,
    Close,
    Other,
}

/// <summary>Represents one token of application code, as much as extraction needs: literals decoded, the rest coarse.</summary>
internal sealed class CodeToken(CodeKind kind, int start, int end)
{
    public CodeKind Kind { get; } = kind;

    public int Start { get; } = start;

    public int End { get; set; } = end;

    public List<Piece>? Pieces { get; set; }

    /// <summary>A tagged template (sql`...`): each ${} is one value the tag binds as a parameter.</summary>
    public bool Tagged { get; set; }
}

/// <summary>The languages whose string literals the shared lexer reads (C# goes through Roslyn).</summary>
internal enum CodeLanguage
{
    Java,
    Kotlin,
    Go,
    JavaScript,
    Python,
    Ruby,
    Php,
}

/// <summary>
/// A literal lexer for the languages that share C's shape of strings and comments, each with its own string forms:
/// Java text blocks, Kotlin raw strings and templates, Go raw strings, JavaScript/TypeScript template literals (tagged
/// or not), Python prefixes, triple quotes and f-strings, Ruby interpolation, %q/%Q and heredocs, PHP interpolation,
/// heredocs and nowdocs. Comments and regular expression literals are skipped so their quotes do not start strings.
/// Escapes are decoded; interpolated expressions become holes.
/// </summary>
internal sealed class CodeLexer
{
    private readonly string _t;
    private readonly CodeLanguage _lang;
    private readonly List<CodeToken> _tokens = [];
    private readonly Queue<(CodeToken Token, string Id, bool Squiggly, bool Interpolate)> _heredocs = new();
    private int _i;

    private CodeLexer(string text, CodeLanguage lang)
    {
        _t = text;
        _lang = lang;
    }

    public static List<CodeToken> Tokenize(string text, CodeLanguage lang)
    {
        var lexer = new CodeLexer(text, lang);
        lexer.Run();
        return lexer._tokens;
    }

    private char At(int i) => i < _t.Length ? _t[i] : '\0';

    private void Run()
    {
        var n = _t.Length;
        var lineStart = true;
        while (_i < n)
        {
            var c = _t[_i];
            if (c == '\n')
            {
                _i++;
                if (_heredocs.Count > 0) ReadHeredocBodies();
                lineStart = true;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                _i++;
                continue;
            }
            // A backslash line continuation (Python, Ruby): adjacent literals on two lines still join.
            if (c == '\\' && _lang is CodeLanguage.Python or CodeLanguage.Ruby && (At(_i + 1) == '\n' || At(_i + 1) == '\r' && At(_i + 2) == '\n'))
            {
                _i += At(_i + 1) == '\r' ? 3 : 2;
                continue;
            }
            var atLineStart = lineStart;
            lineStart = false;
            if (LineComment(c))
            {
                while (_i < n && _t[_i] != '\n') _i++;
                continue;
            }
            if (c == '/' && At(_i + 1) == '*' && _lang != CodeLanguage.Python && _lang != CodeLanguage.Ruby)
            {
                SkipBlockComment();
                continue;
            }
            if (_lang == CodeLanguage.Ruby && atLineStart && string.CompareOrdinal(_t, _i, "=begin", 0, 6) == 0)
            {
                var end = _t.IndexOf("\n=end", _i, StringComparison.Ordinal);
                _i = end < 0 ? n : end + 5;
                continue;
            }
            if (TryString()) continue;
            var start = _i;
            if (char.IsLetterOrDigit(c) || c is '_' or '$' || c == '@' && _lang == CodeLanguage.Ruby)
            {
                _i++;
                while (_i < n && (char.IsLetterOrDigit(_t[_i]) || _t[_i] is '_' || _t[_i] == '$' && _lang is CodeLanguage.JavaScript or CodeLanguage.Php)) _i++;
                if (_lang == CodeLanguage.Ruby && _i < n && _t[_i] is '?' or '!' && At(_i + 1) != '=') _i++;
                _tokens.Add(new CodeToken(CodeKind.Word, start, _i));
                continue;
            }
            if (c is '(' or '[' or '{')
            {
                _i++;
                _tokens.Add(new CodeToken(CodeKind.Open, start, _i));
                continue;
            }
            if (c is ')' or ']' or '}')
            {
                _i++;
                _tokens.Add(new CodeToken(CodeKind.Close, start, _i));
                continue;
            }
            if (c == '/' && (_lang is CodeLanguage.JavaScript or CodeLanguage.Ruby) && RegexAllowed() && SkipRegex()) continue;
            var concat = _lang == CodeLanguage.Php ? '.' : '+';
            if (c == concat && At(_i + 1) != '=' && At(_i + 1) != concat && !(c == '.' && char.IsDigit(At(_i + 1))))
            {
                _i++;
                _tokens.Add(new CodeToken(CodeKind.Concat, start, _i));
                continue;
            }
            // Other punctuation: operators are read one character at a time, except those that join names (-> :: ?.).
            if (c == '-' && At(_i + 1) == '>' || c == ':' && At(_i + 1) == ':' || c == '?' && At(_i + 1) == '.')
            {
                _i += 2;
                _tokens.Add(new CodeToken(CodeKind.Other, start, _i));
                continue;
            }
            _i++;
            _tokens.Add(new CodeToken(CodeKind.Other, start, _i));
        }
    }

    private bool LineComment(char c) => _lang switch
    {
        CodeLanguage.Python or CodeLanguage.Ruby => c == '#',
        CodeLanguage.Php => c == '#' && At(_i + 1) != '[' || c == '/' && At(_i + 1) == '/',
        _ => c == '/' && At(_i + 1) == '/',
    };

    private void SkipBlockComment()
    {
        var depth = 0;
        var n = _t.Length;
        while (_i < n)
        {
            if (_t[_i] == '/' && At(_i + 1) == '*')
            {
                depth++;
                _i += 2;
                if (_lang != CodeLanguage.Kotlin) depth = 1;
                continue;
            }
            if (_t[_i] == '*' && At(_i + 1) == '/')
            {
                _i += 2;
                if (--depth <= 0) return;
                continue;
            }
            _i++;
        }
    }

    /// <summary>A '/' starts a regular expression where an operand is expected (not after a name, number or ')').</summary>
    private bool RegexAllowed()
    {
        if (_tokens.Count == 0) return true;
        var last = _tokens[^1];
        if (last.Kind == CodeKind.Word)
        {
            var word = _t[last.Start..last.End];
            return word is "return" or "typeof" or "case" or "in" or "of" or "when" or "if" or "unless" or "and" or "or" or "not";
        }
        return last.Kind is not (CodeKind.Close or CodeKind.Literal);
    }

    private bool SkipRegex()
    {
        var j = _i + 1;
        var inClass = false;
        while (j < _t.Length && _t[j] != '\n')
        {
            var ch = _t[j];
            if (ch == '\\') { j += 2; continue; }
            if (ch == '[') inClass = true;
            else if (ch == ']') inClass = false;
            else if (ch == '/' && !inClass)
            {
                j++;
                while (j < _t.Length && char.IsLetter(_t[j])) j++;
                _tokens.Add(new CodeToken(CodeKind.Other, _i, j));
                _i = j;
                return true;
            }
            j++;
        }
        return false;
    }

    private bool TryString()
    {
        var c = _t[_i];
        switch (_lang)
        {
            case CodeLanguage.Python:
                return PythonString();
            case CodeLanguage.Ruby:
                return RubyString();
            case CodeLanguage.Php:
                return PhpString();
        }
        if (c == '"')
        {
            if (At(_i + 1) == '"' && At(_i + 2) == '"' && _lang is CodeLanguage.Java or CodeLanguage.Kotlin)
            {
                // Java text block (escapes) or Kotlin raw string (templates, no escapes).
                Literal(_i, _i + 3, "\"\"\"", escapes: _lang == CodeLanguage.Java, _lang == CodeLanguage.Kotlin ? Interp.Kotlin : Interp.None);
                return true;
            }
            Literal(_i, _i + 1, "\"", escapes: true, _lang == CodeLanguage.Kotlin ? Interp.Kotlin : Interp.None);
            return true;
        }
        if (c == '\'')
        {
            if (_lang == CodeLanguage.JavaScript) Literal(_i, _i + 1, "'", escapes: true, Interp.None);
            else SkipCharLiteral();
            return true;
        }
        if (c == '`' && _lang is CodeLanguage.Go or CodeLanguage.JavaScript)
        {
            var tagged = _lang == CodeLanguage.JavaScript && _i > 0 && (char.IsLetterOrDigit(_t[_i - 1]) || _t[_i - 1] is '_' or '$' or ')');
            Literal(_i, _i + 1, "`", escapes: _lang == CodeLanguage.JavaScript, _lang == CodeLanguage.JavaScript ? Interp.DollarBrace : Interp.None);
            _tokens[^1].Tagged = tagged;
            return true;
        }
        return false;
    }

    private void SkipCharLiteral()
    {
        var j = _i + 1;
        while (j < _t.Length && _t[j] != '\'' && _t[j] != '\n') j += _t[j] == '\\' ? 2 : 1;
        _tokens.Add(new CodeToken(CodeKind.Other, _i, Math.Min(_t.Length, j + 1)));
        _i = Math.Min(_t.Length, j + 1);
    }

    private bool PythonString()
    {
        var j = _i;
        while (j < _t.Length && j - _i < 2 && _t[j] is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F') j++;
        if (j >= _t.Length || _t[j] is not ('\'' or '"')) return false;
        if (j > _i && _i > 0 && (char.IsLetterOrDigit(_t[_i - 1]) || _t[_i - 1] == '_')) return false;
        var prefix = _t[_i..j].ToLowerInvariant();
        var q = _t[j];
        var triple = At(j + 1) == q && At(j + 2) == q;
        var close = triple ? new string(q, 3) : q.ToString();
        Literal(_i, j + close.Length, close, escapes: !prefix.Contains('r'), prefix.Contains('f') ? Interp.PythonF : Interp.None);
        return true;
    }

    private bool RubyString()
    {
        var c = _t[_i];
        if (c == '"') { Literal(_i, _i + 1, "\"", escapes: true, Interp.Ruby); return true; }
        if (c == '\'') { Literal(_i, _i + 1, "'", escapes: false, Interp.None, singleQuoted: true); return true; }
        if (c == '%' && At(_i + 1) is 'q' or 'Q' or '(' or '{' or '[')
        {
            var kind = At(_i + 1);
            var open = kind is 'q' or 'Q' ? At(_i + 2) : kind;
            var closeChar = open switch { '(' => ')', '{' => '}', '[' => ']', '<' => '>', _ => open };
            if (!(open is '(' or '{' or '[' or '<' or '|' or '!' or '/')) return false;
            var bodyStart = _i + (kind is 'q' or 'Q' ? 3 : 2);
            Literal(_i, bodyStart, closeChar.ToString(), escapes: kind != 'q', kind == 'q' ? Interp.None : Interp.Ruby, singleQuoted: kind == 'q', nestOpen: open != closeChar ? open : '\0');
            return true;
        }
        if (c == '<' && At(_i + 1) == '<' && (At(_i + 2) is '~' or '-' || char.IsAsciiLetterUpper(At(_i + 2))))
        {
            var j = _i + 2;
            var squiggly = At(j) is '~' or '-';
            if (squiggly) j++;
            var quoted = At(j) is '\'' or '"';
            var quote = At(j);
            if (quoted) j++;
            var idStart = j;
            while (j < _t.Length && (char.IsLetterOrDigit(_t[j]) || _t[j] == '_')) j++;
            if (j == idStart) return false;
            var id = _t[idStart..j];
            if (quoted) j++;
            var token = new CodeToken(CodeKind.Literal, _i, j) { Pieces = [] };
            _tokens.Add(token);
            _heredocs.Enqueue((token, id, squiggly, !quoted || quote == '"'));
            _i = j;
            return true;
        }
        return false;
    }

    private bool PhpString()
    {
        var c = _t[_i];
        if (c == '"') { Literal(_i, _i + 1, "\"", escapes: true, Interp.Php); return true; }
        if (c == '\'') { Literal(_i, _i + 1, "'", escapes: false, Interp.None, singleQuoted: true); return true; }
        if (c == '<' && At(_i + 1) == '<' && At(_i + 2) == '<')
        {
            var j = _i + 3;
            while (At(j) is ' ' or '\t') j++;
            var quote = At(j) is '\'' or '"' ? At(j) : '\0';
            if (quote != '\0') j++;
            var idStart = j;
            while (j < _t.Length && (char.IsLetterOrDigit(_t[j]) || _t[j] == '_')) j++;
            if (j == idStart) return false;
            var id = _t[idStart..j];
            if (quote != '\0') j++;
            var token = new CodeToken(CodeKind.Literal, _i, j) { Pieces = [] };
            _tokens.Add(token);
            _heredocs.Enqueue((token, id, true, quote != '\''));
            _i = j;
            return true;
        }
        return false;
    }

    /// <summary>Reads the bodies of the heredocs opened on the line just ended, up to each terminator line.</summary>
    private void ReadHeredocBodies()
    {
        while (_heredocs.Count > 0)
        {
            var (token, id, indented, interpolate) = _heredocs.Dequeue();
            var pieces = token.Pieces!;
            var lineStart = _i;
            while (lineStart < _t.Length)
            {
                var lineEnd = _t.IndexOf('\n', lineStart);
                if (lineEnd < 0) lineEnd = _t.Length;
                var k = lineStart;
                if (indented)
                {
                    while (k < lineEnd && _t[k] is ' ' or '\t') k++;
                }
                if (string.CompareOrdinal(_t, k, id, 0, id.Length) == 0 && (k + id.Length >= lineEnd || !(char.IsLetterOrDigit(_t[k + id.Length]) || _t[k + id.Length] == '_')))
                {
                    _i = k + id.Length;
                    token.End = _i;
                    break;
                }
                ReadBody(pieces, lineStart, Math.Min(lineEnd + 1, _t.Length), interpolate ? (_lang == CodeLanguage.Ruby ? Interp.Ruby : Interp.Php) : Interp.None, escapes: interpolate);
                lineStart = lineEnd + 1;
                _i = Math.Min(lineStart, _t.Length);
            }
        }
    }

    private enum Interp
    {
        None,
        DollarBrace,
        Kotlin,
        PythonF,
        Ruby,
        Php,
    }

    /// <summary>Reads a literal from its opening (at <paramref name="start"/>, body at <paramref name="bodyStart"/>) to its closing delimiter.</summary>
    private void Literal(int start, int bodyStart, string close, bool escapes, Interp interp, bool singleQuoted = false, char nestOpen = '\0')
    {
        var pieces = new List<Piece>();
        var j = bodyStart;
        var n = _t.Length;
        var depth = 0;
        while (j < n)
        {
            var ch = _t[j];
            if (nestOpen != '\0' && ch == nestOpen)
            {
                depth++;
                pieces.Add(new Piece(ch, j++));
                continue;
            }
            if (string.CompareOrdinal(_t, j, close, 0, close.Length) == 0)
            {
                if (depth > 0 && close.Length == 1)
                {
                    depth--;
                    pieces.Add(new Piece(ch, j++));
                    continue;
                }
                j += close.Length;
                break;
            }
            if (close.Length == 1 && ch == '\n' && close is "\"" or "'" && _lang is not (CodeLanguage.Ruby or CodeLanguage.Php or CodeLanguage.JavaScript))
            {
                break; // an unterminated one-line string: stop at the end of the line
            }
            var next = Interpolation(pieces, j, interp);
            if (next > j)
            {
                j = next;
                continue;
            }
            if (ch == '\\' && j + 1 < n)
            {
                if (singleQuoted)
                {
                    if (_t[j + 1] is '\\' or '\'' || close.Length == 1 && _t[j + 1] == close[0])
                    {
                        pieces.Add(new Piece(_t[j + 1], j));
                        j += 2;
                        continue;
                    }
                    pieces.Add(new Piece(ch, j++));
                    continue;
                }
                if (escapes)
                {
                    j = Escape(pieces, j);
                    continue;
                }
                // Raw strings keep the backslash, but an escaped quote (Python r'\'') does not end them.
                pieces.Add(new Piece(ch, j));
                if (_t[j + 1] == close[0] && _lang == CodeLanguage.Python) pieces.Add(new Piece(_t[j + 1], j + 1));
                j += _t[j + 1] == close[0] && _lang == CodeLanguage.Python ? 2 : 1;
                continue;
            }
            pieces.Add(new Piece(ch, j++));
        }
        _tokens.Add(new CodeToken(CodeKind.Literal, start, j) { Pieces = pieces });
        _i = j;
    }

    private void ReadBody(List<Piece> pieces, int start, int end, Interp interp, bool escapes)
    {
        var j = start;
        while (j < end)
        {
            var next = Interpolation(pieces, j, interp);
            if (next > j)
            {
                j = next;
                continue;
            }
            if (escapes && _t[j] == '\\' && j + 1 < end)
            {
                j = Escape(pieces, j);
                continue;
            }
            pieces.Add(new Piece(_t[j], j));
            j++;
        }
    }

    /// <summary>Reads an interpolated expression at <paramref name="j"/> as a hole; returns where it ends, or j.</summary>
    private int Interpolation(List<Piece> pieces, int j, Interp interp)
    {
        var ch = _t[j];
        switch (interp)
        {
            case Interp.DollarBrace when ch == '$' && At(j + 1) == '{':
            case Interp.Kotlin when ch == '$' && At(j + 1) == '{':
            case Interp.Ruby when ch == '#' && At(j + 1) == '{':
            case Interp.Php when ch == '{' && At(j + 1) == '$':
            case Interp.Php when ch == '$' && At(j + 1) == '{':
            {
                var end = MatchingBrace(j + (ch == '{' ? 0 : 1));
                pieces.Add(new Piece('\0', j, true, end));
                return end;
            }
            case Interp.PythonF when ch == '{':
                if (At(j + 1) == '{')
                {
                    pieces.Add(new Piece('{', j));
                    return j + 2;
                }
                {
                    var end = MatchingBrace(j);
                    pieces.Add(new Piece('\0', j, true, end));
                    return end;
                }
            case Interp.PythonF when ch == '}' && At(j + 1) == '}':
                pieces.Add(new Piece('}', j));
                return j + 2;
            case Interp.Kotlin when ch == '$' && (char.IsLetter(At(j + 1)) || At(j + 1) == '_'):
            case Interp.Php when ch == '$' && (char.IsLetter(At(j + 1)) || At(j + 1) == '_'):
            {
                var end = j + 1;
                while (end < _t.Length && (char.IsLetterOrDigit(_t[end]) || _t[end] == '_')) end++;
                // PHP reads $a->b and $a[0] as one variable.
                if (interp == Interp.Php)
                {
                    if (At(end) == '-' && At(end + 1) == '>' && char.IsLetter(At(end + 2)))
                    {
                        end += 2;
                        while (end < _t.Length && (char.IsLetterOrDigit(_t[end]) || _t[end] == '_')) end++;
                    }
                    else if (At(end) == '[')
                    {
                        var close = _t.IndexOf(']', end);
                        if (close > 0 && close - end < 40) end = close + 1;
                    }
                }
                pieces.Add(new Piece('\0', j, true, end));
                return end;
            }
        }
        return j;
    }

    private int MatchingBrace(int open)
    {
        var depth = 0;
        var j = open;
        while (j < _t.Length)
        {
            var ch = _t[j];
            if (ch == '{') depth++;
            else if (ch == '}' && --depth == 0) return j + 1;
            else if (ch is '"' or '\'' && depth > 0)
            {
                var q = ch;
                j++;
                while (j < _t.Length && _t[j] != q && _t[j] != '\n') j += _t[j] == '\\' ? 2 : 1;
            }
            j++;
        }
        return _t.Length;
    }

    /// <summary>Decodes a C-style escape at <paramref name="j"/> (a backslash); returns the offset after it.</summary>
    private int Escape(List<Piece> pieces, int j)
    {
        var e = _t[j + 1];
        switch (e)
        {
            case 'n': pieces.Add(new Piece('\n', j)); return j + 2;
            case 't': pieces.Add(new Piece('\t', j)); return j + 2;
            case 'r': pieces.Add(new Piece('\r', j)); return j + 2;
            case '0' when !char.IsDigit(At(j + 2)): pieces.Add(new Piece('\0', j)); return j + 2;
            case '\n': return j + 2; // a line continuation
            case '\r' when At(j + 2) == '\n': return j + 3;
            case 'u' when At(j + 2) == '{':
            {
                var close = _t.IndexOf('}', j);
                if (close > 0 && int.TryParse(_t.AsSpan(j + 3, close - j - 3), System.Globalization.NumberStyles.HexNumber, null, out var cp) && cp <= 0xFFFF)
                {
                    pieces.Add(new Piece((char)cp, j));
                    return close + 1;
                }
                break;
            }
            case 'u' or 'x':
            {
                var len = e == 'u' ? 4 : 2;
                if (j + 2 + len <= _t.Length && int.TryParse(_t.AsSpan(j + 2, len), System.Globalization.NumberStyles.HexNumber, null, out var cp))
                {
                    pieces.Add(new Piece((char)cp, j));
                    return j + 2 + len;
                }
                break;
            }
        }
        pieces.Add(new Piece(e, j));
        return j + 2;
    }
}
