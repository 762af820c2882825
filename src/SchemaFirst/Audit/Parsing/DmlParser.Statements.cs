using SchemaFirst.Sql;

namespace SchemaFirst.Audit.Parsing;

internal sealed partial class DmlParser
{
    private InsertStatement ParseInsert()
    {
        var replace = Is("replace");
        _p++;
        while (Word() is "low_priority" or "delayed" or "high_priority" or "ignore") _p++;
        if (Accept("or")) _p++; // SQLite: OR REPLACE | IGNORE | ABORT | FAIL | ROLLBACK
        if (!Accept("into") && _d != DmlDialect.MySql && !replace) Expect("into");
        var target = Name();
        var s = new InsertStatement { Target = target };
        if (Accept("as")) s.Alias = Ident("an alias");
        if (K() == TokenKind.LParen && !(Word(1) is "select" or "with" or "values") && !IsQueryAhead()) s.Columns = ColumnList();
        if (Accept("overriding"))
        {
            s.OverridingSystem = Accept("system");
            if (!s.OverridingSystem) Expect("user");
            Expect("value");
            s.Overriding = true;
        }
        if (Is("default") && Is("values", 1))
        {
            _p += 2;
            s.DefaultValues = true;
        }
        else if (Is("values") || Is("value"))
        {
            s.Source = ParseValues();
            if (_d == DmlDialect.MySql && Accept("as"))
            {
                s.RowAlias = Ident("a row alias");
                if (K() == TokenKind.LParen) IdentList();
            }
        }
        else if (Is("set") && _d == DmlDialect.MySql)
        {
            _p++;
            s.SetForm = true;
            s.Sets.AddRange(ParseSetItems());
        }
        else s.Source = ParseQuery();
        if (Is("on") && Is("conflict", 1))
        {
            _p += 2;
            s.Conflict = ParseOnConflict();
        }
        if (Is("on") && Is("duplicate", 1))
        {
            _p += 2;
            Expect("key");
            Expect("update");
            s.Sets.AddRange(ParseSetItems());
        }
        ParseReturning(s.Returning);
        return s;
    }

