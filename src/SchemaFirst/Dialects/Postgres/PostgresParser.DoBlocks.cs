using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

// DO blocks: the guarded-DDL idioms of re-runnable scripts are read as the DDL they guard; anything else is kept verbatim.
internal partial class PostgresParser
{
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
