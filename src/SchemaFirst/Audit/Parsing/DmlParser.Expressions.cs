using SchemaFirst.Sql;

namespace SchemaFirst.Audit.Parsing;

internal sealed partial class DmlParser
{
    private static readonly HashSet<string> ValueWords =
    [
        "true", "false", "null", "unknown", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
        "current_user", "session_user", "current_role", "current_catalog", "current_schema", "system_user",
    ];

    /// <summary>Words that never start a column reference (PostgreSQL's reserved words and the expression keywords).</summary>
    private static readonly HashSet<string> Reserved =
    [
        "all", "analyse", "analyze", "and", "as", "asc", "asymmetric", "both", "check", "collate", "column", "constraint", "create",
        "deferrable", "desc", "distinct", "do", "else", "end", "except", "fetch", "for", "foreign", "from", "grant", "group", "having",
        "in", "initially", "intersect", "into", "lateral", "leading", "limit", "offset", "on", "only", "or", "order", "placing",
        "primary", "references", "returning", "select", "symmetric", "table", "then", "to", "trailing", "union", "unique", "using",
        "variadic", "when", "where", "window", "with", "join", "inner", "left", "right", "full", "outer", "cross", "natural", "is",
        "isnull", "notnull", "like", "ilike", "similar", "between", "escape", "overlaps",
    ];

    private static readonly HashSet<string> IntervalUnits =
    [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds",
        "microsecond", "microseconds", "millisecond", "milliseconds", "quarter", "year_month", "day_hour", "day_minute", "day_second",
        "hour_minute", "hour_second", "minute_second", "day_microsecond", "hour_microsecond", "minute_microsecond", "second_microsecond",
    ];

    private Expr ParseExpr()
    {
        var saved = (_complex, _lastCall, _lastCallStart);
        _complex = false;
        _lastCall = null;
        _lastCallStart = -1;
        var e = new Expr { Offset = Offset };
        var start = _p;
        Enter();
        int operands;
        try
        {
            operands = ParseExprInto(e);
        }
        finally
        {
            _depth--;
        }
        if (_p - start == 1 && _t[start].Kind == TokenKind.Parameter && _textHole(_t[start].Start)) e.TextHole = true;
        // A bare column reference names its select item; a lone function call names it after the function (PostgreSQL).
        if (operands == 1 && !_complex)
        {
            if (_lastCallStart == start) e.Function = _lastCall;
            else if (e.Columns.Count == 1 && e.Queries.Count == 0 && e.Stars.Count == 0) e.Single = e.Columns[0];
        }
        if (_p - start == 1 && Is("default", -1)) e.IsDefault = true;
        (_complex, _lastCall, _lastCallStart) = saved;
        return e;
    }

    private bool _complex;
    private string? _lastCall;
    private int _lastCallStart = -1;

    /// <summary>Reads an expression into <paramref name="e"/>; returns how many operands it joined (1 for a lone one).</summary>
    private int ParseExprInto(Expr e)
    {
        var operands = 0;
        while (true)
        {
            var hole = K() == TokenKind.Parameter && _hole(Cur.Start, Cur.End);
            ParseUnary(e);
            operands++;
            ParsePostfix(e);
            if (ParseBinary(e)) continue;
            // A part built at run time followed by more SQL ("WHERE " + cond + "a = 1"): the text goes on.
            if (hole && StartsOperand())
            {
                Fragments = true;
                continue;
            }
            return operands;
        }
    }

    /// <summary>Whether the token at the cursor can start an operand (not a clause keyword, not punctuation).</summary>
    private bool StartsOperand() => K() switch
    {
        TokenKind.Word => !Reserved.Contains(Word()!) || Word() is "not" or "case" or "exists" or "null" or "true" or "false",
        TokenKind.QuotedIdentifier or TokenKind.String or TokenKind.Number or TokenKind.LParen or TokenKind.Parameter => true,
        _ => false,
    };

