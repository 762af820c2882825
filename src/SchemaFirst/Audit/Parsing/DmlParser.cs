using SchemaFirst.Sql;

namespace SchemaFirst.Audit.Parsing;

/// <summary>The SQL dialect the application speaks: how it quotes names, folds case and writes parameters.</summary>
internal enum DmlDialect
{
    Postgres,
    Sqlite,
    MySql,
    SqlServer,
}

/// <summary>Represents a statement the parser could not read: where, and what it expected.</summary>
internal sealed class DmlParseException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>
/// Reads the data statements applications send (SELECT with joins, subqueries, CTEs, set operations and window
/// functions; INSERT with VALUES, SELECT, DEFAULT VALUES, ON CONFLICT, ON DUPLICATE KEY and RETURNING; UPDATE ... FROM;
/// DELETE ... USING; MERGE; TRUNCATE; COPY) into the parts name resolution needs: the tables and aliases each query
/// reads, the column references of each clause, select-list names, CTEs and subqueries. Expressions are read fully
/// (operators, CASE, casts, typed literals, function calls with their keyword arguments, FILTER and OVER) so that what
/// is a column reference and what is a keyword, a type or a function is never guessed.
/// </summary>
internal sealed partial class DmlParser
{
    private readonly string _text;
    private readonly List<Token> _t;
    private readonly int _end;
    private readonly DmlDialect _d;
    private readonly Func<int, int, bool> _hole;
    private readonly Func<int, bool> _textHole;
    private int _p;

    /// <summary>Set when a FROM clause has a part built at run time (a JOIN appended in code): more relations may be there.</summary>
    public bool OpenFrom { get; private set; }

    /// <summary>Set when a part built at run time stands where SQL text goes (a condition appended in code), not a value.</summary>
    public bool Fragments { get; private set; }

    private DmlParser(string text, List<Token> tokens, int start, int end, DmlDialect dialect, Func<int, int, bool> hole, Func<int, bool> textHole)
    {
        _textHole = textHole;
        _text = text;
        _t = tokens;
        _p = start;
        _end = end;
        _d = dialect;
        _hole = hole;
    }

    /// <summary>The statement the tokens from <paramref name="start"/> to <paramref name="end"/> hold.</summary>
    public static Statement Parse(string text, List<Token> tokens, int start, int end, DmlDialect dialect, Func<int, int, bool>? hole = null, Func<int, bool>? textHole = null)
    {
        var parser = new DmlParser(text, tokens, start, end, dialect, hole ?? ((_, _) => false), textHole ?? (_ => false));
        var statement = parser.ParseStatement();
        if (parser._p < end) throw parser.Error("unexpected text after the statement");
        statement.End = parser._p;
        statement.Open = parser.OpenFrom || parser.Fragments;
        return statement;
    }

    /// <summary>The lexer's settings for a dialect's quoted names.</summary>
    public static IdentifierQuotes Quotes(DmlDialect d) => d switch
    {
        DmlDialect.MySql => IdentifierQuotes.Backticks,
        DmlDialect.Sqlite => IdentifierQuotes.Backticks | IdentifierQuotes.Brackets,
        DmlDialect.SqlServer => IdentifierQuotes.Brackets | IdentifierQuotes.Backticks,
        // Backticks mean nothing else in PostgreSQL: portable code (Roundcube, many PHP apps) writes MySQL's quotes
        // and has its driver rewrite them.
        _ => IdentifierQuotes.Double | IdentifierQuotes.Backticks,
    };

    // ---- cursor -------------------------------------------------------------------------------------------------

    private TokenKind K(int ahead = 0) => _p + ahead < _end ? _t[_p + ahead].Kind : TokenKind.Eof;

    private Token Cur => _p < _end ? _t[_p] : new Token(TokenKind.Eof, _text.Length, 0);

    private int Offset => _p < _end ? _t[_p].Start : _text.Length;

