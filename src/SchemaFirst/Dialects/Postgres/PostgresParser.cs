using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Reads PostgreSQL DDL into the model by replaying statements in order, as the server would: later ALTERs merge
/// into earlier CREATEs, DROPs remove, COMMENTs attach. Statements it does not model are kept verbatim and
/// reported; a syntax error is reported and parsing resumes at the next statement.
/// </summary>
/// <remarks>
/// The grammar is PostgreSQL's. A dialect whose DDL is a near-subset of it (SQLite) derives from this class and
/// overrides the protected hooks at the end of this file, rather than switching on a flag.
/// </remarks>
internal partial class PostgresParser
{
    /// <summary>
    /// The relation a statement marked schemafirst:skip creates (CREATE [UNLOGGED] TABLE / [MATERIALIZED] VIEW / SEQUENCE
    /// [IF NOT EXISTS] name): kept out of the model, and left alone where a database has it (plan, drift).
    /// </summary>
    private QualifiedName? SkippedObject(string sql)
    {
        var c = new TokenCursor(sql, SqlLexer.Tokenize(sql, Quotes), foldCase: FoldsCase);
        if (!c.Accept("create")) return null;
        c.Accept("or", "replace");
        foreach (var w in new[] { "unlogged", "temporary", "temp", "global", "local", "materialized", "foreign", "recursive" }) c.Accept(w);
        if (!(c.Accept("table") || c.Accept("view") || c.Accept("sequence"))) return null;
        c.Accept("if", "not", "exists");
        try
        {
            return ResolveRelation(c.ExpectNameParts("a name"));
        }
        catch (ParseException)
        {
            return null;
        }
    }

    private static readonly HashSet<string> KnownDirectives = new(StringComparer.Ordinal) { "renamed-from", "ignore", "skip" };

    private readonly List<Diagnostic> _diagnostics;
    private readonly SourceMap _sourceMap = new();
    private readonly LoadStatistics _stats = new();

    private string _path = string.Empty;
    private RawStatement _stmt = null!;
    private protected TokenCursor _c = null!;
    private int[]? _lineStarts;
    private int _lineOffset;

    protected PostgresParser(List<Diagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
    }

    public static LoadResult Load(IReadOnlyList<string> files, List<Diagnostic> diagnostics) => new PostgresParser(diagnostics).LoadFiles(files);

    public static LoadResult LoadText(string text, string path) => new PostgresParser(new List<Diagnostic>()).LoadString(text, path);

    /// <summary>Starts a parse that is fed text in several chunks (replayed in order) and finished once.</summary>
    internal static PostgresParser StartSession() => new(new List<Diagnostic>());

    internal void ParseChunk(string text, string path) => ParseStream(SqlStatementReader.FromString(text, path, _diagnostics), path);

    internal LoadResult FinishSession() => Finish();