    private OnConflict ParseOnConflict()
    {
        var c = new OnConflict { Offset = _t[_p - 1].Start };
        if (K() == TokenKind.LParen)
        {
            _p++;
            do
            {
                if (IsIdent() && K(1) is TokenKind.Comma or TokenKind.RParen || IsIdent() && Word(1) is "collate")
                {
                    c.Columns.Add(Name("a column name"));
                    if (Accept("collate")) Name("a collation");
                }
                else
                {
                    var e = ParseExpr();
                    if (e.Single != null) c.Columns.Add(e.Single);
                    else c.HasExpressions = true;
                    c.TargetWhere ??= new Expr();
                    c.TargetWhere.Add(e);
                }
                if (IsIdent() && !(Word() is "collate")) _p++; // an operator class
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
            if (Accept("where"))
            {
                var w = ParseExpr();
                c.TargetWhere ??= new Expr();
                c.TargetWhere.Add(w);
            }
        }
        else if (Is("on") && Is("constraint", 1))
        {
            _p += 2;
            c.Constraint = Name("a constraint name");
        }
        Expect("do");
        if (Accept("nothing")) return c;
        Expect("update");
        Expect("set");
        c.Update = ParseSetItems();
        if (Accept("where")) c.Where = ParseExpr();
        return c;
    }

    private List<SetItem> ParseSetItems()
    {
        var items = new List<SetItem>();
        do
        {
            if (K() == TokenKind.Parameter && _hole(Cur.Start, Cur.End) && !IsOp("=", 1))
            {
                _p++; // assignments built at run time
                Fragments = true;
                continue;
            }
            if (K() == TokenKind.LParen)
            {
                var cols = ColumnList();
                if (!IsOp("=")) throw Error("expected '='");
                _p++;
                items.Add(new SetItem(cols, ParseExpr()));
                continue;
            }
            var col = Name("a column name");
            if (K() == TokenKind.LBracket) SkipBrackets();
            if (!IsOp("=")) throw Error("expected '='");
            _p++;
            items.Add(new SetItem([col], ParseExpr()));
        }
        while (Accept(TokenKind.Comma));
        return items;
    }

    private void SkipBrackets()
    {
        while (Accept(TokenKind.LBracket))
        {
            while (K() != TokenKind.RBracket && K() != TokenKind.Eof) _p++;
            Expect(TokenKind.RBracket);
        }
    }

    private void ParseReturning(List<SelectItem> returning)
    {
        if (!Accept("returning")) return;
        do returning.Add(ParseSelectItem());
        while (Accept(TokenKind.Comma));
        if (Accept("into"))
        {
            while (K() != TokenKind.Eof) _p++;
        }
    }

    private UpdateStatement ParseUpdate()
    {
        Expect("update");
        while (Word() is "low_priority" or "ignore") _p++;
        if (Accept("or")) _p++;
        Accept("only");
        var target = _d == DmlDialect.MySql ? ParseFromList() is { Count: 1 } one ? one[0] : throw Error("expected SET") : ParseFromPrimary();
        var s = new UpdateStatement { Target = target };
        Expect("set");
        s.Set.AddRange(ParseSetItems());
        if (Accept("from")) s.From.AddRange(ParseFromList());
        ParseWriteTail(s.Clauses, s.Returning);
        return s;
    }

    /// <summary>What UPDATE and DELETE end with: WHERE (or WHERE CURRENT OF a cursor), ORDER BY, LIMIT, RETURNING.</summary>
    private void ParseWriteTail(List<Expr> clauses, List<SelectItem> returning)
    {
        if (Accept("where"))
        {
            if (Is("current") && Is("of", 1)) _p += 3;
            else clauses.Add(ParseExpr());
        }
        ParseTailClauses(clauses);
        ParseReturning(returning);
    }

    /// <summary>ORDER BY and LIMIT on UPDATE and DELETE (MySQL, SQLite).</summary>
    private void ParseTailClauses(List<Expr> clauses)
    {
        if (Is("order") && Is("by", 1))
        {
            _p += 2;
            do clauses.Add(ParseOrderItem());
            while (Accept(TokenKind.Comma));
        }
        if (Accept("limit"))
        {
            clauses.Add(ParseExpr());
            if (Accept("offset") || Accept(TokenKind.Comma)) clauses.Add(ParseExpr());
        }
    }

    private DeleteStatement ParseDelete()
    {
        Expect("delete");
        while (Word() is "low_priority" or "quick" or "ignore") _p++;
        DeleteStatement s;
        if (Accept("from"))
        {
            Accept("only");
            var target = ParseFromPrimary();
            s = new DeleteStatement { Target = target };
            if (Accept("using")) s.Using.AddRange(ParseFromList());
        }
        else if (_d is DmlDialect.MySql or DmlDialect.SqlServer)
        {
            // MySQL: DELETE t1, t2 FROM t1 JOIN t2 ...; SQL Server: DELETE t FROM t JOIN ...
            var targets = new List<NameRef>();
            do
            {
                targets.Add(Name());
                if (K() == TokenKind.Dot && IsOp("*", 1)) _p += 2;
            }
            while (Accept(TokenKind.Comma));
            Expect("from");
            var from = ParseFromList();
            s = new DeleteStatement { Target = from[0] };
            s.Targets.AddRange(targets);
            s.Using.AddRange(from.Skip(1));
        }
        else throw Error("expected FROM");
        ParseWriteTail(s.Clauses, s.Returning);
        return s;
    }

    private MergeStatement ParseMerge()
    {
        Expect("merge");
        Accept("into");
        var name = Name();
        var (alias, _) = ParseAlias();
        var target = new TableFrom(name, alias, null);
        Expect("using");
        var source = ParseFromPrimary();
        Expect("on");
        var on = ParseExpr();
        var s = new MergeStatement { Target = target, Source = source, On = on };
        while (Is("when"))
        {
            var offset = Offset;
            _p++;
            var matched = !Accept("not");
            Expect("matched");
            if (Accept("by")) _p++;
            var cond = Accept("and") ? ParseExpr() : null;
            Expect("then");
            if (Accept("update"))
            {
                Expect("set");
                s.Whens.Add(new MergeWhen(matched, cond, ParseSetItems(), false, null, null, false, offset));
            }
            else if (Accept("delete")) s.Whens.Add(new MergeWhen(matched, cond, null, true, null, null, false, offset));
            else if (Accept("insert"))
            {
                List<NameRef>? cols = K() == TokenKind.LParen ? ColumnList() : null;
                if (Accept("overriding"))
                {
                    _p++;
                    Expect("value");
                }
                if (Is("default") && Is("values", 1))
                {
                    _p += 2;
                    s.Whens.Add(new MergeWhen(matched, cond, null, false, cols, null, true, offset));
                }
                else
                {
                    Expect("values");
                    Expect(TokenKind.LParen);
                    var values = new List<Expr>();
                    do values.Add(ParseExpr());
                    while (Accept(TokenKind.Comma));
                    Expect(TokenKind.RParen);
                    s.Whens.Add(new MergeWhen(matched, cond, null, false, cols, values, false, offset));
                }
            }
            else
            {
                Expect("do");
                Expect("nothing");
                s.Whens.Add(new MergeWhen(matched, cond, null, false, null, null, false, offset));
            }
        }
        ParseReturning(s.Returning);
        return s;
    }

    private TruncateStatement ParseTruncate()
    {
        Expect("truncate");
        Accept("table");
        var s = new TruncateStatement();
        do
        {
            Accept("only");
            s.Tables.Add(Name());
            if (IsOp("*")) _p++;
        }
        while (Accept(TokenKind.Comma));
        while (true)
        {
            if (Word() is "restart" or "continue")
            {
                _p++;
                Expect("identity");
                continue;
            }
            if (Accept("cascade"))
            {
                s.Cascade = true;
                continue;
            }
            if (Accept("restrict")) continue;
            break;
        }
        return s;
    }

    private CopyStatement ParseCopy()
    {
        Expect("copy");
        var s = new CopyStatement();
        if (K() == TokenKind.LParen)
        {
            _p++;
            s.Query = ParseQuery();
            Expect(TokenKind.RParen);
        }
        else
        {
            s.Table = Name();
            if (K() == TokenKind.LParen) s.Columns = ColumnList();
        }
        if (!Accept("from")) Expect("to");
        _p = _end; // the file, program or stream and the options say nothing about the schema
        return s;
    }
}