    private bool Is(string word, int ahead = 0)
    {
        var i = _p + ahead;
        if (i >= _end || _t[i].Kind != TokenKind.Word) return false;
        var tok = _t[i];
        return tok.Length == word.Length && _text.AsSpan(tok.Start, tok.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    private string? Word(int ahead = 0)
    {
        var i = _p + ahead;
        return i < _end && _t[i].Kind == TokenKind.Word ? _text.Substring(_t[i].Start, _t[i].Length).ToLowerInvariant() : null;
    }

    private bool IsOp(string op, int ahead = 0)
    {
        var i = _p + ahead;
        return i < _end && _t[i].Kind == TokenKind.Operator && _text.AsSpan(_t[i].Start, _t[i].Length).SequenceEqual(op);
    }

    private bool Accept(string word)
    {
        if (!Is(word)) return false;
        _p++;
        return true;
    }

    private bool Accept(TokenKind kind)
    {
        if (K() != kind) return false;
        _p++;
        return true;
    }

    private void Expect(string word)
    {
        if (!Accept(word)) throw Error($"expected {word.ToUpperInvariant()}");
    }

    private void Expect(TokenKind kind)
    {
        if (!Accept(kind)) throw Error($"expected {Describe(kind)}");
    }

    private static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.LParen => "'('",
        TokenKind.RParen => "')'",
        TokenKind.RBracket => "']'",
        TokenKind.Comma => "','",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private DmlParseException Error(string message)
    {
        var found = _p >= _end ? "the end of the statement" : "'" + Shorten(_text.Substring(Cur.Start, Cur.Length)) + "'";
        return new DmlParseException(_p >= _end ? (_end > 0 ? _t[_end - 1].End : 0) : Cur.Start, $"{message}, found {found}");
    }

    private static string Shorten(string s) => s.Length > 30 ? s[..30] + "..." : s;

    private bool IsIdent(int ahead = 0) => K(ahead) is TokenKind.Word or TokenKind.QuotedIdentifier && !(K(ahead) == TokenKind.QuotedIdentifier && IsStringQuote(_t[_p + ahead]));

    /// <summary>MySQL reads "..." as a string, not a name.</summary>
    private bool IsStringQuote(Token t) => _d == DmlDialect.MySql && _text[t.Start] == '"';

    private string Value(Token t)
    {
        if (t.Kind == TokenKind.QuotedIdentifier)
        {
            var s = _text.AsSpan(t.Start, t.Length);
            if (s.Length < 2 || s[^1] != (s[0] == '[' ? ']' : s[0])) throw new DmlParseException(t.Start, "an unterminated quoted name");
            if (s[0] == '[') return s[1..^1].ToString().Replace("]]", "]", StringComparison.Ordinal);
            if (s[0] == '`') return s[1..^1].ToString().Replace("``", "`", StringComparison.Ordinal);
            return s[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
        }
        var word = _text.Substring(t.Start, t.Length);
        return _d == DmlDialect.Postgres ? TokenCursor.FoldCase(word) : word;
    }

    /// <summary>Words no dialect takes as an unquoted name.</summary>
    private static readonly HashSet<string> NeverNames =
    [
        "select", "from", "where", "group", "order", "having", "union", "intersect", "except", "into", "on", "join", "and", "or", "not",
        "as", "when", "then", "else", "end", "case", "limit", "offset", "using", "natural", "inner", "left", "right", "full", "cross",
        "returning", "with", "distinct", "all", "table", "null", "true", "false", "default", "in", "is", "like", "between",
    ];

    private string Ident(string what = "a name")
    {
        if (!IsIdent() || K() == TokenKind.Word && NeverNames.Contains(Word()!)) throw Error("expected " + what);
        return Value(_t[_p++]);
    }

    /// <summary>A possibly qualified name of a table or function; a parameter or a name with a run-time part is dynamic.</summary>
    private NameRef Name(string what = "a table name")
    {
        var start = Offset;
        if (K() == TokenKind.Parameter)
        {
            var tok = _t[_p++];
            return new NameRef([_text.Substring(tok.Start, tok.Length)], start, tok.Length, Dynamic: true);
        }
        var parts = new List<string> { Ident(what) };
        while (K() == TokenKind.Dot && (IsIdent(1) || K(1) == TokenKind.Parameter))
        {
            _p++;
            parts.Add(K() == TokenKind.Parameter ? _text.Substring(Cur.Start, Cur.Length) : Value(Cur));
            _p++;
        }
        var end = _t[_p - 1].End;
        var dynamic = _hole(start, end);
        return new NameRef(parts, start, end - start, dynamic);
    }

    // ---- statements ---------------------------------------------------------------------------------------------

    private Statement ParseStatement()
    {
        var offset = Offset;
        WithClause? with = null;
        if (Is("with")) with = ParseWith();
        Statement s;
        switch (Word())
        {
            case "select" or "values" or "table":
                s = new QueryStatement(ParseQuery());
                break;
            case null when K() == TokenKind.LParen:
                s = new QueryStatement(ParseQuery());
                break;
            case "insert":
                s = ParseInsert();
                break;
            case "replace" when _d is DmlDialect.MySql or DmlDialect.Sqlite:
                s = ParseInsert();
                break;
            case "update":
                s = ParseUpdate();
                break;
            case "delete":
                s = ParseDelete();
                break;
            case "merge":
                s = ParseMerge();
                break;
            case "truncate" when with == null:
                s = ParseTruncate();
                break;
            case "copy" when with == null:
                s = ParseCopy();
                break;
            case "explain" when with == null:
                _p++;
                if (K() == TokenKind.LParen) SkipParens();
                while (Word() is "analyze" or "analyse" or "verbose" or "query" or "plan" or "extended" or "format") _p++;
                return ParseStatement();
            default:
                throw Error("expected SELECT, INSERT, UPDATE, DELETE, MERGE, TRUNCATE or COPY");
        }
        if (with != null)
        {
            if (s is QueryStatement q) q.Query.With = with;
            else s.With = with;
        }
        s.Offset = offset;
        return s;
    }

    private WithClause ParseWith()
    {
        Expect("with");
        var recursive = Accept("recursive");
        var ctes = new List<Cte>();
        do
        {
            var offset = Offset;
            var name = Ident("a CTE name");
            List<string>? columns = null;
            if (K() == TokenKind.LParen) columns = IdentList();
            Expect("as");
            if (Accept("not")) Expect("materialized");
            else Accept("materialized");
            Expect(TokenKind.LParen);
            var body = ParseStatement();
            Expect(TokenKind.RParen);
            // SEARCH ... SET col and CYCLE ... SET col [TO v DEFAULT d] USING path add columns the body does not name.
            var added = new List<string>();
            while (Word() is "search" or "cycle")
            {
                while (K() != TokenKind.Comma && K() != TokenKind.Eof && !(Word() is "select" or "insert" or "update" or "delete" or "merge" or "values" or "with"))
                {
                    if ((Is("set") || Is("using")) && IsIdent(1))
                    {
                        _p++;
                        added.Add(Value(_t[_p]));
                    }
                    _p++;
                }
            }
            ctes.Add(new Cte(name, columns, body, offset) { Added = added });
        }
        while (Accept(TokenKind.Comma));
        return new WithClause(recursive, ctes);
    }

    private List<string> IdentList()
    {
        Expect(TokenKind.LParen);
        var list = new List<string>();
        do list.Add(Ident("a column name"));
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RParen);
        return list;
    }

    private List<NameRef> ColumnList()
    {
        Expect(TokenKind.LParen);
        var list = new List<NameRef>();
        do list.Add(Name("a column name"));
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RParen);
        return list;
    }

    private void SkipParens()
    {
        var depth = 0;
        do
        {
            if (K() == TokenKind.LParen) depth++;
            else if (K() == TokenKind.RParen) depth--;
            else if (K() == TokenKind.Eof) throw Error("expected ')'");
            _p++;
        }
        while (depth > 0);
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    private int _depth;

    /// <summary>Guards the recursion: text nested deeper than any real query is refused, not a stack overflow.</summary>
    private void Enter()
    {
        if (++_depth > 200) throw new DmlParseException(Offset, "nested more than 200 levels deep");
    }

    private QueryExpr ParseQuery()
    {
        Enter();
        try
        {
            return ParseQueryInner();
        }
        finally
        {
            _depth--;
        }
    }

    private QueryExpr ParseQueryInner()
    {
        WithClause? with = null;
        if (Is("with")) with = ParseWith();
        var q = ParseSetOperand();
        while (Word() is "union" or "intersect" or "except" or "minus")
        {
            _p++;
            if (!Accept("all")) Accept("distinct");
            q = new SetQuery(q, ParseSetOperand());
        }
        ParseOrderAndLimit(q);
        if (with != null) q.With = with;
        return q;
    }

    private QueryExpr ParseSetOperand()
    {
        if (K() == TokenKind.LParen)
        {
            _p++;
            var inner = ParseQuery();
            Expect(TokenKind.RParen);
            return inner;
        }
        if (Is("select")) return ParseSelect();
        if (Is("values")) return ParseValues();
        if (Accept("table"))
        {
            var s = new SelectQuery();
            s.Items.Add(new SelectItem(null, null, new NameRef([], Offset, 1), Offset));
            s.From.Add(new TableFrom(Name(), null, null));
            return s;
        }
        throw Error("expected SELECT");
    }

    private ValuesQuery ParseValues()
    {
        if (!Accept("values")) Expect("value");
        var v = new ValuesQuery();
        do
        {
            Accept("row");
            Expect(TokenKind.LParen);
            var row = new List<Expr>();
            if (K() != TokenKind.RParen)
            {
                do row.Add(ParseExpr());
                while (Accept(TokenKind.Comma));
            }
            Expect(TokenKind.RParen);
            v.Rows.Add(row);
        }
        while (Accept(TokenKind.Comma));
        return v;
    }

    private static readonly HashSet<string> SelectModifiers =
        ["sql_calc_found_rows", "straight_join", "high_priority", "sql_no_cache", "sql_cache", "sql_small_result", "sql_big_result", "sql_buffer_result", "distinctrow"];

    private SelectQuery ParseSelect()
    {
        Expect("select");
        var s = new SelectQuery();
        if (_d == DmlDialect.SqlServer && Accept("top"))
        {
            if (K() == TokenKind.LParen) s.Clauses.Add(ParseExpr());
            else _p++;
            Accept("percent");
            if (Is("with") && Is("ties", 1)) _p += 2;
        }
        if (Accept("distinct"))
        {
            if (Accept("on"))
            {
                Expect(TokenKind.LParen);
                do s.Grouping.Add(ParseExpr()); // DISTINCT ON follows ORDER BY's rules: output names too
                while (Accept(TokenKind.Comma));
                Expect(TokenKind.RParen);
            }
        }
        else Accept("all");
        while (Word() is { } m && SelectModifiers.Contains(m)) _p++;
        if (!AtClauseEnd())
        {
            do s.Items.Add(ParseSelectItem());
            while (Accept(TokenKind.Comma));
        }
        if (Accept("into"))
        {
            // SELECT ... INTO target (PL/pgSQL variables, MySQL @vars, OUTFILE): not a relation the query reads.
            while (K() != TokenKind.Eof && !Is("from") && !Is("where") && K() != TokenKind.RParen) _p++;
        }
        if (Accept("from")) s.From.AddRange(ParseFromList());
        if (Accept("where")) s.Clauses.Add(ParseExpr());
        if (Is("group") && Is("by", 1))
        {
            _p += 2;
            if (!Accept("all")) Accept("distinct");
            do s.Grouping.Add(ParseExpr());
            while (Accept(TokenKind.Comma));
            if (Is("with") && Is("rollup", 1)) _p += 2;
        }
        if (Accept("having")) s.Grouping.Add(ParseExpr());
        if (Accept("window"))
        {
            do
            {
                Ident("a window name");
                Expect("as");
                s.Windows.Add(ParseWindowSpec());
            }
            while (Accept(TokenKind.Comma));
        }
        if (Accept("qualify")) s.Grouping.Add(ParseExpr());
        return s;
    }

    private bool AtClauseEnd() => K() is TokenKind.Eof or TokenKind.RParen or TokenKind.Semicolon || Word() is "from" or "where" or "into" or "union" or "intersect" or "except" or "order" or "limit" or "group" or "having";

    private SelectItem ParseSelectItem()
    {
        var offset = Offset;
        if (IsOp("*"))
        {
            _p++;
            return new SelectItem(null, null, new NameRef([], offset, 1), offset);
        }
        var e = ParseExpr();
        if (e.Stars.Count == 1 && e.Columns.Count == 0 && e.Queries.Count == 0 && e.Single == null && e.Function == null && IsStarOnly(offset))
        {
            return new SelectItem(null, null, e.Stars[0], offset);
        }
        string? alias = null;
        if (Accept("as"))
        {
            alias = K() == TokenKind.String ? StringValue(_t[_p++]) : Ident("an alias");
        }
        else if (IsIdent() && !IsAliasStop(Word()))
        {
            alias = Value(_t[_p++]);
        }
        else if (K() == TokenKind.String && _d != DmlDialect.Postgres)
        {
            alias = StringValue(_t[_p++]);
        }
        return new SelectItem(e, alias, null, offset);
    }

    /// <summary>Whether the select item just read is exactly <c>name.*</c>.</summary>
    private bool IsStarOnly(int offset)
    {
        var last = _t[_p - 1];
        return _text[last.Start] == '*' && last.Length == 1 && last.Start > offset;
    }

    private string StringValue(Token t)
    {
        var s = _text.Substring(t.Start, t.Length);
        return s.Length >= 2 ? s[1..^1].Replace("''", "'", StringComparison.Ordinal) : s;
    }

    private void ParseOrderAndLimit(QueryExpr q)
    {
        while (true)
        {
            if (Is("order") && Is("by", 1))
            {
                _p += 2;
                do q.OrderBy.Add(ParseOrderItem());
                while (Accept(TokenKind.Comma));
                continue;
            }
            if (Accept("limit"))
            {
                if (!Accept("all"))
                {
                    q.Tail.Add(ParseExpr());
                    if (Accept(TokenKind.Comma)) q.Tail.Add(ParseExpr());
                }
                continue;
            }
            if (Accept("offset"))
            {
                q.Tail.Add(ParseExpr());
                if (!Accept("rows")) Accept("row");
                continue;
            }
            if (Accept("fetch"))
            {
                if (!Accept("first")) Expect("next");
                if (!(Is("row") || Is("rows"))) q.Tail.Add(ParseExpr());
                if (!Accept("rows")) Expect("row");
                if (!Accept("only"))
                {
                    Expect("with");
                    Expect("ties");
                }
                continue;
            }
            if (Is("for") && Word(1) is "update" or "share" or "no" or "key")
            {
                _p++;
                while (Word() is "update" or "share" or "no" or "key") _p++;
                if (Accept("of"))
                {
                    do Name();
                    while (Accept(TokenKind.Comma));
                }
                if (!Accept("nowait") && Accept("skip")) Expect("locked");
                continue;
            }
            if (Is("lock") && Is("in", 1))
            {
                _p += 2;
                Expect("share");
                Expect("mode");
                continue;
            }
            return;
        }
    }

    private Expr ParseOrderItem()
    {
        var e = ParseExpr();
        if (!Accept("asc")) Accept("desc");
        if (Accept("using")) _p++;
        if (Accept("nulls") && !Accept("first")) Expect("last");
        return e;
    }

    // ---- FROM ---------------------------------------------------------------------------------------------------

    private List<FromItem> ParseFromList()
    {
        var list = new List<FromItem>();
        do list.Add(ParseFromItem());
        while (Accept(TokenKind.Comma));
        return list;
    }

    private FromItem ParseFromItem()
    {
        var left = ParseFromPrimary();
        while (true)
        {
            var natural = Accept("natural");
            var save = _p;
            var cross = false;
            if (Accept("cross") || Accept("outer") && Is("apply")) cross = true;
            else
            {
                if (Word() is "left" or "right" or "full") _p++;
                Accept("outer");
                Accept("inner");
            }
            if (!Accept("join") && !Accept("straight_join") && !(cross && Accept("apply")))
            {
                _p = save;
                if (natural) throw Error("expected JOIN");
                return left;
            }
            var right = ParseFromPrimary();
            Expr? on = null;
            List<NameRef>? usingCols = null;
            if (Accept("on")) on = ParseExpr();
            else if (Accept("using"))
            {
                usingCols = ColumnList();
                if (Accept("as")) Ident();
            }
            left = new JoinFrom(left, right, on, usingCols, natural);
        }
    }

    private FromItem ParseFromPrimary()
    {
        var lateral = Accept("lateral");
        if (K() == TokenKind.LParen)
        {
            if (Word(1) is "select" or "with" or "values" || K(1) == TokenKind.LParen && IsQueryAhead())
            {
                _p++;
                var q = ParseQuery();
                Expect(TokenKind.RParen);
                var (alias, cols) = ParseAlias();
                return new SubqueryFrom(q, alias, cols, lateral);
            }
            _p++;
            var inner = ParseFromItem();
            Expect(TokenKind.RParen);
            var (innerAlias, _) = ParseAlias();
            return innerAlias != null && inner is TableFrom t ? t with { Alias = innerAlias } : inner;
        }
        Accept("only");
        var name = Name();
        if (K() == TokenKind.LParen)
        {
            var call = new Expr { Offset = name.Offset };
            ParseCallArgs(call, name);
            if (Is("with") && Is("ordinality", 1)) _p += 2;
            var (alias, cols) = ParseAlias();
            return new FunctionFrom(call, name.ToString(), alias, cols);
        }
        if (IsOp("*")) _p++;
        var (a, c) = ParseAlias();
        if (Accept("tablesample"))
        {
            _p++;
            SkipParens();
            if (Accept("repeatable")) SkipParens();
        }
        while (Word() is "use" or "ignore" or "force" && Word(1) is "index" or "key")
        {
            _p += 2;
            if (Accept("for"))
            {
                if (Accept("group") || Accept("order")) Expect("by");
                else Accept("join");
            }
            SkipParens();
        }
        if (_d == DmlDialect.SqlServer && Is("with") && K(1) == TokenKind.LParen)
        {
            _p++;
            SkipParens();
        }
        return new TableFrom(name, a, c);
    }

    /// <summary>Whether the parenthesis at the cursor opens a query (possibly parenthesized again) rather than a join.</summary>
    private bool IsQueryAhead()
    {
        var i = 0;
        while (K(i) == TokenKind.LParen) i++;
        return Word(i) is "select" or "with" or "values";
    }

    private static readonly HashSet<string> AliasStops =
    [
        "where", "join", "on", "using", "left", "right", "inner", "full", "cross", "natural", "outer", "group", "order", "having",
        "limit", "offset", "union", "intersect", "except", "minus", "window", "set", "returning", "for", "fetch", "lateral",
        "tablesample", "values", "when", "then", "else", "end", "straight_join", "use", "ignore", "force", "into", "do", "from",
        "select", "lock", "as", "and", "or", "not", "is", "in", "like", "ilike", "between", "with", "qualify", "apply", "asc", "desc",
        "nulls", "collate", "escape", "similar", "isnull", "notnull", "overlaps", "default", "null", "true", "false", "case",
        "partition", "rows", "range", "groups", "over", "filter", "within", "separator", "div", "mod", "xor", "regexp", "rlike", "glob",
        "match", "only", "primary", "references", "check", "unique", "constraint", "table", "all", "any", "some", "distinct", "cast",
    ];

    private static bool IsAliasStop(string? word) => word != null && AliasStops.Contains(word);

    private (string? Alias, List<string>? Columns) ParseAlias()
    {
        string? alias = null;
        if (Accept("as") && !(K() == TokenKind.Parameter)) alias = Ident("an alias");
        else if (IsIdent() && !IsAliasStop(Word())) alias = Value(_t[_p++]);
        else if (K() == TokenKind.Parameter && _hole(Cur.Start, Cur.End))
        {
            _p++; // an alias built at run time
            OpenFrom = true;
            return (null, null);
        }
        // "AS c" followed at once by a part built at run time (a JOIN appended in code): the alias is what comes before it.
        if (alias != null && _hole(_t[_p - 1].Start, _t[_p - 1].End))
        {
            var word = _text.Substring(_t[_p - 1].Start, _t[_p - 1].Length);
            var cut = word.IndexOf('$');
            alias = cut > 0 ? word[..cut] : alias;
            OpenFrom = true;
        }
        List<string>? cols = null;
        if (alias != null && K() == TokenKind.LParen)
        {
            _p++;
            cols = [];
            do
            {
                cols.Add(Ident("a column name"));
                // Column definitions of a function returning record: name type.
                if (!(K() is TokenKind.Comma or TokenKind.RParen)) ParseType();
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        return (alias, cols);
    }
}
