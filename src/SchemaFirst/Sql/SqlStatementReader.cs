using System.Text;
using SchemaFirst.Diagnostics;

namespace SchemaFirst.Sql;

/// <summary>
/// Reads statements one at a time from a stream, so memory stays bounded by the largest statement kept: it tracks
/// strings, quoted identifiers, dollar quotes, nested comments and BEGIN ATOMIC bodies to find each top-level
/// semicolon, cuts psql meta-commands at the end of their line, skips COPY ... FROM stdin data up to <c>\.</c>, and
/// discards the text of INSERT statements (counted, not kept).
/// </summary>
internal sealed class SqlStatementReader
{
    private const int BufferSize = 1 << 16;
    private readonly TextReader _reader;
    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly CountingFallback _fallback;
    private readonly char[] _buffer = new char[BufferSize];
    private int _pos;
    private int _len;
    private bool _eof;
    private int _line = 1;
    private int _col = 1;
    private int _reportedInvalid;
    private char _last;
    private char _last2;
    private bool _binary;
    private readonly StringBuilder _sb = new();
    private List<Directive> _pendingDirectives = new();

    public SqlStatementReader(TextReader reader, string path, List<Diagnostic> diagnostics, CountingFallback fallback)
    {
        _reader = reader;
        _path = path;
        _diagnostics = diagnostics;
        _fallback = fallback;
    }

    /// <summary>Keeps the text of INSERT statements (seed files) instead of only counting them (schema files and dumps).</summary>
    public bool KeepInserts { get; init; }

    /// <summary>True once any significant (non-blank, non-comment) text was seen.</summary>
    public bool SawContent { get; private set; }

    public bool Binary => _binary;

