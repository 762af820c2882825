using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

internal partial class PostgresParser
{
    private void CreateRoutine(bool orReplace)
    {
        var c = _c;
        var kindWord = TokenCursor.FoldCase(c.Span(c.Current));
        c.Pos++;
        var kind = kindWord switch
        {
            "procedure" => RoutineKind.Procedure,
            "aggregate" => RoutineKind.Aggregate,
            _ => RoutineKind.Function,
        };
        var nameIndex = c.Pos;
        var name = QualifyForCreate(c.ExpectNameParts("a routine name"));
        if (!c.Is(TokenKind.LParen)) throw c.Error("expected '(' and the argument list");
        var argsRange = c.CaptureParens();
        var args = ParseArgumentTypes(argsRange, kind);
        string definition;
        if (kind == RoutineKind.Aggregate)
        {
            var argsText = args.Length == 0 && argsRange.End > argsRange.Start ? c.Normalize(argsRange, stripOuterParens: false) : args;
            definition = c.Is(TokenKind.LParen) ? $"({argsText}) {AggregateOptions(c.CaptureParens())}" : $"({argsText})";
            c.ExpectEnd();
        }
        else
        {
            definition = "(" + CanonicalArguments(argsRange) + ")" + RoutineClauses(kind);
        }
        var key = (name, args);
        if (_routines.TryGetValue(key, out var existing) && !orReplace)
        {
            DuplicateObject($"{kindWord} {PostgresQuoting.Name(name)}({args})", nameIndex);
            return;
        }
        MapSet(SourceKind.Routine, name, nameIndex, args);
        _routines[key] = new Routine(name, kind, args, definition, existing?.Comment);
    }