    protected LoadResult LoadFiles(IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            ParseFile(file);
        }
        if (files.Count == 0 && _diagnostics.Count == 0)
        {
            _diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.NoInput, "no input files", null, "pass SQL files or directories"));
        }
        return Finish();
    }

    /// <summary>Several texts replayed in order as files would be (a git revision's files).</summary>
    protected LoadResult LoadStrings(IReadOnlyList<(string Path, string Text)> sources)
    {
        foreach (var (path, text) in sources)
        {
            _stats.Files++;
            ParseStream(SqlStatementReader.FromString(text, path, _diagnostics), path);
        }
        return Finish();
    }

    public static LoadResult LoadTexts(IReadOnlyList<(string Path, string Text)> sources) => new PostgresParser(new List<Diagnostic>()).LoadStrings(sources);

    protected LoadResult LoadString(string text, string path)
    {
        ParseStream(SqlStatementReader.FromString(text, path, _diagnostics), path);
        return Finish();
    }

    private LoadResult Finish()
    {
        var model = Freeze();
        return new LoadResult(model, _sourceMap, _diagnostics, _stats);
    }

    private void ParseFile(string path)
    {
        _stats.Files++;
        Stream? stream = null;
        try
        {
            if (LooksBinary(path))
            {
                _path = path;
                ReportBinary(path);
                return;
            }
            var reader = SqlStatementReader.Open(path, _diagnostics, out stream);
            ParseStream(reader, path);
        }
        catch (IOException e)
        {
            _diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FileNotFound, $"cannot read '{path}': {e.Message}", new SourceSpan(path, 0, 0)));
        }
        catch (UnauthorizedAccessException e)
        {
            _diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FileNotFound, $"cannot read '{path}': {e.Message}", new SourceSpan(path, 0, 0)));
        }
        finally
        {
            stream?.Dispose();
        }
    }

    private void ParseStream(SqlStatementReader reader, string path)
    {
        _path = path;
        var any = false;
        while (reader.Next() is { } stmt)
        {
            any = true;
            HandleStatement(stmt, 0);
        }
        if (reader.TakeTrailingDirectives() is { Count: > 0 } trailing)
        {
            AttachDirectives(CheckDirectives(new RawStatement(RawStatementKind.MetaCommand, string.Empty, 1, 1, trailing)));
        }
        if (reader.Binary)
        {
            ReportBinary(path);
        }
        else if (!any && !reader.SawContent)
        {
            _diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.EmptyFile, "the file holds no SQL statements", new SourceSpan(path, 1, 1)));
        }
    }

    /// <summary>A NUL byte in the first 8 KiB means a binary file, as git decides it.</summary>
    private static bool LooksBinary(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[8192];
        var n = f.Read(buffer, 0, buffer.Length);
        return buffer.AsSpan(0, n).IndexOf((byte)0) >= 0;
    }

    private void ReportBinary(string path) =>
        _diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.BinaryFile,
            "this is a binary file (it contains NUL bytes), not SQL text; it was not read", new SourceSpan(path, 1, 1),
            "pass only SQL text files"));

    private void HandleStatement(RawStatement stmt, int lineOffset)
    {
        _stats.Statements++;
        var saveStmt = _stmt;
        var saveC = _c;
        var saveLines = _lineStarts;
        var saveOffset = _lineOffset;
        var savePos = (_posOffset, _posLine, _posLineStart);
        _stmt = stmt;
        _lineStarts = null;
        _lineOffset = lineOffset;
        try
        {
            if (_depth++ == 0)
            {
                // A statement nested in a DO block adds to what its block declares.
                (_declaredBefore, _declared) = (_declared, _declaredBefore);
                _declared.Clear();
            }
            var directives = CheckDirectives(stmt);
            switch (stmt.Kind)
            {
                case RawStatementKind.MetaCommand:
                    _stats.MetaCommands++;
                    Report(Severity.Info, DiagnosticCodes.MetaCommandSkipped, $"psql meta-command '{Truncate(stmt.Text, 30)}' skipped",
                        new SourceSpan(_path, stmt.Line + lineOffset, stmt.Column, Math.Min(stmt.Text.Length, 40)));
                    return;
                case RawStatementKind.InsertData:
                    _stats.DataStatements++;
                    return;
            }
            if (stmt.Directives.Any(d => d.Name == "skip"))
            {
                _stats.SkippedByDirective++;
                if (SkippedObject(stmt.Text) is { } skipped) _sourceMap.Skipped.Add(skipped);
                return;
            }
            var tokens = SqlLexer.Tokenize(stmt.Text, Quotes);
            _c = new TokenCursor(stmt.Text, tokens, foldCase: FoldsCase);
            if (tokens.Count == 0) return;
            try
            {
                Dispatch();
                AttachDirectives(directives);
            }
            catch (ParseException e)
            {
                _stats.Errors++;
                Report(Severity.Error, DiagnosticCodes.SyntaxError, e.Message, SpanAt(e.TokenIndex), e.Help ?? "fix the statement; it is kept verbatim until then");
                KeepOpaque(StatementHead(), reportIt: false);
            }
        }
        finally
        {
            _depth--;
            _stmt = saveStmt;
            _c = saveC;
            _lineStarts = saveLines;
            _lineOffset = saveOffset;
            (_posOffset, _posLine, _posLineStart) = savePos;
        }
    }

    /// <summary>Reports malformed and unknown directives; returns the well-formed ones that belong to an object.</summary>
    private List<Directive> CheckDirectives(RawStatement stmt)
    {
        var valid = new List<Directive>();
        foreach (var d in stmt.Directives)
        {
            var at = new SourceSpan(_path, d.Line + _lineOffset, d.Column, d.Name.Length + 15);
            var words = d.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (d.Name == "ignore" && words.Length < 2)
            {
                Report(Severity.Warning, DiagnosticCodes.UnknownDirective, "schemafirst:ignore needs a rule code and a reason", at,
                    "write it as: -- schemafirst:ignore RULE why this is fine here");
                continue;
            }
            if (d.Name == "renamed-from" && words.Length != 1)
            {
                Report(Severity.Warning, DiagnosticCodes.UnknownDirective, "schemafirst:renamed-from needs exactly one name, the old one", at,
                    "write it as: -- schemafirst:renamed-from old_name");
                continue;
            }
            if (KnownDirectives.Contains(d.Name))
            {
                if (d.Name != "skip") valid.Add(d);
                continue;
            }
            Report(Severity.Warning, DiagnosticCodes.UnknownDirective, $"unknown directive 'schemafirst:{d.Name}'", at,
                "known directives are schemafirst:renamed-from, schemafirst:ignore and schemafirst:skip");
        }
        return valid;
    }

    // The objects the current and the previous statement declared, where their names stand: directives attach to them.
    private List<(SourceKey Key, int Line, int Column)> _declared = new();
    private List<(SourceKey Key, int Line, int Column)> _declaredBefore = new();
    private int _depth;

    /// <summary>
    /// Keeps each directive with the object it was written on: the first object declared on the directive's own line
    /// (before the comment), else the first declared below it (a directive on a line of its own above the object);
    /// a directive after the semicolon of a statement belongs to what that statement declared on the line.
    /// </summary>
    private void AttachDirectives(List<Directive> directives)
    {
        foreach (var d in directives)
        {
            var line = d.Line + _lineOffset;
            var target = FirstOnLine(_declared, line, d.Column) ?? FirstOnLine(_declaredBefore, line, d.Column);
            if (target == null)
            {
                foreach (var x in _declared)
                {
                    if (x.Line > line && (target == null || (x.Line, x.Column).CompareTo((target.Value.Line, target.Value.Column)) < 0)) target = x;
                }
            }
            if (target == null && _declared.Count > 0) target = _declared[0];
            var at = new SourceSpan(_path, line, d.Column, d.Name.Length + 15);
            if (target == null)
            {
                Report(Severity.Warning, DiagnosticCodes.DirectiveWithoutObject,
                    $"schemafirst:{d.Name} is not written on an object this statement declares; it has no effect", at,
                    "put it at the end of the line that declares the table, column or other object, or on a line of its own just above it");
                continue;
            }
            _sourceMap.AddDirective(target.Value.Key, new SourceDirective(d.Name, d.Arguments.Trim(), at));
        }
    }

    private static (SourceKey Key, int Line, int Column)? FirstOnLine(List<(SourceKey Key, int Line, int Column)> declared, int line, int column)
    {
        (SourceKey Key, int Line, int Column)? best = null;
        foreach (var x in declared)
        {
            if (x.Line == line && x.Column < column && (best == null || x.Column < best.Value.Column)) best = x;
        }
        return best;
    }

    private static string Truncate(string s, int n) => s.Length > n ? s[..n] + "..." : s;

    private void Dispatch()
    {
        var c = _c;
        var first = TokenCursor.FoldCase(c.Span(c.Current));
        if (c.Kind() != TokenKind.Word)
        {
            throw c.Error("expected a SQL statement");
        }
        switch (first)
        {
            case "create":
                c.Pos++;
                Create();
                return;
            case "alter":
                c.Pos++;
                Alter();
                return;
            case "drop":
                c.Pos++;
                Drop();
                return;
            case "comment":
                c.Pos++;
                CommentOn();
                return;
            case "grant":
            case "revoke":
                GrantOrRevoke(first == "grant");
                return;
            case "pragma":
                _stats.SessionSettings++;
                return;
            case "set":
            case "reset":
                c.Pos++;
                SetStatement(first == "reset");
                return;
            case "select":
                SelectStatement();
                return;
            case "copy":
                _stats.DataStatements++;
                _stats.CopyRows += _stmt.CopyRows;
                return;
            case "update":
            case "delete":
            case "truncate":
            case "merge":
            case "with":
            case "values":
                _stats.DataStatements++;
                return;
            case "begin":
            case "commit":
            case "end":
            case "rollback":
            case "start":
            case "savepoint":
            case "release":
            case "abort":
                _stats.TransactionStatements++;
                return;
            case "analyze":
            case "analyse":
            case "vacuum":
            case "checkpoint":
            case "cluster":
            case "reindex":
            case "refresh":
            case "notify":
            case "listen":
            case "unlisten":
            case "lock":
            case "discard":
            case "load":
            case "call":
            case "security":
            case "import":
                KeepOpaque(StatementHead());
                return;
            case "do":
                c.Pos++;
                DoBlock();
                return;
            default:
                throw c.Error("unknown statement", "this is not a PostgreSQL statement; check the spelling of its first word");
        }
    }

    /// <summary>The first few words of the statement, for messages and opaque-statement kinds.</summary>
    private string StatementHead()
    {
        var words = new List<string>();
        for (var i = 0; i < _c.End && words.Count < 3; i++)
        {
            var t = _c[i];
            if (t.Kind != TokenKind.Word) break;
            var w = _c.TextOf(t).ToUpperInvariant();
            words.Add(w);
            if (words.Count == 2 && words[0] == "CREATE" && w is "OR") continue;
            if (words.Count >= 2 && w is not ("OR" or "REPLACE" or "LANGUAGE" or "UNIQUE" or "MATERIALIZED" or "UNLOGGED" or "TEMP" or "TEMPORARY" or "CONSTRAINT" or "TEXT" or "FOREIGN" or "EVENT" or "DEFAULT" or "PROCEDURAL" or "TRUSTED")) break;
        }
        return string.Join(' ', words);
    }

    private void KeepOpaque(string kind, bool reportIt = true, string? why = null)
    {
        _stats.KeptVerbatim++;
        _opaque.Add(new OpaqueStatement(kind, _stmt.Text));
        if (reportIt)
        {
            Report(Severity.Warning, DiagnosticCodes.UnsupportedStatement,
                $"{kind} is not modelled{(why != null ? " (" + why + ")" : string.Empty)}; the statement is kept verbatim and rendered as written",
                SpanAt(0, Math.Min(_stmt.Text.IndexOf('\n') is var nl && nl > 0 ? nl : _stmt.Text.Length, 60)));
        }
    }

    private void Report(Severity severity, string code, string message, SourceSpan? at, string? help = null) =>
        _diagnostics.Add(new Diagnostic(severity, code, message, at, help));

    /// <summary>The file position of a token of the current statement.</summary>
    private SourceSpan SpanAt(int tokenIndex, int length = -1)
    {
        var offset = _c.Offset(tokenIndex);
        var (line, col) = Position(offset);
        if (length < 0) length = tokenIndex < _c.End ? Math.Max(1, _c[tokenIndex].Length) : 1;
        return new SourceSpan(_path, line, col, length);
    }

    // Positions are asked for in mostly increasing order within a statement, so a cursor that scans forward from
    // the last answer costs one pass over the statement in all; it restarts from the top when asked to go back.
    private int _posOffset;
    private int _posLine;
    private int _posLineStart;

    private (int Line, int Column) Position(int offset)
    {
        if (_lineStarts == null || offset < _posOffset)
        {
            _lineStarts = [];
            _posOffset = 0;
            _posLine = 0;
            _posLineStart = 0;
        }
        var text = _stmt.Text;
        var end = Math.Min(offset, text.Length);
        for (var i = _posOffset; i < end; i++)
        {
            if (text[i] == '\n')
            {
                _posLine++;
                _posLineStart = i + 1;
            }
        }
        _posOffset = Math.Max(_posOffset, end);
        var line = _stmt.Line + _lineOffset + _posLine;
        var col = _posLine == 0 ? _stmt.Column + offset : offset - _posLineStart + 1;
        return (line, col);
    }

    private void Map(SourceKind kind, QualifiedName name, int tokenIndex, string? member = null)
    {
        var (line, col) = Position(_c.Offset(tokenIndex));
        var key = new SourceKey(kind, name, member);
        _sourceMap.TryAdd(key, _path, line, col, TokenLength(tokenIndex));
        _declared.Add((key, line, col));
    }

    private protected void MapSet(SourceKind kind, QualifiedName name, int tokenIndex, string? member = null)
    {
        var (line, col) = Position(_c.Offset(tokenIndex));
        var key = new SourceKey(kind, name, member);
        _sourceMap.Set(key, _path, line, col, TokenLength(tokenIndex));
        _declared.Add((key, line, col));
    }

    private int TokenLength(int tokenIndex) => tokenIndex < _c.End ? Math.Max(1, _c[tokenIndex].Length) : 1;

    private void Create()
    {
        var c = _c;
        var orReplace = c.Accept("or", "replace");
        // Modifiers that can come before the object kind.
        var temporary = false;
        var unlogged = false;
        while (true)
        {
            if (c.Accept("global") || c.Accept("local")) continue;
            if (c.Accept("temp") || c.Accept("temporary"))
            {
                temporary = true;
                continue;
            }
            if (c.Accept("unlogged"))
            {
                unlogged = true;
                continue;
            }
            break;
        }
        if (c.Accept("table"))
        {
            if (temporary)
            {
                KeepOpaque("CREATE TEMPORARY TABLE", why: "temporary tables are not part of a schema");
                return;
            }
            CreateTable(unlogged);
            return;
        }
        if (c.IsWord("unique") || c.IsWord("index"))
        {
            CreateIndex();
            return;
        }
        if (c.Accept("recursive"))
        {
            c.Expect("view");
            CreateView(materialized: false, recursive: true, temporary);
            return;
        }
        if (c.Accept("view"))
        {
            CreateView(materialized: false, recursive: false, temporary);
            return;
        }
        if (c.Accept("materialized", "view"))
        {
            CreateView(materialized: true, recursive: false, temporary: false);
            return;
        }
        if (c.Accept("sequence"))
        {
            CreateSequence(unlogged);
            return;
        }
        if (c.Accept("schema"))
        {
            CreateSchema();
            return;
        }
        if (c.Accept("extension"))
        {
            CreateExtension();
            return;
        }
        if (c.Accept("type"))
        {
            CreateType();
            return;
        }
        if (c.Accept("domain"))
        {
            CreateDomain();
            return;
        }
        if (c.IsWord("function") || c.IsWord("procedure") || c.IsWord("aggregate"))
        {
            CreateRoutine(orReplace);
            return;
        }
        if (c.IsWord("trigger") || (c.IsWord("constraint") && c.IsWord(1, "trigger")))
        {
            var constraint = c.Accept("constraint");
            c.Expect("trigger");
            CreateTrigger(constraint);
            return;
        }
        if (c.Accept("policy"))
        {
            CreatePolicy();
            return;
        }
        if (c.Accept("rule"))
        {
            CreateRule();
            return;
        }
        if (c.IsWord("database"))
        {
            _stats.TransactionStatements++;
            Report(Severity.Info, DiagnosticCodes.DatabaseStatementIgnored, "CREATE DATABASE ignored: databases are chosen by the connection, not the schema", SpanAt(0, 15));
            return;
        }
        KeepOpaque(StatementHead());
    }

    private void Alter()
    {
        var c = _c;
        if (IsOwnerStatement()) return;
        if (c.Accept("table"))
        {
            AlterTable();
            return;
        }
        if (c.Accept("sequence"))
        {
            AlterSequence();
            return;
        }
        if (c.Accept("index"))
        {
            AlterIndex();
            return;
        }
        if (c.Accept("type"))
        {
            AlterType();
            return;
        }
        if (c.Accept("domain"))
        {
            AlterDomain();
            return;
        }
        if (c.Accept("default", "privileges"))
        {
            AlterDefaultPrivileges();
            return;
        }
        if (c.IsWord("database"))
        {
            Report(Severity.Info, DiagnosticCodes.DatabaseStatementIgnored, "ALTER DATABASE ignored: database settings are not part of the schema", SpanAt(0, 14));
            _stats.SessionSettings++;
            return;
        }
        KeepOpaque(StatementHead());
    }

    /// <summary>ALTER anything ... OWNER TO role: ownership depends on the environment, so it is counted, not modelled.</summary>
    private bool IsOwnerStatement()
    {
        var c = _c;
        if (c.End < 4) return false;
        var t = c[c.End - 3];
        var u = c[c.End - 2];
        if (t.Kind == TokenKind.Word && u.Kind == TokenKind.Word
            && c.Span(t).Equals("owner", StringComparison.OrdinalIgnoreCase) && c.Span(u).Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            _stats.OwnershipStatements++;
            return true;
        }
        return false;
    }

    private void SetStatement(bool reset)
    {
        var c = _c;
        _stats.SessionSettings++;
        c.Accept("session");
        c.Accept("local");
        if (!c.Accept("search_path")) return;
        if (reset)
        {
            _searchPath = ["public"];
            return;
        }
        if (!c.Accept("to") && !(c.IsOperator("=") && c.Accept(TokenKind.Operator))) return;
        var path = new List<string>();
        while (!c.AtEnd)
        {
            if (c.Is(TokenKind.String))
            {
                var v = c.ExpectString();
                foreach (var part in v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) path.Add(part.Trim('"'));
            }
            else if (c.IsWord("default"))
            {
                c.Pos++;
                path.AddRange(["$user", "public"]);
            }
            else
            {
                path.Add(c.ExpectIdentifier("a schema name"));
            }
            if (!c.Accept(TokenKind.Comma)) break;
        }
        _searchPath = path;
        _searchPathMoved |= !path.Where(p => p != "$user").SequenceEqual(["public"]);
    }

    private void SelectStatement()
    {
        var c = _c;
        // pg_dump: SELECT pg_catalog.set_config('search_path', '', false);
        var text = _stmt.Text;
        if (text.Contains("set_config", StringComparison.OrdinalIgnoreCase))
        {
            _stats.SessionSettings++;
            for (var i = 0; i < c.End - 2; i++)
            {
                if (c[i].Kind == TokenKind.String && c.StringValue(c[i]) == "search_path" && c[i + 1].Kind == TokenKind.Comma && c[i + 2].Kind == TokenKind.String)
                {
                    var v = c.StringValue(c[i + 2]);
                    _searchPath = v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim('"')).ToList();
                    break;
                }
            }
            return;
        }
        _stats.DataStatements++;
    }

    /// <summary>
    /// Storage parameters in one normal form, as pg_dump writes them: <c>(fillfactor='70', autovacuum_enabled='false')</c>
    /// whatever the quoting and spacing of the source.
    /// </summary>
    private string StorageParameters()
    {
        var c = _c;
        var (start, end) = c.CaptureParens();
        var parts = new List<string>();
        foreach (var (s, e) in c.SplitTopLevel(start, end))
        {
            var sub = c.Sub(s, e);
            var key = string.Join(".", sub.ExpectNameParts("a storage parameter"));
            if (sub.IsOperator("="))
            {
                sub.Pos++;
                var value = sub.Is(TokenKind.String) ? sub.StringValue(sub.Current) : sub.Normalize((sub.Pos, e), stripOuterParens: false);
                parts.Add(key + "=" + PostgresQuoting.Literal(value));
            }
            else
            {
                parts.Add(key);
            }
        }
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>
    /// Writes an expression the way the server prints it with an empty search_path: casts name their type in canonical
    /// spelling, user types qualified (<c>'G'::mpaa_rating</c> becomes <c>'G'::public.mpaa_rating</c>, <c>::int</c>
    /// becomes <c>::integer</c>), and <c>nextval('seq')</c> and <c>'seq'::regclass</c> become
    /// <c>nextval('public.seq'::regclass)</c>, the names resolved as the server would.
    /// </summary>
    protected virtual string CanonicalExpression(string expression)
    {
        if (!expression.Contains('\'', StringComparison.Ordinal) && !expression.Contains("::", StringComparison.Ordinal)) return expression;
        var tokens = SqlLexer.Tokenize(expression);
        var cursor = new TokenCursor(expression, tokens);
        System.Text.StringBuilder? sb = null;
        var last = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.DoubleColon && i + 1 < tokens.Count && tokens[i + 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
            {
                // A cast: the type in canonical spelling, user types qualified, as the server prints it.
                cursor.Pos = i + 1;
                DataType type;
                try
                {
                    type = ParseType(cursor);
                }
                catch (ParseException)
                {
                    continue;
                }
                var end = cursor.Pos;
                var text = type.Text;
                if (text == expression[tokens[i + 1].Start..tokens[end - 1].End]) continue;
                sb ??= new System.Text.StringBuilder(expression.Length + 16);
                sb.Append(expression, last, tokens[i + 1].Start - last).Append(text);
                last = tokens[end - 1].End;
                i = end - 1;
                continue;
            }
            if (t.Kind != TokenKind.String || expression[t.Start] != '\'') continue;
            var cast = i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.DoubleColon && tokens[i + 2].Kind == TokenKind.Word
                && cursor.Span(tokens[i + 2]).Equals("regclass", StringComparison.OrdinalIgnoreCase);
            var sequenceCall = i >= 2 && tokens[i - 1].Kind == TokenKind.LParen && tokens[i - 2].Kind == TokenKind.Word
                && (cursor.Span(tokens[i - 2]).Equals("nextval", StringComparison.OrdinalIgnoreCase) || cursor.Span(tokens[i - 2]).Equals("currval", StringComparison.OrdinalIgnoreCase))
                && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.RParen;
            if (!cast && !sequenceCall) continue;
            var value = cursor.StringValue(t);
            var nameTokens = SqlLexer.Tokenize(value);
            List<string> parts;
            try
            {
                var nc = new TokenCursor(value, nameTokens);
                parts = nc.ExpectNameParts();
                if (nc.Pos != nameTokens.Count) continue;
            }
            catch (ParseException)
            {
                continue;
            }
            var qualified = ResolveRelation(parts);
            sb ??= new System.Text.StringBuilder(expression.Length + 16);
            sb.Append(expression, last, t.Start - last).Append(PostgresQuoting.Literal(PostgresQuoting.Name(qualified)));
            if (!cast) sb.Append("::regclass");
            last = t.End;
        }
        if (sb == null) return expression;
        sb.Append(expression, last, expression.Length - last);
        return sb.ToString();
    }

    private void CreateSchema()
    {
        var c = _c;
        var ifNotExists = c.Accept("if", "not", "exists");
        string name;
        if (c.IsWord("authorization"))
        {
            c.Pos++;
            name = c.ExpectIdentifier("a role name");
        }
        else
        {
            name = c.ExpectIdentifier("a schema name");
            if (c.Accept("authorization")) c.ExpectIdentifier("a role name");
        }
        if (!c.AtEnd)
        {
            KeepOpaque("CREATE SCHEMA", why: "schema elements inside CREATE SCHEMA are not modelled; create them as separate statements");
            return;
        }
        if (_schemas.ContainsKey(name))
        {
            if (!ifNotExists) DuplicateObject($"schema {PostgresQuoting.Quote(name)}", 2);
            return;
        }
        _schemas[name] = new SchemaDef(name);
        Map(SourceKind.Schema, new QualifiedName(name, name), 2);
    }

    private void CreateExtension()
    {
        var c = _c;
        var ifNotExists = c.Accept("if", "not", "exists");
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("an extension name");
        c.Accept("with");
        string? schema = null;
        string? version = null;
        while (!c.AtEnd)
        {
            if (c.Accept("schema")) schema = c.ExpectIdentifier("a schema name");
            else if (c.Accept("version")) version = c.Is(TokenKind.String) ? c.ExpectString() : c.ExpectIdentifier("a version");
            else if (c.Accept("cascade")) { }
            else throw c.Error("expected SCHEMA, VERSION or CASCADE");
        }
        if (_extensions.ContainsKey(name))
        {
            if (!ifNotExists) DuplicateObject($"extension {name}", nameIndex);
            return;
        }
        // Without WITH SCHEMA the extension goes where unqualified objects go, as on the server.
        _extensions[name] = new Extension(name, schema ?? CreationSchema([name]), version);
        Map(SourceKind.Extension, new QualifiedName(string.Empty, name), nameIndex);
    }

    private protected void DuplicateObject(string what, int tokenIndex)
    {
        Report(Severity.Error, DiagnosticCodes.DuplicateObject, $"{what} is created twice", SpanAt(tokenIndex),
            "remove one of the definitions, or add IF NOT EXISTS where the repetition is intended");
    }

    private void UnknownObject(string what, int tokenIndex)
    {
        Report(Severity.Error, DiagnosticCodes.UnknownObject, $"{what} does not exist at this point", SpanAt(tokenIndex),
            "create it before this statement (files are read in name order), or fix the name");
    }

    // Hooks for a dialect read with this grammar. Each default is PostgreSQL's rule.

    /// <summary>The characters identifiers are quoted with besides double quotes.</summary>
    protected virtual IdentifierQuotes Quotes => IdentifierQuotes.Double;

    /// <summary>Whether unquoted identifiers fold to lower case (PostgreSQL) or keep their spelling (SQLite).</summary>
    protected virtual bool FoldsCase => true;

    /// <summary>The dialect the model records as its source, which decides how it renders.</summary>
    protected virtual string DialectName => PostgresDialect.Instance.Name;

    /// <summary>A column's declared type; <paramref name="serial"/> is set for PostgreSQL's serial pseudo-types.</summary>
    protected virtual DataType ParseColumnType(TokenCursor c, out bool serial) => PostgresTypeMapper.Parse(c, ResolveType, out serial);

    /// <summary>Reads a table option after the column list that PostgreSQL does not have; false when there is none.</summary>
    private protected virtual bool AcceptTableOption(TokenCursor c, TableDraft draft) => false;

    /// <summary>Reads a column constraint PostgreSQL does not have; false when there is none.</summary>
    private protected virtual bool AcceptColumnConstraint(TokenCursor c, ref Column column) => false;

    /// <summary>Whether a column-level PRIMARY KEY makes the column NOT NULL (always in PostgreSQL).</summary>
    protected virtual bool PrimaryKeyImpliesNotNull(Column column) => true;

    /// <summary>Reads what may follow PRIMARY KEY or a NOT NULL or UNIQUE constraint in the dialect (nothing in PostgreSQL).</summary>
    protected virtual void AcceptConstraintSuffix(TokenCursor c, bool primaryKey)
    {
    }

    /// <summary>CREATE TRIGGER after the word TRIGGER; <paramref name="constraint"/> for CREATE CONSTRAINT TRIGGER.</summary>
    protected virtual void CreateTrigger(bool constraint) => CreatePostgresTrigger(constraint);

    /// <summary>Identifier quoting for text the parser writes into the model (normalized expressions, definitions).</summary>
    protected static string QuoteIdentifier(string name) => PostgresQuoting.Quote(name);
}