    public static SqlStatementReader Open(string path, List<Diagnostic> diagnostics, out Stream stream)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var fallback = new CountingFallback();
        var encoding = (Encoding)new UTF8Encoding(false).Clone();
        encoding.DecoderFallback = fallback;
        var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return new SqlStatementReader(reader, path, diagnostics, fallback);
    }

    public static SqlStatementReader FromString(string text, string path, List<Diagnostic> diagnostics) =>
        new(new StringReader(text), path, diagnostics, new CountingFallback());

    private int Peek(int ahead = 0)
    {
        if (_pos + ahead >= _len)
        {
            if (!Fill(ahead + 1)) return -1;
        }
        return _buffer[_pos + ahead];
    }

    private bool Fill(int need)
    {
        if (_eof) return _len - _pos >= need;
        if (_pos > 0)
        {
            Array.Copy(_buffer, _pos, _buffer, 0, _len - _pos);
            _len -= _pos;
            _pos = 0;
        }
        while (_len < need && !_eof)
        {
            var read = _reader.Read(_buffer, _len, _buffer.Length - _len);
            if (read <= 0) _eof = true;
            else _len += read;
        }
        return _len - _pos >= need;
    }

    private char Advance(bool keep)
    {
        var c = _buffer[_pos++];
        _last2 = _last;
        _last = c;
        if (c == '\n')
        {
            _line++;
            _col = 1;
        }
        else
        {
            _col++;
            if (c == '\uFFFD' && _fallback.Count > _reportedInvalid) ReportInvalid();
            else if (c == '\0') _binary = true;
        }
        if (keep) _sb.Append(c);
        return c;
    }

    private void ReportInvalid()
    {
        if (_reportedInvalid == 0)
        {
            _diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.InvalidUtf8,
                "invalid UTF-8 byte sequence (shown as U+FFFD); the rest of the file is read with replacement characters",
                new SourceSpan(_path, _line, _col - 1), "save the file as UTF-8"));
        }
        _reportedInvalid = _fallback.Count;
    }

    /// <summary>Reads the next statement, or returns null at the end of the input.</summary>
    public RawStatement? Next()
    {
        while (true)
        {
            if (_binary) return null;
            SkipTrivia();
            if (_binary) return null;
            var c = Peek();
            if (c < 0)
            {
                return null;
            }
            SawContent = true;
            if (c == '\\') return ReadMetaCommand();
            if (c == ';')
            {
                Advance(false);
                continue;
            }
            return ReadStatement();
        }
    }

    private void SkipTrivia()
    {
        while (true)
        {
            var c = Peek();
            if (c < 0) return;
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\uFEFF')
            {
                Advance(false);
                continue;
            }
            if (c == '-' && Peek(1) == '-')
            {
                ReadLineComment(keep: false);
                continue;
            }
            if (c == '/' && Peek(1) == '*')
            {
                var line = _line;
                var col = _col;
                if (!ReadBlockComment(keep: false)) Unterminated(DiagnosticCodes.UnterminatedComment, "unterminated block comment", line, col, "close it with */");
                continue;
            }
            if (c == '\0')
            {
                _binary = true;
                return;
            }
            return;
        }
    }

    private RawStatement ReadMetaCommand()
    {
        var line = _line;
        var col = _col;
        _sb.Clear();
        while (true)
        {
            var c = Peek();
            if (c < 0 || c == '\n') break;
            Advance(true);
        }
        return new RawStatement(RawStatementKind.MetaCommand, _sb.ToString().TrimEnd('\r'), line, col, TakeDirectives());
    }

    /// <summary>Directives after the last statement of the file, which no statement took.</summary>
    public List<Directive> TakeTrailingDirectives() => TakeDirectives();

    private List<Directive> TakeDirectives()
    {
        if (_pendingDirectives.Count == 0) return _pendingDirectives;
        var taken = _pendingDirectives;
        _pendingDirectives = new List<Directive>();
        return taken;
    }

    private RawStatement ReadStatement()
    {
        var line = _line;
        var col = _col;
        _sb.Clear();
        var keep = true;
        var wordIndex = 0;
        var firstWord = string.Empty;
        var isRoutine = false;
        var atomicDepth = 0;
        var wordStart = -1;
        var prevWasIdent = false;
        while (true)
        {
            var ci = Peek();
            if (ci < 0) break;
            var c = (char)ci;
            if (c == '\0')
            {
                _binary = true;
                break;
            }
            if (SqlLexerChars.IsIdentStart(c) || (wordStart >= 0 && SqlLexerChars.IsIdentPart(c)))
            {
                // String prefixes E'..' etc. are handled when the quote arrives; here we only track words.
                if (wordStart < 0)
                {
                    wordStart = _sb.Length;
                }
                Advance(true);
                prevWasIdent = true;
                continue;
            }
            if (wordStart >= 0)
            {
                EndWord(ref wordStart, ref wordIndex, ref firstWord, ref isRoutine, ref atomicDepth, ref keep);
            }
            if (c == ';' && atomicDepth == 0)
            {
                Advance(false);
                break;
            }
            if (c == '\'')
            {
                var backslash = prevWasIdent && _last is 'e' or 'E' && !SqlLexerChars.IsIdentPart(_last2);
                var sl = _line;
                var sc = _col;
                if (!ReadQuoted('\'', backslash, keep)) Unterminated(DiagnosticCodes.UnterminatedString, "unterminated string literal", sl, sc, "close the string with a single quote");
                prevWasIdent = false;
                continue;
            }
            prevWasIdent = false;
            if (c == '"')
            {
                var sl = _line;
                var sc = _col;
                if (!ReadQuoted('"', false, keep)) Unterminated(DiagnosticCodes.UnterminatedQuotedIdentifier, "unterminated quoted identifier", sl, sc, "close the identifier with a double quote");
                continue;
            }
            if (c == '-' && Peek(1) == '-')
            {
                ReadLineComment(keep);
                continue;
            }
            if (c == '/' && Peek(1) == '*')
            {
                var sl = _line;
                var sc = _col;
                if (!ReadBlockComment(keep)) Unterminated(DiagnosticCodes.UnterminatedComment, "unterminated block comment", sl, sc, "close it with */");
                continue;
            }
            if (c == '$' && !SqlLexerChars.IsIdentPart(_last))
            {
                var sl = _line;
                var sc = _col;
                var tag = TryReadDollarTag(keep);
                if (tag != null)
                {
                    if (!ReadDollarBody(tag, keep)) Unterminated(DiagnosticCodes.UnterminatedDollarQuote, $"unterminated dollar-quoted string (no closing {tag})", sl, sc, $"close the body with {tag}");
                    continue;
                }
            }
            Advance(keep);
        }
        if (wordStart >= 0) EndWord(ref wordStart, ref wordIndex, ref firstWord, ref isRoutine, ref atomicDepth, ref keep);
        if (!keep)
        {
            return new RawStatement(RawStatementKind.InsertData, "INSERT", line, col, TakeDirectives());
        }
        var text = _sb.ToString().TrimEnd();
        long copyRows = 0;
        if (firstWord == "copy" && IsCopyFromStdin(text))
        {
            copyRows = SkipCopyData(line, col);
        }
        return new RawStatement(RawStatementKind.Sql, text, line, col, TakeDirectives(), copyRows);
    }

    private void EndWord(ref int wordStart, ref int wordIndex, ref string firstWord, ref bool isRoutine, ref int atomicDepth, ref bool keep)
    {
        var span = _sb.ToString(wordStart, _sb.Length - wordStart);
        wordStart = -1;
        wordIndex++;
        if (wordIndex == 1)
        {
            firstWord = span.ToLowerInvariant();
            if (firstWord == "insert" && !KeepInserts)
            {
                // Data rows are counted, never kept: a 100 MB dump must not be held in memory.
                keep = false;
                _sb.Clear();
            }
            return;
        }
        if (firstWord != "create") return;
        // BEGIN ATOMIC bodies of functions and procedures, and the BEGIN ... END bodies of SQLite triggers.
        if (wordIndex <= 6 && (span.Equals("function", StringComparison.OrdinalIgnoreCase) || span.Equals("procedure", StringComparison.OrdinalIgnoreCase)
            || span.Equals("trigger", StringComparison.OrdinalIgnoreCase)))
        {
            isRoutine = true;
            return;
        }
        if (!isRoutine) return;
        if (span.Equals("begin", StringComparison.OrdinalIgnoreCase))
        {
            atomicDepth++;
        }
        else if (atomicDepth > 0 && span.Equals("case", StringComparison.OrdinalIgnoreCase))
        {
            atomicDepth++;
        }
        else if (atomicDepth > 0 && span.Equals("end", StringComparison.OrdinalIgnoreCase))
        {
            atomicDepth--;
        }
    }

    private static bool IsCopyFromStdin(string text)
    {
        var idx = text.LastIndexOf(" from ", StringComparison.OrdinalIgnoreCase);
        if (idx < 0) idx = text.LastIndexOf("\nfrom ", StringComparison.OrdinalIgnoreCase);
        if (idx < 0) return false;
        var rest = text.AsSpan(idx + 6).TrimStart();
        return rest.StartsWith("stdin", StringComparison.OrdinalIgnoreCase);
    }

    private long SkipCopyData(int line, int col)
    {
        // The data starts on the line after the COPY statement.
        while (true)
        {
            var c = Peek();
            if (c < 0) return 0;
            Advance(false);
            if (c == '\n') break;
        }
        long rows = 0;
        var lineBuf = new StringBuilder();
        while (true)
        {
            lineBuf.Clear();
            var c = Peek();
            if (c < 0)
            {
                Unterminated(DiagnosticCodes.UnterminatedCopyData, "COPY data is not terminated by a line \\.", line, col, "end the data with a line holding only \\.");
                return rows;
            }
            var bufferedPrefix = 0;
            while (true)
            {
                c = Peek();
                if (c < 0 || c == '\n') break;
                var ch = Advance(false);
                if (bufferedPrefix < 3)
                {
                    lineBuf.Append(ch);
                    bufferedPrefix++;
                }
            }
            if (c == '\n') Advance(false);
            var head = lineBuf.ToString().TrimEnd('\r');
            if (head == "\\.") return rows;
            rows++;
        }
    }

    private string? TryReadDollarTag(bool keep)
    {
        // $$ or $tag$ where tag is an identifier without dollars.
        if (Peek(1) == '$')
        {
            Advance(keep);
            Advance(keep);
            return "$$";
        }
        var first = Peek(1);
        if (first < 0 || !SqlLexerChars.IsIdentStart((char)first)) return null;
        var k = 2;
        while (k < 256)
        {
            var ch = Peek(k);
            if (ch < 0) return null;
            if (ch == '$') break;
            if (!(SqlLexerChars.IsIdentStart((char)ch) || char.IsAsciiDigit((char)ch))) return null;
            k++;
        }
        if (k >= 256) return null;
        var sb = new StringBuilder();
        for (var i = 0; i <= k; i++) sb.Append(Advance(keep));
        return sb.ToString();
    }

    private bool ReadDollarBody(string tag, bool keep)
    {
        var first = tag[0];
        while (true)
        {
            var c = Peek();
            if (c < 0) return false;
            if (c == first && MatchesAhead(tag))
            {
                for (var i = 0; i < tag.Length; i++) Advance(keep);
                return true;
            }
            Advance(keep);
            if (_binary) return false;
        }
    }

    private bool MatchesAhead(string tag)
    {
        for (var i = 0; i < tag.Length; i++)
        {
            if (Peek(i) != tag[i]) return false;
        }
        return true;
    }

    private bool ReadQuoted(char quote, bool backslashEscapes, bool keep)
    {
        Advance(keep);
        while (true)
        {
            var c = Peek();
            if (c < 0) return false;
            if (backslashEscapes && c == '\\')
            {
                Advance(keep);
                if (Peek() < 0) return false;
                Advance(keep);
                continue;
            }
            Advance(keep);
            if (c == quote)
            {
                if (Peek() == quote)
                {
                    Advance(keep);
                    continue;
                }
                return true;
            }
            if (_binary) return false;
        }
    }

    private void ReadLineComment(bool keep)
    {
        var line = _line;
        var col = _col;
        var text = new StringBuilder();
        while (true)
        {
            var c = Peek();
            if (c < 0 || c == '\n') break;
            var ch = Advance(keep);
            if (text.Length < 512) text.Append(ch);
        }
        var body = text.ToString().AsSpan(2).Trim();
        if (body.StartsWith("schemafirst:", StringComparison.Ordinal))
        {
            var rest = body["schemafirst:".Length..].ToString();
            var space = rest.IndexOfAny([' ', '\t']);
            var name = space < 0 ? rest : rest[..space];
            var args = space < 0 ? string.Empty : rest[(space + 1)..].Trim();
            _pendingDirectives.Add(new Directive(name.TrimEnd('\r'), args.TrimEnd('\r'), line, col));
        }
    }

    private bool ReadBlockComment(bool keep)
    {
        var depth = 0;
        while (true)
        {
            var c = Peek();
            if (c < 0) return false;
            if (c == '/' && Peek(1) == '*')
            {
                Advance(keep);
                Advance(keep);
                depth++;
                continue;
            }
            if (c == '*' && Peek(1) == '/')
            {
                Advance(keep);
                Advance(keep);
                if (--depth == 0) return true;
                continue;
            }
            Advance(keep);
            if (_binary) return false;
        }
    }

    private void Unterminated(string code, string message, int line, int col, string help)
    {
        _diagnostics.Add(new Diagnostic(Severity.Error, code, message, new SourceSpan(_path, line, col), help));
    }
}
