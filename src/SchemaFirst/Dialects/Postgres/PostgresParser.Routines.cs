using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Postgres;

internal sealed partial class PostgresParser
{
    private void CreateRoutine(bool orReplace)
    {
        var c = _c;
        var kindIndex = c.Pos;
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
        var afterName = c.Pos;
        if (!c.Is(TokenKind.LParen)) throw c.Error("expected '(' and the argument list");
        var args = ParseArgumentTypes(c.CaptureParens(), kind);
        if (kind == RoutineKind.Function && !c.IsAnyWord("returns", "language", "as", "immutable", "stable", "volatile", "security", "strict", "called", "parallel", "cost", "rows", "set", "begin", "return", "window", "leakproof", "not", "support", "transform", "external"))
        {
            throw c.Error("expected RETURNS, LANGUAGE or AS after the argument list");
        }
        // Everything after the name, as written: the body is never touched. The name is written qualified on output.
        var definition = c.Text[c[afterName].Start..].TrimEnd();
        var key = (name, args);
        if (_routines.TryGetValue(key, out var existing) && !orReplace)
        {
            DuplicateObject($"{kindWord} {name}({args})", nameIndex);
            return;
        }
        MapSet($"routine:{name}({args})", nameIndex);
        _routines[key] = new Routine(name, kind, args, definition, existing?.Comment);
    }

    /// <summary>The identity argument types of a routine: OUT arguments and names and defaults left out, types canonical.</summary>
    private string ParseArgumentTypes((int Start, int End) range, RoutineKind kind)
    {
        var c = _c;
        var types = new List<string>();
        if (range.End - range.Start == 1 && c[range.Start].Kind == TokenKind.Operator && c.Span(c[range.Start]).SequenceEqual("*")) return "*";
        var parts = c.SplitTopLevel(range.Start, range.End);
        foreach (var (s, e) in parts)
        {
            var sub = new TokenCursor(c.Text, c.TokenList, s, e);
            // Old-style aggregate: CREATE AGGREGATE name (BASETYPE = ..., SFUNC = ...)
            for (var i = s; i < e; i++)
            {
                if (c[i].Kind == TokenKind.Operator && c.Span(c[i]).SequenceEqual("=") && kind == RoutineKind.Aggregate) return string.Empty;
            }
            if (kind == RoutineKind.Aggregate && sub.Accept("order", "by")) { }
            var mode = "in";
            if (sub.Accept("in")) { }
            else if (sub.Accept("out")) mode = "out";
            else if (sub.Accept("inout")) mode = "inout";
            else if (sub.Accept("variadic")) mode = "variadic";
            var typeStart = sub.Pos;
            string? typeText = null;
            try
            {
                var t = ParseType(sub);
                if (sub.Pos >= e || sub.IsWord("default") || sub.IsOperator("=")) typeText = t.Text;
            }
            catch (ParseException)
            {
            }
            if (typeText == null)
            {
                sub.Pos = typeStart;
                sub.ExpectIdentifier("an argument name");
                typeText = ParseType(sub).Text;
            }
            if (mode == "out" && kind != RoutineKind.Procedure) continue;
            types.Add(mode == "variadic" ? "VARIADIC " + typeText : typeText);
        }
        return string.Join(", ", types);
    }

    private void CreateTrigger()
    {
        var c = _c;
        var constraint = c.Accept("constraint");
        c.Expect("trigger");
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
                functionText = function?.ToString() ?? string.Join(".", parts.Select(Identifier.Quote));
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
        var definition = $"{timing} ON {table} {middle}EXECUTE FUNCTION {functionText}{args}";
        if (!_tables.ContainsKey(table) && !_views.ContainsKey(table))
        {
            UnknownObject($"table {table}", tableIndex);
        }
        var key = (table, name);
        var replace = IsWordAt(1, "or");
        if (_triggers.ContainsKey(key) && !replace)
        {
            DuplicateObject($"trigger {name} on {table}", nameIndex);
            return;
        }
        MapSet($"trigger:{table}.{name}", nameIndex);
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
        if (!_tables.ContainsKey(table)) UnknownObject($"table {table}", tableIndex);
        if (roles.Count == 0) roles.Add("public");
        roles.Sort(StringComparer.Ordinal);
        var key = (table, name);
        if (_policies.ContainsKey(key))
        {
            DuplicateObject($"policy {name} on {table}", nameIndex);
            return;
        }
        MapSet($"policy:{table}.{name}", nameIndex);
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
        var definition = $"AS ON {evt} TO {table} {rest}";
        MapSet($"rule:{table}.{name}", nameIndex);
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
        var tokens = PostgresLexer.Tokenize(body);
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
        var reader = PostgresStatementReader.FromString(ddlText, _path, innerDiagnostics);
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