    private void ParseUnary(Expr e)
    {
        while (true)
        {
            if (Accept("not"))
            {
                _complex = true;
                continue;
            }
            if (K() == TokenKind.Operator)
            {
                var op = _text.AsSpan(Cur.Start, Cur.Length);
                if (op is "?")
                {
                    _p++;
                    if (K() == TokenKind.Number && Cur.Start == _t[_p - 1].End) _p++;
                    return;
                }
                if (op is "@" or "@@" && K(1) == TokenKind.Word && _t[_p + 1].Start == Cur.End)
                {
                    _p += 2; // @name: a parameter (SQL Server, Dapper) or a MySQL variable
                    return;
                }
                if (op is "-" or "+" or "~" or "!" or "@" or "|/" or "||/" or "!!")
                {
                    _p++;
                    _complex = true;
                    continue;
                }
            }
            break;
        }
        ParsePrimary(e);
    }

    private void ParsePrimary(Expr e)
    {
        Enter();
        try
        {
            ParsePrimaryInner(e);
        }
        finally
        {
            _depth--;
        }
    }

    private void ParsePrimaryInner(Expr e)
    {
        switch (K())
        {
            case TokenKind.Number or TokenKind.String:
                _p++;
                while (K() == TokenKind.String && _t[_p - 1].Kind == TokenKind.String) _p++;
                return;
            case TokenKind.Parameter:
                _p++;
                // $1.column: a name built at run time, qualified.
                while (K() == TokenKind.Dot && (IsIdent(1) || K(1) == TokenKind.Parameter)) _p += 2;
                return;
            case TokenKind.Colon when K(1) is TokenKind.Word or TokenKind.Number && _t[_p + 1].Start == Cur.End:
                _p += 2; // :name
                return;
            case TokenKind.LParen:
            {
                _p++;
                if (Word() is "select" or "with" or "values" || K() == TokenKind.LParen && IsQueryAhead())
                {
                    e.Queries.Add(ParseQuery());
                    Expect(TokenKind.RParen);
                    _complex = true;
                    return;
                }
                if (Accept(TokenKind.RParen)) return;
                var count = 0;
                do count += ParseExprInto(e);
                while (Accept(TokenKind.Comma));
                Expect(TokenKind.RParen);
                if (count > 1) _complex = true;
                return;
            }
            case TokenKind.LBracket:
                _p++;
                if (K() != TokenKind.RBracket)
                {
                    do ParseExprInto(e);
                    while (Accept(TokenKind.Comma));
                }
                Expect(TokenKind.RBracket);
                _complex = true;
                return;
            case TokenKind.QuotedIdentifier when IsStringQuote(Cur):
                _p++;
                return;
            case TokenKind.Word or TokenKind.QuotedIdentifier:
                ParseWordPrimary(e);
                return;
            default:
                throw Error("expected an expression");
        }
    }