    /// <summary>Aggregate options as KEY = value, keys upper case, in the order written.</summary>
    private string AggregateOptions((int Start, int End) range)
    {
        var c = _c;
        var parts = new List<string>();
        foreach (var (s, e) in c.SplitTopLevel(range.Start, range.End))
        {
            var sub = c.Sub(s, e);
            var key = sub.ExpectIdentifier("an aggregate option").ToUpperInvariant();
            if (!sub.IsOperator("=")) throw sub.Error("expected '=' after the option name");
            sub.Pos++;
            var value = sub.Is(TokenKind.String) && sub.Pos + 1 == e ? PostgresQuoting.Literal(sub.StringValue(sub.Current)) : sub.Normalize((sub.Pos, e), stripOuterParens: false);
            if (key.EndsWith("FUNC", StringComparison.Ordinal) && !sub.Is(TokenKind.String))
            {
                // Support functions resolved as the server resolves them; built-ins stay as written.
                var fn = sub.ExpectNameParts("a function name");
                value = ResolveFunctionName(fn) is { } resolved ? PostgresQuoting.Name(resolved) : string.Join(".", fn.Select(PostgresQuoting.Quote));
            }
            if (key is "STYPE" or "MSTYPE" or "BASETYPE")
            {
                try
                {
                    value = ParseType(sub).Text;
                }
                catch (ParseException)
                {
                }
            }
            parts.Add(key + " = " + value);
        }
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>The argument list in canonical form: [mode] [name] type [DEFAULT expr], IN and '=' spelled the long way.</summary>
    private string CanonicalArguments((int Start, int End) range)
    {
        var args = ReadArguments(range, RoutineKind.Function) ?? [];
        return string.Join(", ", args.Select(a =>
            (a.Mode != null ? a.Mode + " " : string.Empty) + (a.Name != null ? PostgresQuoting.Quote(a.Name) + " " : string.Empty) + a.Type.Text
            + (a.Default != null ? " DEFAULT " + a.Default : string.Empty)));
    }

    /// <summary>
    /// Reads the clauses after a function's argument list and writes them in one canonical order, with the values
    /// PostgreSQL takes by default left out; the body is kept exactly as written, in a dollar quote.
    /// </summary>
    private string RoutineClauses(RoutineKind kind)
    {
        var c = _c;
        string? returns = null, language = null, volatility = null, security = null, parallel = null, support = null, body = null;
        bool strict = false, leakproof = false, window = false;
        double? cost = null, rows = null;
        var sets = new List<string>();
        var transforms = new List<string>();
        while (!c.AtEnd)
        {
            if (c.Accept("returns", "null"))
            {
                c.Expect("on");
                c.Expect("null");
                c.Expect("input");
                strict = true;
            }
            else if (c.Accept("returns"))
            {
                if (c.Accept("table"))
                {
                    var (s, e) = c.CaptureParens();
                    var cols = new List<string>();
                    foreach (var (cs, ce) in c.SplitTopLevel(s, e))
                    {
                        var sub = c.Sub(cs, ce);
                        var col = sub.ExpectIdentifier("a column name");
                        cols.Add(PostgresQuoting.Quote(col) + " " + ParseType(sub).Text);
                    }
                    returns = "TABLE(" + string.Join(", ", cols) + ")";
                }
                else
                {
                    var setof = c.Accept("setof");
                    returns = (setof ? "SETOF " : string.Empty) + ParseType(c).Text;
                }
            }
            else if (c.Accept("language"))
            {
                language = c.Is(TokenKind.String) ? c.ExpectString().ToLowerInvariant() : c.ExpectIdentifier("a language");
            }
            else if (c.Accept("transform"))
            {
                do
                {
                    c.Expect("for");
                    c.Expect("type");
                    transforms.Add("FOR TYPE " + ParseType(c).Text);
                }
                while (c.Accept(TokenKind.Comma));
            }
            else if (c.Accept("window")) window = true;
            else if (c.Accept("immutable")) volatility = "IMMUTABLE";
            else if (c.Accept("stable")) volatility = "STABLE";
            else if (c.Accept("volatile")) volatility = null;
            else if (c.Accept("not", "leakproof")) leakproof = false;
            else if (c.Accept("leakproof")) leakproof = true;
            else if (c.Accept("called", "on", "null"))
            {
                c.Expect("input");
                strict = false;
            }
            else if (c.Accept("strict")) strict = true;
            else if (c.Accept("external") || c.IsWord("security"))
            {
                c.Expect("security");
                security = c.Accept("definer") ? "SECURITY DEFINER" : c.Accept("invoker") ? null : throw c.Error("expected DEFINER or INVOKER");
            }
            else if (c.Accept("parallel"))
            {
                var p = c.ExpectIdentifier("SAFE, RESTRICTED or UNSAFE").ToUpperInvariant();
                parallel = p == "UNSAFE" ? null : "PARALLEL " + p;
            }
            else if (c.Accept("cost")) cost = ReadNumber(c);
            else if (c.Accept("rows")) rows = ReadNumber(c);
            else if (c.Accept("support")) support = "SUPPORT " + string.Join(".", c.ExpectNameParts("a support function").Select(PostgresQuoting.Quote));
            else if (c.Accept("set"))
            {
                var param = string.Join(".", c.ExpectNameParts("a configuration parameter"));
                if (c.Accept("from", "current")) sets.Add($"SET {param} FROM CURRENT");
                else
                {
                    if (!c.Accept("to") && !(c.IsOperator("=") && c.Accept(TokenKind.Operator))) throw c.Error("expected TO, = or FROM CURRENT");
                    var start = c.Pos;
                    while (!c.AtEnd && (c.Is(TokenKind.Comma) || c.Pos == start || c[c.Pos - 1].Kind == TokenKind.Comma)) c.Pos++;
                    sets.Add($"SET {param} TO {c.Normalize((start, c.Pos), stripOuterParens: false)}");
                }
            }
            else if (c.Accept("as"))
            {
                var first = c.ExpectString("the routine body");
                if (c.Accept(TokenKind.Comma))
                {
                    var link = c.ExpectString("the link symbol");
                    body = "AS " + PostgresQuoting.Literal(first) + ", " + PostgresQuoting.Literal(link);
                }
                else
                {
                    body = "AS " + DollarQuote(first);
                }
            }
            else if (c.IsWord("return") || (c.IsWord("begin") && c.IsWord(1, "atomic")))
            {
                // A SQL-standard body: the rest of the statement.
                body = c.Normalize((c.Pos, c.End), stripOuterParens: false);
                c.Pos = c.End;
            }
            else
            {
                throw c.Error(kind == RoutineKind.Procedure ? "expected LANGUAGE, SECURITY, SET or AS" : "expected RETURNS, LANGUAGE, a function option or AS");
            }
        }
        var sb = new System.Text.StringBuilder();
        if (returns != null) sb.Append(" RETURNS ").Append(returns);
        if (language != null) sb.Append("\n    LANGUAGE ").Append(language);
        foreach (var t in transforms) sb.Append(" TRANSFORM ").Append(t);
        var options = new List<string>();
        if (window) options.Add("WINDOW");
        if (volatility != null) options.Add(volatility);
        if (leakproof) options.Add("LEAKPROOF");
        if (strict) options.Add("STRICT");
        if (security != null) options.Add(security);
        if (parallel != null) options.Add(parallel);
        var defaultCost = language is "c" or "internal" ? 1 : 100;
        if (cost is { } co && co != defaultCost) options.Add("COST " + co.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (rows is { } ro && ro != 1000 && returns != null && returns.StartsWith("SETOF", StringComparison.Ordinal)) options.Add("ROWS " + ro.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (support != null) options.Add(support);
        if (options.Count > 0) sb.Append("\n    ").Append(string.Join(' ', options));
        foreach (var set in sets) sb.Append("\n    ").Append(set);
        if (body == null) throw c.Error("expected the routine body (AS ..., RETURN ... or BEGIN ATOMIC)");
        sb.Append("\n    ").Append(body);
        return sb.ToString();
    }

    private static double ReadNumber(TokenCursor c)
    {
        if (!c.Is(TokenKind.Number) || !double.TryParse(c.Span(c.Current), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            throw c.Error("expected a number");
        }
        c.Pos++;
        return v;
    }

    /// <summary>A body in a dollar quote whose tag does not occur in it: $$, else $body$, $body1$, ...</summary>
    internal static string DollarQuote(string body)
    {
        if (!body.Contains("$$", StringComparison.Ordinal)) return "$$" + body + "$$";
        var tag = "$body$";
        for (var i = 1; body.Contains(tag, StringComparison.Ordinal); i++) tag = "$body" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "$";
        return tag + body + tag;
    }

    /// <summary>One argument of a routine as read: mode (null for IN), name, type and default.</summary>
    private readonly record struct Argument(string? Mode, string? Name, DataType Type, string? Default);

    /// <summary>
    /// Reads an argument list: [IN|OUT|INOUT|VARIADIC] [name] type [DEFAULT expr | = expr]. Returns null for the forms
    /// that are not a list of arguments: <c>(*)</c> and the old aggregate syntax <c>(BASETYPE = ..., SFUNC = ...)</c>.
    /// </summary>
    private List<Argument>? ReadArguments((int Start, int End) range, RoutineKind kind)
    {
        var c = _c;
        if (range.End - range.Start == 1 && c[range.Start].Kind == TokenKind.Operator && c.Span(c[range.Start]).SequenceEqual("*")) return null;
        var args = new List<Argument>();
        foreach (var (s, e) in c.SplitTopLevel(range.Start, range.End))
        {
            var sub = c.Sub(s, e);
            if (kind == RoutineKind.Aggregate)
            {
                for (var i = s; i < e; i++)
                {
                    if (c[i].Kind == TokenKind.Operator && c.Span(c[i]).SequenceEqual("=")) return null;
                }
                sub.Accept("order", "by");
            }
            string? mode = null;
            if (sub.Accept("in")) { }
            else if (sub.Accept("out")) mode = "OUT";
            else if (sub.Accept("inout")) mode = "INOUT";
            else if (sub.Accept("variadic")) mode = "VARIADIC";
            // "name type" or just "type": try the type first, and read a name when more than a type follows.
            var typeStart = sub.Pos;
            string? name = null;
            DataType? type = null;
            try
            {
                var t = ParseType(sub);
                if (sub.Pos >= e || sub.IsWord("default") || sub.IsOperator("=")) type = t;
            }
            catch (ParseException)
            {
            }
            if (type == null)
            {
                sub.Pos = typeStart;
                name = sub.ExpectIdentifier("an argument name");
                type = ParseType(sub);
            }
            string? defaultExpr = null;
            if (sub.Accept("default") || (sub.IsOperator("=") && sub.Accept(TokenKind.Operator))) defaultExpr = sub.Normalize((sub.Pos, e));
            else if (sub.Pos < e) throw sub.Error("unexpected text in the argument");
            args.Add(new Argument(mode, name, type, defaultExpr));
        }
        return args;
    }

    /// <summary>The identity argument types of a routine: what tells overloads apart (OUT arguments of functions left out).</summary>
    private string ParseArgumentTypes((int Start, int End) range, RoutineKind kind)
    {
        var args = ReadArguments(range, kind);
        if (args == null) return range.End - range.Start == 1 ? "*" : string.Empty;
        return string.Join(", ", args.Where(a => !(a.Mode == "OUT" && kind != RoutineKind.Procedure))
            .Select(a => a.Mode == "VARIADIC" ? "VARIADIC " + a.Type.Text : a.Type.Text));
    }

    private void CreatePostgresTrigger(bool constraint)
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("a trigger name");
        var timingStart = c.Pos;
        while (!c.AtEnd && !c.IsWord("on")) c.Pos++;
        if (c.AtEnd) throw c.Error("expected ON and the table name");
        var timing = string.Join(' ', c.Normalize((timingStart, c.Pos), stripOuterParens: false).Split(' ')
            .Select(w => w is "before" or "after" or "instead" or "of" or "insert" or "update" or "delete" or "truncate" or "or" ? w.ToUpperInvariant() : w));
        c.Expect("on");
        var tableIndex = c.Pos;
        var tableParts = c.ExpectNameParts("a table name");
        var table = ResolveRelation(tableParts);
        var restStart = c.Pos;
        QualifiedName? function = null;
        string? functionText = null;
        var executeIndex = -1;
        while (!c.AtEnd)
        {
            if (c.IsWord("execute") && (c.IsWord(1, "function") || c.IsWord(1, "procedure")))
            {
                executeIndex = c.Pos;
                c.Pos += 2;
                var parts = c.ExpectNameParts("a function name");
                function = ResolveFunctionName(parts);
                // A function the model does not hold (built in, or from an extension) stays as written.
                functionText = function != null ? PostgresQuoting.Name(function) : string.Join(".", parts.Select(PostgresQuoting.Quote));
                break;
            }
            if (c.Is(TokenKind.LParen)) c.SkipParens();
            else c.Pos++;
        }
        if (functionText == null) throw c.Error("expected EXECUTE FUNCTION name(arguments)");
        if (!c.Is(TokenKind.LParen)) throw c.Error("expected '(' and the trigger function's arguments");
        var args = c.NormalizeParenthesized();
        c.ExpectEnd();
        var middle = executeIndex > restStart ? UpperTriggerKeywords(c.Normalize((restStart, executeIndex), stripOuterParens: false)) + " " : string.Empty;
        var definition = $"{timing} ON {PostgresQuoting.Name(table)} {middle}EXECUTE FUNCTION {functionText}{args}";
        if (!_tables.ContainsKey(table) && !_views.ContainsKey(table))
        {
            UnknownObject($"table {PostgresQuoting.Name(table)}", tableIndex);
        }
        var key = (table, name);
        var replace = IsWordAt(1, "or");
        if (_triggers.ContainsKey(key) && !replace)
        {
            DuplicateObject($"trigger {name} on {PostgresQuoting.Name(table)}", nameIndex);
            return;
        }
        MapSet(SourceKind.Trigger, table, nameIndex, name);
        _triggers[key] = new Trigger(name, table, definition, constraint, function, _triggers.GetValueOrDefault(key)?.Comment);
    }

    private static string UpperTriggerKeywords(string rest)
    {
        // Keywords of the trigger clause in upper case, the rest (names, WHEN condition) as normalized.
        var keywords = new[] { "for each row", "for each statement", "for row", "for statement", "referencing", "new table as", "old table as", "deferrable", "initially deferred", "initially immediate", "not deferrable", "from", "when" };
        foreach (var k in keywords)
        {
            var padded = " " + rest + " ";
            padded = padded.Replace(" " + k + " ", " " + k.ToUpperInvariant() + " ", StringComparison.Ordinal);
            rest = padded[1..^1];
        }
        return rest;
    }

    private QualifiedName? ResolveFunctionName(List<string> parts)
    {
        foreach (var schema in LookupSchemas(parts))
        {
            var q = new QualifiedName(schema, parts[^1]);
            foreach (var key in _routines.Keys)
            {
                if (key.Item1 == q) return q;
            }
        }
        return parts.Count >= 2 ? new QualifiedName(parts[^2], parts[^1]) : null;
    }

    private void CreatePolicy()
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("a policy name");
        c.Expect("on");
        var tableIndex = c.Pos;
        var table = ResolveRelation(c.ExpectNameParts("a table name"));
        var permissive = true;
        var command = "ALL";
        var roles = new List<string>();
        string? usingExpr = null;
        string? withCheck = null;
        while (!c.AtEnd)
        {
            if (c.Accept("as"))
            {
                if (c.Accept("restrictive")) permissive = false;
                else c.Expect("permissive");
            }
            else if (c.Accept("for")) command = c.ExpectIdentifier("ALL, SELECT, INSERT, UPDATE or DELETE").ToUpperInvariant();
            else if (c.Accept("to"))
            {
                do
                {
                    roles.Add(c.ExpectIdentifier("a role name"));
                }
                while (c.Accept(TokenKind.Comma));
            }
            else if (c.Accept("using")) usingExpr = c.Normalize(c.CaptureParens());
            else if (c.Accept("with", "check")) withCheck = c.Normalize(c.CaptureParens());
            else throw c.Error("expected AS, FOR, TO, USING or WITH CHECK");
        }
        if (!_tables.ContainsKey(table)) UnknownObject($"table {PostgresQuoting.Name(table)}", tableIndex);
        if (roles.Count == 0) roles.Add("public");
        roles.Sort(StringComparer.Ordinal);
        var key = (table, name);
        if (_policies.ContainsKey(key))
        {
            DuplicateObject($"policy {name} on {PostgresQuoting.Name(table)}", nameIndex);
            return;
        }
        MapSet(SourceKind.Policy, table, nameIndex, name);
        _policies[key] = new Policy(name, table, permissive, command, roles.ToEquatableArray(), usingExpr, withCheck);
    }

    private void CreateRule()
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("a rule name");
        c.Expect("as");
        c.Expect("on");
        var evt = c.ExpectIdentifier("SELECT, INSERT, UPDATE or DELETE").ToUpperInvariant();
        c.Expect("to");
        var table = ResolveRelation(c.ExpectNameParts("a table name"));
        var rest = c.Normalize((c.Pos, c.End), stripOuterParens: false);
        var definition = $"AS ON {evt} TO {PostgresQuoting.Name(table)} {rest}";
        MapSet(SourceKind.Rule, table, nameIndex, name);
        _rules[(table, name)] = new Rule(name, table, definition, _rules.GetValueOrDefault((table, name))?.Comment);
    }

    /// <summary>
    /// Understands the DO blocks of re-runnable schema files: a body that only runs DDL when the object is missing
    /// (<c>IF NOT EXISTS (...) THEN ... END IF</c>, or <c>EXCEPTION WHEN duplicate_object THEN NULL</c>) is read as
    /// that DDL. Any other DO block is kept verbatim with a warning.
    /// </summary>
    private void DoBlock()
    {
        var c = _c;
        if (c.Accept("language")) c.ExpectIdentifier("a language");
        var bodyIndex = c.Pos;
        if (!c.Is(TokenKind.String)) throw c.Error("expected the block's body as a string");
        var bodyToken = c[bodyIndex];
        c.Pos++;
        var language = "plpgsql";
        if (c.Accept("language")) language = c.ExpectIdentifier("a language");
        c.ExpectEnd();
        if (language == "plpgsql" && TryGuardedDdl(bodyToken)) return;
        _stats.KeptVerbatim++;
        _opaque.Add(new OpaqueStatement("DO", _stmt.Text));
        Report(Severity.Warning, DiagnosticCodes.OpaqueDoBlock,
            "DO block kept verbatim: only blocks that guard DDL (IF NOT EXISTS ... THEN <DDL> END IF, or EXCEPTION WHEN duplicate_object THEN NULL) are understood",
            SpanAt(0, 2), "write the DDL as plain statements, or keep the block (it is rendered as written)");
    }

    private bool TryGuardedDdl(Token bodyToken)
    {
        var c = _c;
        var raw = c.TextOf(bodyToken);
        var bodyOffsetInStatement = bodyToken.Start;
        int innerStart;
        string body;
        if (raw[0] == '$')
        {
            var tagEnd = raw.IndexOf('$', 1) + 1;
            body = raw[tagEnd..^tagEnd];
            innerStart = bodyOffsetInStatement + tagEnd;
        }
        else
        {
            // A body in plain quotes: '' escapes make positions shift; read it but without exact positions.
            body = c.StringValue(bodyToken);
            innerStart = bodyOffsetInStatement + 1;
        }
        var tokens = SqlLexer.Tokenize(body);
        var b = new TokenCursor(body, tokens);
        if (!b.Accept("begin")) return false;
        int ddlStart, ddlEnd;
        if (b.Accept("if", "not", "exists"))
        {
            if (!b.Is(TokenKind.LParen)) return false;
            b.SkipParens();
            if (!b.Accept("then")) return false;
            ddlStart = b.Pos;
            // Find END IF at the top level of the block.
            var depth = 0;
            while (b.Pos < b.End && !(depth == 0 && b.IsWord("end") && b.IsWord(1, "if")))
            {
                if (b.IsWord("if") && !(b.Pos > 0 && b.IsWord(-1, "end"))) depth++;
                else if (b.IsWord("end") && b.IsWord(1, "if")) depth--;
                b.Pos++;
            }
            if (b.Pos >= b.End) return false;
            ddlEnd = b.Pos;
            b.Pos += 2;
            b.Accept(TokenKind.Semicolon);
            if (b.Accept("exception") && !AcceptDuplicateHandler(b)) return false;
        }
        else
        {
            ddlStart = b.Pos;
            while (b.Pos < b.End && !b.IsWord("exception")) b.Pos++;
            if (b.Pos >= b.End) return false;
            ddlEnd = b.Pos;
            b.Pos++;
            if (!AcceptDuplicateHandler(b)) return false;
        }
        if (!b.Accept("end")) return false;
        b.Accept(TokenKind.Semicolon);
        if (b.Pos < b.End) return false;
        if (ddlEnd <= ddlStart) return false;
        var ddlText = body[tokens[ddlStart].Start..tokens[ddlEnd - 1].End];
        // Every statement inside must be DDL we can replay.
        var innerDiagnostics = new List<Diagnostic>();
        var reader = SqlStatementReader.FromString(ddlText, _path, innerDiagnostics);
        var statements = new List<RawStatement>();
        while (reader.Next() is { } s) statements.Add(s);
        if (innerDiagnostics.Count > 0 || statements.Count == 0) return false;
        foreach (var s in statements)
        {
            var first = s.Text.AsSpan().TrimStart();
            if (!(first.StartsWith("create", StringComparison.OrdinalIgnoreCase) || first.StartsWith("alter", StringComparison.OrdinalIgnoreCase)
                || first.StartsWith("comment", StringComparison.OrdinalIgnoreCase))) return false;
        }
        var (baseLine, baseCol) = Position(innerStart + tokens[ddlStart].Start);
        var before = _diagnostics.Count;
        foreach (var s in statements)
        {
            var line = baseLine + s.Line - 1;
            var col = s.Line == 1 ? baseCol + s.Column - 1 : s.Column;
            _stats.Statements--;
            HandleStatement(s with { Line = line, Column = col }, 0);
        }
        // The guard makes a repeated definition a no-op, as on the server.
        for (var i = _diagnostics.Count - 1; i >= before; i--)
        {
            if (_diagnostics[i].Code is DiagnosticCodes.DuplicateObject or DiagnosticCodes.DuplicateIndexName) _diagnostics.RemoveAt(i);
        }
        return true;
    }

    private static bool AcceptDuplicateHandler(TokenCursor b)
    {
        if (!b.Accept("when")) return false;
        do
        {
            if (!b.IsAnyWord("duplicate_object", "duplicate_table", "duplicate_column", "duplicate_schema", "duplicate_function", "unique_violation")) return false;
            b.Pos++;
        }
        while (b.Accept("or"));
        if (!b.Accept("then")) return false;
        if (b.Accept("null")) { }
        else if (b.Accept("raise"))
        {
            while (b.Pos < b.End && !b.Is(TokenKind.Semicolon)) b.Pos++;
        }
        else return false;
        b.Accept(TokenKind.Semicolon);
        return true;
    }
}
