using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Lint;

/// <summary>
/// Reads SQL text (a migration file, a schema file, or a plan's statements) into <see cref="ScriptStatement"/>s: a
/// tolerant reading of what each PostgreSQL statement does, enough for safety rules. A statement it cannot read is
/// kept as "other", never dropped, and rules that need more say nothing about it.
/// </summary>
public static class MigrationScript
{
    /// <summary>Reads a file's text; statements between BEGIN and COMMIT (or all, when the runner wraps the file) are in a transaction.</summary>
    public static List<ScriptStatement> Read(string text, string path, bool assumeInTransaction, List<Diagnostic> diagnostics, string defaultSchema = "public")
    {
        var reader = SqlStatementReader.FromString(text, path, diagnostics);
        var origin = Path.GetFileName(path);
        var result = new List<ScriptStatement>();
        var inTransaction = assumeInTransaction;
        while (reader.Next() is { } raw)
        {
            if (raw.Kind != RawStatementKind.Sql && raw.Kind != RawStatementKind.InsertData) continue;
            var start = new SourceSpan(path, raw.Line, raw.Column);
            var ignores = new List<SourceDirective>();
            foreach (var d in raw.Directives.Where(d => d.Name == SourceDirective.IgnoreName))
            {
                var at = new SourceSpan(path, d.Line, d.Column);
                if (d.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length >= 2) ignores.Add(new SourceDirective(d.Name, d.Arguments, at));
                else diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnknownDirective, "schemafirst:ignore needs a rule code and a reason", at, "write it as: -- schemafirst:ignore RULE why this is fine here"));
            }
            var s = Classify(raw.Text, start, origin, ignores, defaultSchema);
            // Unqualified names go where the file's SET search_path sends them, as the parser resolves them.
            if (s is { Verb: "set", Setting: "search_path", SettingValue: { } searchPath }
                && searchPath.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('\'', '"')).FirstOrDefault(p => p is not ("$user" or "pg_catalog" or "")) is { } first)
            {
                defaultSchema = first;
            }
            if (s.Verb == "begin") inTransaction = true;
            s.InTransaction = inTransaction || s.Verb is "commit" or "rollback";
            if (s.Verb is "commit" or "rollback") inTransaction = assumeInTransaction;
            result.Add(s);
        }
        return result;
    }

    /// <summary>Reads one statement.</summary>
    public static ScriptStatement Classify(string sql, SourceSpan? at, string origin, IReadOnlyList<SourceDirective>? ignores = null, string defaultSchema = "public")
    {
        var s = new ScriptStatement { Sql = sql, Location = at, Origin = origin, Ignores = ignores ?? [], DefaultSchema = defaultSchema };
        var c = new TokenCursor(sql, SqlLexer.Tokenize(sql));
        try
        {
            Read(c, s);
        }
        catch (ParseException)
        {
            // What was read before the surprise stays; the rest of the statement is not needed by any rule.
        }
        return s;
    }

    /// <summary>A name as the statement wrote it; unqualified, in the engine's default schema (public, or main for SQLite).</summary>
    private static QualifiedName Name(TokenCursor c, ScriptStatement s)
    {
        var parts = c.ExpectNameParts();
        return parts.Count >= 2 ? new QualifiedName(parts[^2], parts[^1]) : new QualifiedName(s.DefaultSchema, parts[0]);
    }

    private static void Read(TokenCursor c, ScriptStatement s)
    {
        if (c.Accept("begin") || c.Accept("start", "transaction"))
        {
            s.Verb = "begin";
            return;
        }
        if (c.Accept("commit") || c.Accept("end"))
        {
            s.Verb = "commit";
            return;
        }
        if (c.Accept("rollback") || c.Accept("abort"))
        {
            s.Verb = c.IsWord("to") ? "other" : "rollback";
            return;
        }
        if (c.Accept("set"))
        {
            s.Verb = "set";
            c.Accept("local");
            c.Accept("session");
            if (!c.IsIdentifier()) return;
            s.Setting = string.Join(".", c.ExpectNameParts());
            if (!c.Accept("to")) c.Accept(TokenKind.Operator);
            if (!c.AtEnd) s.SettingValue = c.Raw(c.Pos, c.End).Trim().TrimEnd(';').Trim();
            return;
        }
        if (c.Accept("truncate"))
        {
            s.Verb = "truncate";
            s.ObjectKind = "table";
            c.Accept("table");
            while (!c.AtEnd)
            {
                c.Accept("only");
                if (!c.IsIdentifier()) break;
                s.Tables.Add(Name(c, s));
                c.Accept(TokenKind.Operator);
                if (!c.Accept(TokenKind.Comma)) break;
            }
            s.Table = s.Target = s.Tables.FirstOrDefault();
            for (; !c.AtEnd; c.Pos++)
            {
                if (c.IsWord("cascade")) s.Cascade = true;
            }
            return;
        }
        if (c.IsAnyWord("insert", "update", "delete", "comment", "grant", "revoke", "select"))
        {
            s.Verb = c.TextOf(c.Current).ToLowerInvariant();
            return;
        }
        if (c.Accept("create"))
        {
            ReadCreate(c, s);
            return;
        }
        if (c.Accept("drop"))
        {
            ReadDrop(c, s);
            return;
        }
        if (c.Accept("alter"))
        {
            ReadAlter(c, s);
        }
    }

    private static void ReadCreate(TokenCursor c, ScriptStatement s)
    {
        s.Verb = "create";
        c.Accept("or", "replace");
        c.Accept("global");
        c.Accept("local");
        c.Accept("temporary");
        c.Accept("temp");
        c.Accept("unlogged");
        if (c.Accept("unique")) s.Unique = true;
        if (c.Accept("index"))
        {
            s.ObjectKind = "index";
            if (c.Accept("concurrently")) s.Concurrently = true;
            if (c.Accept("if", "not", "exists")) s.IfNotExists = true;
            if (!c.IsWord("on"))
            {
                var name = c.ExpectIdentifier("an index name");
                s.NewNames.Add(name);
                s.Target = new QualifiedName(s.DefaultSchema, name);
            }
            c.Expect("on");
            if (c.Accept("only")) s.Only = true;
            s.Table = Name(c, s);
            if (s.Target != null) s.Target = s.Target with { Schema = s.Table.Schema };
            return;
        }
        if (c.Accept("materialized", "view"))
        {
            s.ObjectKind = "materialized view";
        }
        else if (c.Accept("recursive", "view") || c.Accept("view"))
        {
            s.ObjectKind = "view";
        }
        else if (c.IsAnyWord("table", "sequence", "schema", "type", "domain", "function", "procedure", "trigger", "extension", "database", "policy", "rule", "aggregate", "collation"))
        {
            s.ObjectKind = c.TextOf(c.Current).ToLowerInvariant();
            c.Pos++;
        }
        else
        {
            return;
        }
        if (c.Accept("if", "not", "exists")) s.IfNotExists = true;
        if (s.ObjectKind is "trigger" or "policy" or "rule")
        {
            var name = c.ExpectIdentifier();
            s.NewNames.Add(name);
            while (!c.AtEnd && !c.IsWord("on")) c.Pos++;
            if (c.Accept("on")) s.Table = Name(c, s);
            s.Target = new QualifiedName(s.Table?.Schema ?? s.DefaultSchema, name);
            return;
        }
        if (s.ObjectKind is "schema" or "extension" or "database")
        {
            if (c.IsIdentifier()) s.Target = new QualifiedName(string.Empty, c.ExpectIdentifier());
            return;
        }
        s.Target = Name(c, s);
        s.NewNames.Add(s.Target.Name);
        if (s.ObjectKind == "table")
        {
            s.Table = s.Target;
            if (c.Is(TokenKind.LParen)) ReadColumns(c, s);
        }
        else if (s.ObjectKind == "type" && c.Accept("as", "enum"))
        {
            s.TypeAction = "enum";
            if (c.Accept(TokenKind.LParen))
            {
                while (c.Is(TokenKind.String))
                {
                    s.EnumLabels.Add(c.ExpectString());
                    if (!c.Accept(TokenKind.Comma)) break;
                }
            }
        }
        else if (s.ObjectKind == "domain")
        {
            for (; !c.AtEnd; c.Pos++)
            {
                if (c.IsWord("check") || c.IsWord("constraint")) s.TypeAction = "constraint";
            }
        }
    }

    private static void ReadColumns(TokenCursor c, ScriptStatement s)
    {
        var (start, end) = c.CaptureParens();
        foreach (var (from, to) in c.SplitTopLevel(start, end))
        {
            var e = c.Sub(from, to);
            if (e.IsAnyWord("constraint", "primary", "foreign", "unique", "check", "exclude", "like"))
            {
                var constraintName = e.Accept("constraint") && e.IsIdentifier() ? e.ExpectIdentifier() : null;
                if (constraintName != null) s.NewNames.Add(constraintName);
                continue;
            }
            if (!e.IsIdentifier()) continue;
            var column = e.ExpectIdentifier();
            s.NewNames.Add(column);
            s.Actions.Add(ColumnDefinition("add column", column, e));
        }
    }

    /// <summary>A column definition: its type as written, NOT NULL, DEFAULT, PRIMARY KEY, identity or serial.</summary>
    private static TableAction ColumnDefinition(string kind, string column, TokenCursor e)
    {
        var typeStart = e.Pos;
        while (!e.AtEnd && !e.IsAnyWord("not", "null", "default", "primary", "references", "unique", "check", "constraint", "generated", "collate"))
        {
            if (e.Is(TokenKind.LParen)) e.SkipParens();
            else e.Pos++;
        }
        var type = e.Raw(typeStart, e.Pos).Trim();
        bool notNull = false, pk = false, generated = false;
        string? dflt = null;
        while (!e.AtEnd)
        {
            if (e.Accept("not", "null")) notNull = true;
            else if (e.Accept("primary", "key"))
            {
                pk = true;
                notNull = true;
            }
            else if (e.Accept("default"))
            {
                var from = e.Pos;
                while (!e.AtEnd && !e.IsAnyWord("not", "null", "primary", "references", "unique", "check", "constraint", "generated", "collate"))
                {
                    if (e.Is(TokenKind.LParen)) e.SkipParens();
                    else e.Pos++;
                }
                dflt = e.Raw(from, e.Pos).Trim();
            }
            else if (e.Accept("generated"))
            {
                if (e.IsWord("always") && e.IsWord(1, "as") && e.Kind(2) == TokenKind.LParen) { }
                else generated = true;
                e.Pos++;
            }
            else if (e.Is(TokenKind.LParen)) e.SkipParens();
            else e.Pos++;
        }
        var lower = type.ToLowerInvariant();
        if (lower is "serial" or "bigserial" or "smallserial" or "serial4" or "serial8" or "serial2") generated = true;
        return new TableAction(kind, column, type) { NotNull = notNull, Default = dflt, PrimaryKey = pk, Generated = generated };
    }

    private static void ReadDrop(TokenCursor c, ScriptStatement s)
    {
        s.Verb = "drop";
        if (c.Accept("materialized", "view")) s.ObjectKind = "materialized view";
        else if (c.IsIdentifier())
        {
            s.ObjectKind = c.TextOf(c.Current).ToLowerInvariant();
            c.Pos++;
        }
        if (s.ObjectKind == "index" && c.Accept("concurrently")) s.Concurrently = true;
        if (c.Accept("if", "exists")) s.IfExists = true;
        if (s.ObjectKind is "database" or "schema" or "extension")
        {
            if (c.IsIdentifier()) s.Target = new QualifiedName(string.Empty, c.ExpectIdentifier());
        }
        else if (c.IsIdentifier())
        {
            s.Target = Name(c, s);
            if (s.ObjectKind == "table") s.Table = s.Target;
        }
        for (; !c.AtEnd; c.Pos++)
        {
            if (c.IsWord("cascade")) s.Cascade = true;
        }
    }

    private static void ReadAlter(TokenCursor c, ScriptStatement s)
    {
        s.Verb = "alter";
        if (c.Accept("type"))
        {
            s.ObjectKind = "type";
            s.Target = Name(c, s);
            if (c.Accept("add", "value")) s.TypeAction = "add value";
            else if (c.Accept("rename", "value")) s.TypeAction = "rename value";
            else if (c.Accept("rename", "to")) s.TypeAction = "rename";
            return;
        }
        if (c.Accept("domain"))
        {
            s.ObjectKind = "domain";
            s.Target = Name(c, s);
            if (c.Accept("add")) s.TypeAction = "constraint";
            return;
        }
        if (c.Accept("index"))
        {
            s.ObjectKind = "index";
            c.Accept("if", "exists");
            s.Target = Name(c, s);
            if (c.Accept("rename", "to")) s.NewNames.Add(c.ExpectIdentifier());
            return;
        }
        if (!c.Accept("table"))
        {
            if (c.IsIdentifier())
            {
                s.ObjectKind = c.TextOf(c.Current).ToLowerInvariant();
                c.Pos++;
            }
            return;
        }
        s.ObjectKind = "table";
        if (c.Accept("if", "exists")) s.IfExists = true;
        c.Accept("only");
        s.Target = s.Table = Name(c, s);
        c.Accept(TokenKind.Operator);
        if (c.Accept("rename", "to"))
        {
            var name = c.ExpectIdentifier();
            s.NewNames.Add(name);
            s.Actions.Add(new TableAction("rename table") { NewName = name });
            return;
        }
        if (c.Accept("set", "schema"))
        {
            s.Actions.Add(new TableAction("set schema") { NewName = c.ExpectIdentifier() });
            return;
        }
        if (c.Accept("attach", "partition") || c.Accept("detach", "partition"))
        {
            s.Actions.Add(new TableAction(c.TextOf(c[c.Pos - 2]).ToLowerInvariant() + " partition"));
            return;
        }
        foreach (var (from, to) in c.SplitTopLevel(c.Pos, c.End))
        {
            s.Actions.Add(ReadAction(c.Sub(from, to), s));
        }
    }

    private static TableAction ReadAction(TokenCursor e, ScriptStatement s)
    {
        if (e.Accept("add"))
        {
            if (e.IsAnyWord("constraint", "primary", "foreign", "unique", "check", "exclude")) return Constraint(e, s);
            e.Accept("column");
            e.Accept("if", "not", "exists");
            var column = e.ExpectIdentifier();
            s.NewNames.Add(column);
            return ColumnDefinition("add column", column, e);
        }
        if (e.Accept("drop"))
        {
            if (e.Accept("constraint"))
            {
                e.Accept("if", "exists");
                return new TableAction("drop constraint") { ConstraintName = e.ExpectIdentifier() };
            }
            e.Accept("column");
            e.Accept("if", "exists");
            return new TableAction("drop column", e.ExpectIdentifier());
        }
        if (e.Accept("validate", "constraint")) return new TableAction("validate constraint") { ConstraintName = e.ExpectIdentifier() };
        if (e.Accept("rename"))
        {
            if (e.Accept("constraint"))
            {
                var old = e.ExpectIdentifier();
                e.Expect("to");
                var name = e.ExpectIdentifier();
                s.NewNames.Add(name);
                return new TableAction("rename constraint") { ConstraintName = old, NewName = name };
            }
            e.Accept("column");
            var column = e.ExpectIdentifier();
            e.Expect("to");
            var to = e.ExpectIdentifier();
            s.NewNames.Add(to);
            return new TableAction("rename column", column) { NewName = to };
        }
        if (e.Accept("alter"))
        {
            e.Accept("column");
            var column = e.ExpectIdentifier();
            if (e.Accept("set", "data") || e.IsWord("type"))
            {
                e.Expect("type");
                var from = e.Pos;
                while (!e.AtEnd && !e.IsAnyWord("using", "collate"))
                {
                    if (e.Is(TokenKind.LParen)) e.SkipParens();
                    else e.Pos++;
                }
                var type = e.Raw(from, e.Pos).Trim();
                string? usingExpr = null;
                if (e.Accept("using")) usingExpr = e.Raw(e.Pos, e.End).Trim();
                return new TableAction("alter type", column, type) { Using = usingExpr };
            }
            if (e.Accept("set", "not")) return new TableAction("set not null", column);
            if (e.Accept("drop", "not")) return new TableAction("drop not null", column);
            if (e.Accept("set", "default")) return new TableAction("set default", column) { Default = e.Raw(e.Pos, e.End).Trim() };
            if (e.Accept("drop", "default")) return new TableAction("drop default", column);
            if (e.Accept("add", "generated")) return new TableAction("add identity", column) { Generated = true };
            return new TableAction("alter column", column);
        }
        return new TableAction("other");
    }

    private static TableAction Constraint(TokenCursor e, ScriptStatement s)
    {
        string? name = null;
        if (e.Accept("constraint"))
        {
            name = e.ExpectIdentifier();
            s.NewNames.Add(name);
        }
        var kind = e.Accept("primary", "key") ? "primary key"
            : e.Accept("foreign", "key") ? "foreign key"
            : e.Accept("unique") ? "unique"
            : e.Accept("check") ? "check"
            : e.Accept("exclude") ? "exclude" : "other";
        bool notValid = false, usingIndex = false;
        for (; !e.AtEnd; e.Pos++)
        {
            if (e.IsWord("not") && e.IsWord(1, "valid")) notValid = true;
            if (e.IsWord("using") && e.IsWord(1, "index")) usingIndex = true;
        }
        return new TableAction("add constraint") { ConstraintKind = kind, ConstraintName = name, NotValid = notValid, UsingIndex = usingIndex };
    }
}