    private void ParseWordPrimary(Expr e)
    {
        var w = K() == TokenKind.Word ? Word()! : null;
        if (w != null)
        {
            if (ValueWords.Contains(w) || w == "default" || w == "user" && _d == DmlDialect.Postgres)
            {
                _p++;
                if (K() == TokenKind.LParen && w is "current_time" or "current_timestamp" or "localtime" or "localtimestamp" or "current_schema") SkipParens();
                _complex = true;
                return;
            }
            switch (w)
            {
                case "case":
                    ParseCase(e);
                    return;
                case "cast" or "try_cast" when K(1) == TokenKind.LParen:
                    _p += 2;
                    ParseExprInto(e);
                    Expect("as");
                    ParseType();
                    Expect(TokenKind.RParen);
                    return;
                case "convert" when K(1) == TokenKind.LParen:
                    _p += 2;
                    if (_d == DmlDialect.SqlServer)
                    {
                        ParseType();
                        Expect(TokenKind.Comma);
                        ParseExprInto(e);
                        if (Accept(TokenKind.Comma)) ParseExprInto(e);
                    }
                    else
                    {
                        ParseExprInto(e);
                        if (Accept("using")) _p++;
                        else if (Accept(TokenKind.Comma)) ParseType();
                    }
                    Expect(TokenKind.RParen);
                    _complex = true;
                    return;
                case "exists" when K(1) == TokenKind.LParen:
                    _p += 2;
                    e.Queries.Add(ParseQuery());
                    Expect(TokenKind.RParen);
                    _complex = true;
                    return;
                case "array" when K(1) is TokenKind.LBracket or TokenKind.LParen:
                    _p++;
                    ParsePrimary(e);
                    _complex = true;
                    return;
                case "row" when K(1) == TokenKind.LParen:
                    _p++;
                    ParsePrimary(e);
                    _complex = true;
                    return;
                case "interval" when K(1) == TokenKind.String || _d == DmlDialect.MySql && K(1) is TokenKind.Number or TokenKind.Parameter or TokenKind.LParen:
                    _p++;
                    if (K() == TokenKind.String) _p++;
                    else ParseUnary(e);
                    while (Word() is { } unit && (IntervalUnits.Contains(unit) || unit == "to")) _p++;
                    if (K() == TokenKind.LParen && K(1) == TokenKind.Number) SkipParens();
                    _complex = true;
                    return;
                case "extract" when K(1) == TokenKind.LParen:
                    _p += 2;
                    _p++; // the field: a word or a string
                    Expect("from");
                    ParseExprInto(e);
                    Expect(TokenKind.RParen);
                    _complex = true;
                    return;
                case "any" or "all" or "some" when K(1) == TokenKind.LParen:
                    _p++;
                    ParsePrimary(e);
                    _complex = true;
                    return;
                case "grouping" when Is("sets", 1):
                    _p += 2;
                    ParsePrimary(e);
                    return;
                case "binary" when _d == DmlDialect.MySql:
                    _p++;
                    ParseUnary(e);
                    return;
            }
            // A typed literal: date '2024-01-01', timestamp with time zone '...', double precision '1.5'.
            if (K(1) == TokenKind.String && !Reserved.Contains(w))
            {
                _p += 2;
                _complex = true;
                return;
            }
            if (w is "timestamp" or "time" && Word(1) is "with" or "without" && Is("time", 2) && Is("zone", 3) && K(4) == TokenKind.String)
            {
                _p += 5;
                return;
            }
            if (K(1) != TokenKind.LParen && K(1) != TokenKind.Dot && Reserved.Contains(w)) throw Error("expected an expression");
        }
        var start = Offset;
        var startIndex = _p;
        var parts = new List<string> { Value(_t[_p++]) };
        var star = false;
        while (K() == TokenKind.Dot)
        {
            if (IsOp("*", 1))
            {
                _p += 2;
                star = true;
                break;
            }
            if (!IsIdent(1)) break;
            _p++;
            parts.Add(Value(_t[_p++]));
        }
        var end = _t[_p - 1].End;
        if (!star && K() == TokenKind.LParen)
        {
            var name = new NameRef(parts, start, end - start, _hole(start, end));
            ParseCallArgs(e, name);
            _lastCall = parts[^1];
            _lastCallStart = startIndex;
            if (Is("within") && Is("group", 1))
            {
                _p += 2;
                Expect(TokenKind.LParen);
                Expect("order");
                Expect("by");
                do ParseOrderItemInto(e);
                while (Accept(TokenKind.Comma));
                Expect(TokenKind.RParen);
            }
            if (Is("filter") && K(1) == TokenKind.LParen)
            {
                _p += 2;
                Expect("where");
                ParseExprInto(e);
                Expect(TokenKind.RParen);
            }
            if (Accept("over"))
            {
                if (K() == TokenKind.LParen) e.Add(ParseWindowSpec());
                else _p++;
            }
            return;
        }
        var reference = new NameRef(parts, start, end - start, _hole(start, end));
        if (star) e.Stars.Add(reference);
        else e.Columns.Add(reference);
    }

    private void ParseOrderItemInto(Expr e)
    {
        ParseExprInto(e);
        if (!Accept("asc")) Accept("desc");
        if (Accept("nulls") && !Accept("first")) Expect("last");
    }

    private void ParseCase(Expr e)
    {
        Expect("case");
        _complex = true;
        if (!Is("when")) ParseExprInto(e);
        while (Accept("when"))
        {
            ParseExprInto(e);
            Expect("then");
            ParseExprInto(e);
        }
        if (Accept("else")) ParseExprInto(e);
        Expect("end");
    }

    private void ParseCallArgs(Expr e, NameRef function)
    {
        Expect(TokenKind.LParen);
        // sqlc's macros name parameters, not columns.
        if (function.Parts.Count == 2 && function.Parts[0].Equals("sqlc", StringComparison.OrdinalIgnoreCase))
        {
            _p--;
            SkipParens();
            return;
        }
        if (Accept(TokenKind.RParen)) return;
        if (IsOp("*") && K(1) == TokenKind.RParen)
        {
            _p += 2;
            return;
        }
        if (!Accept("distinct")) Accept("all");
        while (true)
        {
            if (Word() is "leading" or "trailing" or "both") _p++;
            if (K() == TokenKind.RParen) break;
            if (IsIdent() && (IsOp("=>", 1) || IsOp(":=", 1)))
            {
                _p += 2; // a named argument
            }
            if (Is("from") || Is("for")) { _p++; continue; }
            ParseExprInto(e);
            if (Accept(TokenKind.Comma) || Accept("from") || Accept("for") || Accept("in") || Accept("placing")) continue;
            if (Accept("as"))
            {
                ParseType();
                if (Accept(TokenKind.Comma)) continue;
            }
            if (Is("order") && Is("by", 1))
            {
                _p += 2;
                do ParseOrderItemInto(e);
                while (Accept(TokenKind.Comma));
            }
            if (Accept("separator"))
            {
                _p++;
            }
            if (Accept("using")) _p++;
            if (Is("on") && Is("overflow", 1))
            {
                while (K() != TokenKind.RParen && K() != TokenKind.Eof) _p++;
            }
            break;
        }
        Expect(TokenKind.RParen);
    }

    private Expr ParseWindowSpec()
    {
        var e = new Expr { Offset = Offset };
        Expect(TokenKind.LParen);
        if (IsIdent() && !(Word() is "partition" or "order" or "rows" or "range" or "groups") || K() == TokenKind.Parameter) _p++;
        if (Is("partition") && Is("by", 1))
        {
            _p += 2;
            do ParseExprInto(e);
            while (Accept(TokenKind.Comma));
        }
        if (Is("order") && Is("by", 1))
        {
            _p += 2;
            do ParseOrderItemInto(e);
            while (Accept(TokenKind.Comma));
        }
        if (Word() is "rows" or "range" or "groups")
        {
            _p++;
            while (K() != TokenKind.RParen && K() != TokenKind.Eof)
            {
                if (Word() is "between" or "unbounded" or "preceding" or "following" or "current" or "row" or "and" or "exclude" or "no" or "others" or "ties" or "group")
                {
                    _p++;
                    continue;
                }
                ParseExprInto(e);
            }
        }
        Expect(TokenKind.RParen);
        return e;
    }

    private void ParsePostfix(Expr e)
    {
        while (true)
        {
            // (composite).field, (func()).*: a field of a row value.
            if (K() == TokenKind.Dot && _p > 0 && _t[_p - 1].Kind == TokenKind.RParen && (IsIdent(1) || IsOp("*", 1)))
            {
                _p += 2;
                _complex = true;
                continue;
            }
            if (K() == TokenKind.DoubleColon)
            {
                _p++;
                ParseType();
                continue;
            }
            if (K() == TokenKind.LBracket)
            {
                _p++;
                if (K() != TokenKind.Colon) ParseExprInto(e);
                if (Accept(TokenKind.Colon) && K() != TokenKind.RBracket) ParseExprInto(e);
                Expect(TokenKind.RBracket);
                _complex = true;
                continue;
            }
            if (Is("collate"))
            {
                _p++;
                Name("a collation");
                continue;
            }
            if (Is("at") && Is("time", 1) && Is("zone", 2))
            {
                _p += 3;
                ParseUnary(e);
                _complex = true;
                continue;
            }
            if (Is("is"))
            {
                _p++;
                Accept("not");
                _complex = true;
                if (Is("distinct") && Is("from", 1))
                {
                    _p += 2;
                    ParseUnary(e);
                    continue;
                }
                if (Word() is "null" or "true" or "false" or "unknown" or "normalized")
                {
                    _p++;
                    continue;
                }
                if (Accept("json"))
                {
                    if (Word() is "value" or "object" or "array" or "scalar") _p++;
                    continue;
                }
                if (Word() is "nfc" or "nfd" or "nfkc" or "nfkd")
                {
                    _p += 2;
                    continue;
                }
                ParseUnary(e); // SQLite: a IS b
                continue;
            }
            if (Word() is "isnull" or "notnull")
            {
                _p++;
                _complex = true;
                continue;
            }
            return;
        }
    }

    /// <summary>Reads a binary operator and its right operand's start; false when the expression ends here.</summary>
    private bool ParseBinary(Expr e)
    {
        // A part built at run time right after an operand ("WHERE a " + cond + " AND b = 1"): SQL text, not a value.
        if (K() == TokenKind.Parameter && _hole(Cur.Start, Cur.End))
        {
            _p++;
            Fragments = true;
            _complex = true;
            return StartsOperand() || ParseBinary(e);
        }
        if (K() == TokenKind.Operator)
        {
            var op = _text.AsSpan(Cur.Start, Cur.Length);
            _complex = true;
            _p++;
            // "=?" and "=@p" are one token to the lexer: an operator and a parameter (unless an operand follows:
            // jsonb's @? and pgjdbc's ?? escape are operators).
            if (op.Length > 1 && op[^1] == '?' && !StartsOperand())
            {
                ParsePostfix(e);
                return ParseBinary(e);
            }
            if (op.Length > 1 && op[^1] == '@' && K() == TokenKind.Word && Cur.Start == _t[_p - 1].End)
            {
                _p++;
                ParsePostfix(e);
                return ParseBinary(e);
            }
            return true;
        }
        var w = Word();
        switch (w)
        {
            case "and" or "or" or "xor" or "div" or "mod" or "overlaps" or "escape" or "regexp" or "rlike" or "glob" or "match" or "like" or "ilike":
                _p++;
                _complex = true;
                if (w is "like" or "ilike" && Word() is "any" or "all" && K(1) == TokenKind.LParen) return true;
                return true;
            case "sounds" when Is("like", 1):
                _p += 2;
                return true;
            case "similar":
                _p++;
                Expect("to");
                _complex = true;
                return true;
            case "between":
                _p++;
                Accept("symmetric");
                _complex = true;
                return true;
            case "not" when Word(1) is "like" or "ilike" or "in" or "between" or "similar" or "regexp" or "rlike" or "glob" or "match":
                _p++;
                return ParseBinary(e);
            case "in":
                _p++;
                _complex = true;
                if (K() == TokenKind.LParen)
                {
                    ParsePrimary(e);
                    ParsePostfix(e);
                    return ParseBinary(e);
                }
                return true; // IN UNNEST(...), or POSITION(a IN b)
            case "member" when Is("of", 1):
                _p += 2;
                return true;
        }
        return false;
    }

    /// <summary>Reads a type name: qualified, multi-word (double precision, timestamp with time zone), with modifiers and arrays.</summary>
    private void ParseType()
    {
        if (K() == TokenKind.Parameter)
        {
            _p++;
            return;
        }
        var first = Word();
        Name("a type name");
        switch (first)
        {
            case "double":
                Accept("precision");
                break;
            case "character" or "char" or "national" or "nchar" or "bit":
                Accept("character");
                Accept("varying");
                break;
            case "signed" or "unsigned":
                Accept("integer");
                Accept("int");
                break;
            case "long":
                if (!Accept("varchar")) Accept("varbinary");
                break;
        }
        if (K() == TokenKind.LParen) SkipParens();
        if (first is "timestamp" or "time" && Word() is "with" or "without" && Is("time", 1) && Is("zone", 2)) _p += 3;
        if (first == "interval")
        {
            while (Word() is { } unit && (IntervalUnits.Contains(unit) || unit == "to")) _p++;
        }
        if (Word() is "unsigned" or "signed") _p++;
        if (Is("character") && Is("set", 1))
        {
            _p += 3;
        }
        while (K() == TokenKind.LBracket)
        {
            _p++;
            while (K() != TokenKind.RBracket && K() != TokenKind.Eof) _p++;
            Expect(TokenKind.RBracket);
        }
        if (Accept("array") && K() == TokenKind.LBracket) SkipBrackets();
    }
}
