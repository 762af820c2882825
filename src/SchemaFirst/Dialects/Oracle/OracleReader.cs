using System.Globalization;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Oracle;

/// <summary>
/// Reads Oracle DDL into the model with SchemaFirst's own reader on the shared tokens: tables (columns, types mapped to
/// the neutral kinds, defaults, identity, virtual columns, inline and table constraints), ALTER TABLE ... ADD
/// CONSTRAINT, indexes (function-based ones keep their expression), sequences, views and COMMENT ON. Unquoted names are
/// folded to upper case, as Oracle stores them. A PL/SQL unit (trigger, procedure, function, package, anonymous block)
/// runs to the <c>/</c> line that ends it and is kept verbatim and reported; GRANT, CONNECT, INSERT and session
/// statements are counted. Nothing is dropped silently.
/// </summary>
public static class OracleReader
{
    public static LoadResult Read(IReadOnlyList<(string Path, string Text)> sources)
    {
        var diagnostics = new List<Diagnostic>();
        var stats = new LoadStatistics { Files = sources.Count };
        var reader = new State(diagnostics, stats);
        foreach (var (path, text) in sources)
        {
            List<Token> tokens;
            try
            {
                tokens = SqlLexer.Tokenize(text);
            }
            catch (ParseException e)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SyntaxError, e.Message, Position(path, text, e.TokenIndex < 0 ? 0 : text.Length), e.Help));
                continue;
            }
            foreach (var (start, end) in Statements(text, tokens))
            {
                stats.Statements++;
                reader.Statement(new TokenCursor(text, tokens, start, end, foldCase: false), path);
            }
        }
        return new LoadResult(reader.Finish(), new SourceMap(), diagnostics, stats);
    }

    private static SourceSpan Position(string path, string text, int offset)
    {
        var line = 1;
        var col = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return new SourceSpan(path, line, col);
    }

    /// <summary>The statements of a script: up to each ';', except a PL/SQL unit, which runs to its '/' line.</summary>
    private static IEnumerable<(int Start, int End)> Statements(string text, List<Token> tokens)
    {
        var start = 0;
        var plsql = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i == start) plsql = IsPlSql(text, tokens, i);
            var t = tokens[i];
            if (!plsql && t.Kind == TokenKind.Semicolon)
            {
                if (i > start) yield return (start, i);
                start = i + 1;
            }
            else if (plsql && t.Kind == TokenKind.Operator && text.AsSpan(t.Start, t.Length).SequenceEqual("/") && AloneOnLine(text, t))
            {
                if (i > start) yield return (start, i);
                start = i + 1;
            }
            else if (!plsql && t.Kind == TokenKind.Operator && text.AsSpan(t.Start, t.Length).SequenceEqual("/") && AloneOnLine(text, t) && i == start)
            {
                start = i + 1; // a stray '/' after a plain statement re-runs it in SQL*Plus: nothing new
            }
        }
        if (start < tokens.Count) yield return (start, tokens.Count);
    }

    private static bool AloneOnLine(string text, Token t)
    {
        var before = text.LastIndexOf('\n', Math.Max(0, t.Start - 1));
        var after = text.IndexOf('\n', t.End);
        return text[(before + 1)..t.Start].Trim().Length == 0 && text[t.End..(after < 0 ? text.Length : after)].Trim().Length == 0;
    }

    private static bool IsPlSql(string text, List<Token> tokens, int i)
    {
        string W(int k) => k < tokens.Count && tokens[k].Kind == TokenKind.Word ? text.Substring(tokens[k].Start, tokens[k].Length).ToUpperInvariant() : string.Empty;
        if (W(i) is "DECLARE" or "BEGIN") return true;
        if (W(i) != "CREATE") return false;
        var k = i + 1;
        if (W(k) == "OR" && W(k + 1) == "REPLACE") k += 2;
        if (W(k) is "EDITIONABLE" or "NONEDITIONABLE") k++;
        return W(k) is "TRIGGER" or "PROCEDURE" or "FUNCTION" or "PACKAGE" or "TYPE";
    }

    private sealed class State(List<Diagnostic> diagnostics, LoadStatistics stats)
    {
        private const string Schema = "";
        private readonly Dictionary<QualifiedName, Table> _tables = [];
        private readonly List<QualifiedName> _order = [];
        private readonly List<SchemaIndex> _indexes = [];
        private readonly List<Sequence> _sequences = [];
        private readonly List<View> _views = [];
        private readonly List<OpaqueStatement> _opaque = [];

        public Database Finish() => Database.Empty with
        {
            Tables = _order.Select(n => _tables[n]).ToEquatableArray(),
            Indexes = _indexes.ToEquatableArray(),
            Sequences = _sequences.ToEquatableArray(),
            Views = _views.ToEquatableArray(),
            Opaque = _opaque.ToEquatableArray(),
            SourceDialect = "oracle",
        };

        public void Statement(TokenCursor c, string path)
        {
            var start = c.Pos;
            try
            {
                if (c.Accept("create"))
                {
                    c.Accept("or", "replace");
                    if (c.Accept("table")) CreateTable(c);
                    else if (c.IsWord("unique") || c.IsWord("index") || c.IsWord("bitmap")) CreateIndex(c);
                    else if (c.Accept("sequence")) CreateSequence(c);
                    else if (c.IsWord("view") || c.IsWord("force") || c.IsWord("noforce")) CreateView(c);
                    else Keep(c, start, path);
                }
                else if (c.Accept("alter", "table")) AlterTable(c, start, path);
                else if (c.Accept("alter", "index")) AlterIndex(c, start, path);
                else if (c.Accept("alter", "sequence")) AlterSequence(c, start, path);
                else if (c.Accept("drop")) Drop(c, start, path);
                else if (c.Accept("comment", "on")) Comment(c);
                else if (c.IsAnyWord("insert", "update", "delete", "merge")) stats.DataStatements++;
                else if (c.IsAnyWord("grant", "revoke", "connect", "commit", "rollback", "set", "alter", "drop", "exec", "execute", "whenever", "spool", "prompt", "purge", "exit", "quit")) stats.SessionSettings++;
                else Keep(c, start, path);
            }
            catch (ParseException e)
            {
                stats.Errors++;
                var token = c[Math.Clamp(e.TokenIndex, start, Math.Max(start, c.End - 1))];
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SyntaxError, e.Message, Position(path, c.Text, token.Start), e.Help ?? "fix the statement"));
            }
            catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or FormatException or OverflowException)
            {
                // A statement the reader cannot follow is said where it is and left out, never a crash of the whole run.
                stats.Errors++;
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SyntaxError, $"internal error reading this statement ({e.GetType().Name}); it is left out",
                    Position(path, c.Text, c[Math.Clamp(start, 0, Math.Max(0, c.End - 1))].Start), "this is a bug in SchemaFirst: please report it with the statement"));
            }
        }

        private void Keep(TokenCursor c, int start, string path)
        {
            var text = c.Raw(start, c.End).Trim();
            var kind = string.Join(' ', text.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries).Take(3)).ToUpperInvariant();
            _opaque.Add(new OpaqueStatement(kind, text));
            stats.KeptVerbatim++;
            diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnsupportedStatement, $"{kind} is not modelled; kept verbatim", Position(path, c.Text, c[start].Start), "it is carried as written"));
        }

        /// <summary>A name as Oracle stores it: unquoted ones in upper case.</summary>
        private static string Ident(TokenCursor c)
        {
            if (!c.IsIdentifier()) throw c.Error("expected a name");
            var t = c.Current;
            c.Pos++;
            return t.Kind == TokenKind.QuotedIdentifier ? c.IdentifierValue(t) : c.TextOf(t).ToUpperInvariant();
        }

        private static QualifiedName Name(TokenCursor c)
        {
            var first = Ident(c);
            if (!c.Accept(TokenKind.Dot)) return new QualifiedName(Schema, first);
            return new QualifiedName(Schema, Ident(c)); // the owner is the schema the script runs as
        }

        private static List<string> NameList(TokenCursor c)
        {
            c.Expect(TokenKind.LParen);
            var names = new List<string>();
            do
            {
                names.Add(Ident(c));
                if (c.IsAnyWord("asc", "desc")) c.Pos++;
            }
            while (c.Accept(TokenKind.Comma));
            c.Expect(TokenKind.RParen);
            return names;
        }

        private void CreateTable(TokenCursor c)
        {
            var name = Name(c);
            var columns = new List<Column>();
            PrimaryKey? pk = null;
            var uniques = new List<UniqueConstraint>();
            var checks = new List<CheckConstraint>();
            var fks = new List<ForeignKey>();
            c.Expect(TokenKind.LParen);
            do
            {
                if (c.IsAnyWord("constraint", "primary", "unique", "check", "foreign"))
                {
                    TableConstraint(c, name, ref pk, uniques, checks, fks);
                    continue;
                }
                columns.Add(ColumnDef(c, name, ref pk, uniques, checks, fks));
            }
            while (c.Accept(TokenKind.Comma));
            c.Expect(TokenKind.RParen);
            if (pk != null) columns = columns.Select(col => pk.Columns.Contains(col.Name) ? col with { NotNull = true } : col).ToList();
            _tables[name] = new Table(name, columns.ToEquatableArray(), pk, uniques.ToEquatableArray(), fks.ToEquatableArray(), checks.ToEquatableArray());
            _order.Add(name);
            // storage, tablespace and similar options after the column list describe no part of the schema
        }

        /// <summary>A column definition (in CREATE TABLE, ADD or MODIFY), with the constraints written on it.</summary>
        private static Column ColumnDef(TokenCursor c, QualifiedName name, ref PrimaryKey? pk, List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<ForeignKey> fks)
        {
            var column = Ident(c);
            var type = c.IsWord("generated") || c.IsWord("as") ? new DataType(TypeKind.Unknown, "virtual") : Type(c);
            var col = new Column(column, type);
            while (!c.AtEnd && !c.Is(TokenKind.Comma) && !c.Is(TokenKind.RParen))
            {
                string? constraintName = null;
                if (c.Accept("constraint")) constraintName = Ident(c);
                if (c.Accept("not", "null")) col = col with { NotNull = true };
                else if (c.Accept("null")) { }
                else if (c.Accept("default"))
                {
                    c.Accept("on", "null");
                    if (c.Accept("null")) continue; // DEFAULT NULL: no default
                    var (s, e) = c.CaptureUntil(x => x.IsAnyWord("not", "null", "constraint", "primary", "unique", "check", "references", "generated"));
                    col = col with { Default = c.Raw(s, e).Trim() };
                }
                else if (c.Accept("generated"))
                {
                    var always = c.Accept("always");
                    if (c.Accept("by", "default")) c.Accept("on", "null");
                    c.Expect("as");
                    if (c.Accept("identity"))
                    {
                        long? startWith = null;
                        if (c.Is(TokenKind.LParen))
                        {
                            var (s, e) = c.CaptureParens();
                            var options = new TokenCursor(c.Text, c.TokenList, s, e, false);
                            while (!options.AtEnd)
                            {
                                if (options.Accept("start", "with") && options.Is(TokenKind.Number) && long.TryParse(options.TextOf(options.Current), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s0)) startWith = s0;
                                options.Pos++;
                            }
                        }
                        col = col with { Identity = new Identity(always, SequenceOptions.Default with { Start = startWith }) };
                    }
                    else
                    {
                        var (s, e) = c.CaptureParens();
                        col = col with { Generated = new GeneratedColumn(c.Raw(s, e).Trim(), false) };
                        c.Accept("virtual");
                    }
                }
                else if (c.Accept("as"))
                {
                    var (s, e) = c.CaptureParens();
                    col = col with { Generated = new GeneratedColumn(c.Raw(s, e).Trim(), false) };
                    c.Accept("virtual");
                }
                else if (c.Accept("primary", "key"))
                {
                    pk = new PrimaryKey(constraintName ?? "PK_" + name.Name, new[] { column }, new IndexOptions(default), ConstraintTiming.Immediate);
                    col = col with { NotNull = true };
                }
                else if (c.Accept("unique"))
                {
                    uniques.Add(new UniqueConstraint(constraintName ?? $"UQ_{name.Name}_{column}", new[] { column }, false, new IndexOptions(default), ConstraintTiming.Immediate));
                }
                else if (c.Accept("check"))
                {
                    var (s, e) = c.CaptureParens();
                    checks.Add(new CheckConstraint(constraintName ?? $"CK_{name.Name}_{column}", c.Raw(s, e).Trim()));
                }
                else if (c.Accept("references"))
                {
                    fks.Add(References(c, constraintName ?? $"FK_{name.Name}_{column}", [column]));
                }
                else if (c.IsAnyWord("enable", "disable", "validate", "novalidate", "rely", "norely", "deferrable", "initially", "immediate", "deferred", "visible", "invisible", "virtual"))
                {
                    c.Pos++;
                }
                else throw c.Error($"unexpected '{c.TextOf(c.Current)}' in the definition of column {column}");
            }
            return col;
        }

        private static void TableConstraint(TokenCursor c, QualifiedName table, ref PrimaryKey? pk, List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<ForeignKey> fks)
        {
            string? name = null;
            if (c.Accept("constraint")) name = Ident(c);
            if (c.Accept("primary", "key")) pk = new PrimaryKey(name ?? "PK_" + table.Name, NameList(c), new IndexOptions(default), ConstraintTiming.Immediate);
            else if (c.Accept("unique"))
            {
                var columns = NameList(c);
                uniques.Add(new UniqueConstraint(name ?? $"UQ_{table.Name}_{string.Join("_", columns)}", columns, false, new IndexOptions(default), ConstraintTiming.Immediate));
            }
            else if (c.Accept("check"))
            {
                var (s, e) = c.CaptureParens();
                checks.Add(new CheckConstraint(name ?? $"CK_{table.Name}_{checks.Count + 1}", c.Raw(s, e).Trim()));
            }
            else if (c.Accept("foreign", "key"))
            {
                var columns = NameList(c);
                c.Expect("references");
                fks.Add(References(c, name ?? "FK_" + table.Name + "_" + string.Join("_", columns), columns));
            }
            else throw c.Error("expected PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY");
            while (c.IsAnyWord("enable", "disable", "validate", "novalidate", "rely", "norely", "deferrable", "initially", "immediate", "deferred", "using")) c.Pos++;
        }

        private static ForeignKey References(TokenCursor c, string name, List<string> columns)
        {
            var target = Name(c);
            var referenced = c.Is(TokenKind.LParen) ? NameList(c) : [];
            var onDelete = ForeignKeyAction.NoAction;
            var timing = ConstraintTiming.Immediate;
            while (!c.AtEnd && !c.Is(TokenKind.Comma) && !c.Is(TokenKind.RParen))
            {
                if (c.Accept("on", "delete"))
                {
                    if (c.Accept("cascade")) onDelete = ForeignKeyAction.Cascade;
                    else if (c.Accept("set", "null")) onDelete = ForeignKeyAction.SetNull;
                    else throw c.Error("expected CASCADE or SET NULL");
                }
                else if (c.Accept("deferrable")) timing = timing with { Deferrable = true };
                else if (c.Accept("initially", "deferred")) timing = timing with { InitiallyDeferred = true };
                else if (c.IsAnyWord("initially", "immediate", "enable", "disable", "validate", "novalidate", "rely", "norely", "not")) c.Pos++;
                else break;
            }
            return new ForeignKey(name, columns, target, referenced, onDelete, ForeignKeyAction.NoAction, ForeignKeyMatch.Simple, timing);
        }

        private void Error(string code, string message, TokenCursor c, int start, string path, string help)
        {
            stats.Errors++;
            diagnostics.Add(new Diagnostic(Severity.Error, code, message, Position(path, c.Text, c[start].Start), help));
        }

        private void Missing(string what, TokenCursor c, int start, string path) =>
            Error(DiagnosticCodes.UnknownObject, $"{what} does not exist at this point", c, start, path, "create it before this statement");

        private void Refuse(string message, TokenCursor c, int start, string path) =>
            Error(DiagnosticCodes.DependentObject, message, c, start, path, "drop what depends on it first, and make it again after");

        /// <summary>The foreign key of another table that references these columns of a table (any of them when null), or null.</summary>
        private (Table Table, ForeignKey Key)? Referencing(QualifiedName table, IReadOnlyCollection<string>? columns) =>
            _tables.Values.Where(o => o.Name != table).SelectMany(o => o.ForeignKeys.Select(f => (o, f)))
                .FirstOrDefault(x => x.f.ReferencedTable == table && (columns == null || x.f.ReferencedColumns.ToHashSet().SetEquals(columns))) is { f: { } fk } r ? (r.o, fk) : null;

        private void AlterTable(TokenCursor c, int start, string path)
        {
            var name = Name(c);
            if (!_tables.TryGetValue(name, out var table))
            {
                Missing($"table {name.Name}", c, start, path);
                return;
            }
            var pk = table.PrimaryKey;
            var uniques = table.Uniques.ToList();
            var checks = table.Checks.ToList();
            var fks = table.ForeignKeys.ToList();
            var columns = table.Columns.ToList();
            if (c.Accept("add"))
            {
                var wrapped = c.Accept(TokenKind.LParen);
                do
                {
                    if (c.IsAnyWord("constraint", "primary", "unique", "check", "foreign")) TableConstraint(c, name, ref pk, uniques, checks, fks);
                    else
                    {
                        var column = ColumnDef(c, name, ref pk, uniques, checks, fks);
                        if (columns.Any(x => x.Name == column.Name))
                        {
                            Error(DiagnosticCodes.DuplicateColumn, $"column {column.Name} already exists in {name.Name}", c, start, path, "a table's column names are unique");
                            return;
                        }
                        columns.Add(column);
                    }
                }
                while (wrapped && c.Accept(TokenKind.Comma));
                if (wrapped) c.Expect(TokenKind.RParen);
            }
            else if (c.Accept("modify"))
            {
                var wrapped = c.Accept(TokenKind.LParen);
                do
                {
                    var columnName = Ident(c);
                    var at = columns.FindIndex(x => x.Name == columnName);
                    if (at < 0)
                    {
                        Missing($"column {name.Name}.{columnName}", c, start, path);
                        return;
                    }
                    columns[at] = Modify(c, columns[at], name, start, path);
                }
                while (wrapped && c.Accept(TokenKind.Comma));
                if (wrapped) c.Expect(TokenKind.RParen);
            }
            else if (c.Accept("drop"))
            {
                if (c.Accept("constraint"))
                {
                    var constraint = Ident(c);
                    var key = pk?.Name == constraint ? pk.Columns.ToList() : uniques.FirstOrDefault(u => u.Name == constraint)?.Columns.ToList();
                    var cascade = c.Accept("cascade");
                    if (key != null && !cascade && Referencing(name, key) is { } r)
                    {
                        Refuse($"constraint {constraint} of {name.Name} cannot be dropped: foreign key {r.Key.Name} of {r.Table.Name.Name} references it", c, start, path);
                        return;
                    }
                    var before = uniques.Count + checks.Count + fks.Count + (pk != null ? 1 : 0);
                    if (pk?.Name == constraint) pk = null;
                    uniques.RemoveAll(u => u.Name == constraint);
                    checks.RemoveAll(x => x.Name == constraint);
                    fks.RemoveAll(f => f.Name == constraint);
                    if (before == uniques.Count + checks.Count + fks.Count + (pk != null ? 1 : 0))
                    {
                        Missing($"constraint {constraint} of {name.Name}", c, start, path);
                        return;
                    }
                }
                else if (c.Accept("primary", "key"))
                {
                    if (pk == null)
                    {
                        Missing($"the primary key of {name.Name}", c, start, path);
                        return;
                    }
                    pk = null;
                }
                else
                {
                    List<string> dropped;
                    if (c.Accept("column")) dropped = [Ident(c)];
                    else dropped = NameList(c);
                    var cascade = c.Accept("cascade", "constraints");
                    foreach (var d in dropped)
                    {
                        if (columns.All(x => x.Name != d))
                        {
                            Missing($"column {name.Name}.{d}", c, start, path);
                            return;
                        }
                        // Oracle drops the indexes and constraints over the column alone with it; one over more columns, or a
                        // key another table references, stops the drop unless CASCADE CONSTRAINTS.
                        var multi = (pk != null && pk.Columns.Contains(d) && pk.Columns.Count > 1 ? pk.Name : null)
                            ?? uniques.FirstOrDefault(u => u.Columns.Contains(d) && u.Columns.Count > 1)?.Name
                            ?? fks.FirstOrDefault(f => f.Columns.Contains(d) && f.Columns.Count > 1)?.Name
                            ?? (Referencing(name, null) is { } r && r.Key.ReferencedColumns.Contains(d) ? $"{r.Key.Name} of {r.Table.Name.Name}" : null);
                        if (multi != null && !cascade)
                        {
                            Refuse($"column {name.Name}.{d} cannot be dropped: constraint {multi} depends on it", c, start, path);
                            return;
                        }
                        columns.RemoveAll(x => x.Name == d);
                        if (pk != null && pk.Columns.Contains(d)) pk = null;
                        uniques.RemoveAll(u => u.Columns.Contains(d));
                        fks.RemoveAll(f => f.Columns.Contains(d));
                        checks.RemoveAll(x => ReferencedNames(x.Expression).Contains(d));
                        _indexes.RemoveAll(i => i.Table == name && i.Elements.Any(e => e.Column == d || (e.Expression != null && ReferencedNames(e.Expression).Contains(d))));
                    }
                }
            }
            else if (c.Accept("rename"))
            {
                if (c.Accept("column"))
                {
                    var from = Ident(c);
                    c.Expect("to");
                    var to = Ident(c);
                    if (columns.All(x => x.Name != from))
                    {
                        Missing($"column {name.Name}.{from}", c, start, path);
                        return;
                    }
                    string Map(string x) => x == from ? to : x;
                    columns = columns.Select(x => x.Name == from ? x with { Name = to } : x).ToList();
                    if (pk != null) pk = pk with { Columns = pk.Columns.Select(Map).ToEquatableArray() };
                    uniques = uniques.Select(u => u with { Columns = u.Columns.Select(Map).ToEquatableArray() }).ToList();
                    fks = fks.Select(f => f with { Columns = f.Columns.Select(Map).ToEquatableArray() }).ToList();
                    for (var i = 0; i < _indexes.Count; i++)
                    {
                        if (_indexes[i].Table == name) _indexes[i] = _indexes[i] with { Elements = _indexes[i].Elements.Select(e => e.Column != null ? e with { Column = Map(e.Column) } : e).ToEquatableArray() };
                    }
                    foreach (var o in _tables.Values.Where(o => o.Name != name).ToList())
                    {
                        _tables[o.Name] = o with { ForeignKeys = o.ForeignKeys.Select(f => f.ReferencedTable == name ? f with { ReferencedColumns = f.ReferencedColumns.Select(Map).ToEquatableArray() } : f).ToEquatableArray() };
                    }
                    fks = fks.Select(f => f.ReferencedTable == name ? f with { ReferencedColumns = f.ReferencedColumns.Select(Map).ToEquatableArray() } : f).ToList();
                }
                else if (c.Accept("constraint"))
                {
                    var from = Ident(c);
                    c.Expect("to");
                    var to = Ident(c);
                    var before = (pk, uniques.Count(u => u.Name == from), checks.Count(x => x.Name == from), fks.Count(f => f.Name == from));
                    if (pk?.Name == from) pk = pk with { Name = to };
                    uniques = uniques.Select(u => u.Name == from ? u with { Name = to } : u).ToList();
                    checks = checks.Select(x => x.Name == from ? x with { Name = to } : x).ToList();
                    fks = fks.Select(f => f.Name == from ? f with { Name = to } : f).ToList();
                    if (before is (var p, 0, 0, 0) && (p == null || p.Name != from))
                    {
                        Missing($"constraint {from} of {name.Name}", c, start, path);
                        return;
                    }
                }
                else
                {
                    c.Expect("to");
                    var to = new QualifiedName(Schema, Ident(c));
                    _tables.Remove(name);
                    _order[_order.IndexOf(name)] = to;
                    for (var i = 0; i < _indexes.Count; i++)
                    {
                        if (_indexes[i].Table == name) _indexes[i] = _indexes[i] with { Table = to };
                    }
                    foreach (var o in _tables.Values.ToList())
                    {
                        _tables[o.Name] = o with { ForeignKeys = o.ForeignKeys.Select(f => f.ReferencedTable == name ? f with { ReferencedTable = to } : f).ToEquatableArray() };
                    }
                    fks = fks.Select(f => f.ReferencedTable == name ? f with { ReferencedTable = to } : f).ToList();
                    name = to;
                }
            }
            else
            {
                Keep(c, start, path);
                return;
            }
            if (!c.AtEnd) throw c.Error($"unexpected '{c.TextOf(c.Current)}' after the ALTER TABLE clause");
            if (pk != null) columns = columns.Select(col => pk.Columns.Contains(col.Name) ? col with { NotNull = true } : col).ToList();
            _tables[name] = table with
            {
                Name = name,
                Columns = columns.ToEquatableArray(),
                PrimaryKey = pk,
                Uniques = uniques.ToEquatableArray(),
                Checks = checks.ToEquatableArray(),
                ForeignKeys = fks.ToEquatableArray(),
            };
        }

        private static HashSet<string> ReferencedNames(string expression) => Planning.MigrationPlanner.ReferencedNames(expression).Select(n => n.ToUpperInvariant()).ToHashSet();

        /// <summary>MODIFY of one column: a new type, DEFAULT (NULL takes it away), NULL or NOT NULL, DROP IDENTITY or a new identity.</summary>
        private Column Modify(TokenCursor c, Column column, QualifiedName table, int start, string path)
        {
            if (!c.IsAnyWord("default", "not", "null", "drop", "generated", "constraint") && !c.Is(TokenKind.Comma) && !c.Is(TokenKind.RParen) && !c.AtEnd) column = column with { Type = Type(c) };
            while (!c.AtEnd && !c.Is(TokenKind.Comma) && !c.Is(TokenKind.RParen))
            {
                if (c.Accept("default"))
                {
                    if (c.Accept("null"))
                    {
                        column = column with { Default = null }; // DEFAULT NULL takes the default away
                        continue;
                    }
                    var (s, e) = c.CaptureUntil(x => x.IsAnyWord("not", "null", "constraint"));
                    column = column with { Default = c.Raw(s, e).Trim() };
                }
                else if (c.Accept("not", "null"))
                {
                    if (column.NotNull) Error(DiagnosticCodes.SyntaxError, $"column {table.Name}.{column.Name} is already NOT NULL (ORA-01442)", c, start, path, "leave NOT NULL out of the MODIFY");
                    column = column with { NotNull = true };
                }
                else if (c.Accept("null"))
                {
                    if (!column.NotNull) Error(DiagnosticCodes.SyntaxError, $"column {table.Name}.{column.Name} is already NULL (ORA-01451)", c, start, path, "leave NULL out of the MODIFY");
                    column = column with { NotNull = false };
                }
                else if (c.Accept("drop", "identity")) column = column with { Identity = null };
                else if (c.IsWord("generated"))
                {
                    PrimaryKey? none = null;
                    var again = ColumnDef(new TokenCursor(c.Text, c.TokenList, start, c.End, false) { Pos = c.Pos - 1 }, table, ref none, [], [], []);
                    column = column with { Identity = again.Identity };
                    while (!c.AtEnd && !c.Is(TokenKind.Comma) && !c.Is(TokenKind.RParen))
                    {
                        if (c.Is(TokenKind.LParen)) c.CaptureParens();
                        else c.Pos++;
                    }
                }
                else throw c.Error($"unexpected '{c.TextOf(c.Current)}' in MODIFY of column {column.Name}");
            }
            return column;
        }

        /// <summary>DROP TABLE, VIEW, INDEX or SEQUENCE; any other DROP (a user, a synonym) describes no part of the schema.</summary>
        private void Drop(TokenCursor c, int start, string path)
        {
            if (c.Accept("table"))
            {
                var name = Name(c);
                var cascade = c.Accept("cascade", "constraints");
                if (!_tables.ContainsKey(name))
                {
                    Missing($"table {name.Name}", c, start, path);
                    return;
                }
                if (Referencing(name, null) is { } r)
                {
                    if (!cascade)
                    {
                        Refuse($"table {name.Name} cannot be dropped: foreign key {r.Key.Name} of {r.Table.Name.Name} references it", c, start, path);
                        return;
                    }
                    foreach (var o in _tables.Values.ToList()) _tables[o.Name] = o with { ForeignKeys = o.ForeignKeys.Where(f => f.ReferencedTable != name).ToEquatableArray() };
                }
                _tables.Remove(name);
                _order.Remove(name);
                _indexes.RemoveAll(i => i.Table == name);
            }
            else if (c.Accept("view"))
            {
                var name = Name(c);
                if (_views.RemoveAll(v => v.Name == name) == 0) Missing($"view {name.Name}", c, start, path);
            }
            else if (c.Accept("index"))
            {
                var name = Name(c);
                if (_indexes.RemoveAll(i => i.Name.Name == name.Name) == 0) Missing($"index {name.Name}", c, start, path);
            }
            else if (c.Accept("sequence"))
            {
                var name = Name(c);
                if (_sequences.RemoveAll(q => q.Name == name) == 0) Missing($"sequence {name.Name}", c, start, path);
            }
            else stats.SessionSettings++;
        }

        private void AlterIndex(TokenCursor c, int start, string path)
        {
            var name = Name(c);
            if (!c.Accept("rename", "to"))
            {
                stats.SessionSettings++; // REBUILD, UNUSABLE, ...: storage, not schema
                return;
            }
            var to = Ident(c);
            var at = _indexes.FindIndex(i => i.Name.Name == name.Name);
            if (at < 0) Missing($"index {name.Name}", c, start, path);
            else _indexes[at] = _indexes[at] with { Name = new QualifiedName(_indexes[at].Name.Schema, to) };
        }

        private void AlterSequence(TokenCursor c, int start, string path)
        {
            var name = Name(c);
            var at = _sequences.FindIndex(q => q.Name == name);
            if (at < 0)
            {
                Missing($"sequence {name.Name}", c, start, path);
                return;
            }
            var o = _sequences[at].Options;
            while (!c.AtEnd)
            {
                if (c.Accept("restart", "start", "with") && c.Is(TokenKind.Number)) o = o with { Start = long.Parse(c.TextOf(c.Current), NumberStyles.Integer, CultureInfo.InvariantCulture) };
                else if (c.Accept("increment", "by") && c.Is(TokenKind.Number)) o = o with { Increment = long.Parse(c.TextOf(c.Current), NumberStyles.Integer, CultureInfo.InvariantCulture) is var by and not 1 ? by : null };
                c.Pos++;
            }
            _sequences[at] = _sequences[at] with { Options = o };
        }

        private void CreateIndex(TokenCursor c)
        {
            var unique = c.Accept("unique");
            c.Accept("bitmap");
            c.Expect("index");
            var name = Name(c);
            c.Expect("on");
            var table = Name(c);
            c.Expect(TokenKind.LParen);
            var elements = new List<IndexElement>();
            do
            {
                var (s, e) = c.CaptureUntil(x => x.IsAnyWord("asc", "desc"));
                var descending = c.Accept("desc");
                if (!descending) c.Accept("asc");
                var sub = new TokenCursor(c.Text, c.TokenList, s, e, false);
                elements.Add(e - s == 1 && sub.IsIdentifier() ? new IndexElement(Ident(sub), null, Descending: descending) : new IndexElement(null, c.Raw(s, e).Trim(), Descending: descending));
            }
            while (c.Accept(TokenKind.Comma));
            c.Expect(TokenKind.RParen);
            _indexes.Add(new SchemaIndex(name, table, unique, "btree", elements.ToEquatableArray(), default, null));
        }

        private void CreateSequence(TokenCursor c)
        {
            var name = Name(c);
            long? start = null, increment = null;
            while (!c.AtEnd)
            {
                if (c.Accept("start", "with") && c.Is(TokenKind.Number) && long.TryParse(c.TextOf(c.Current), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s1)) start = s1;
                else if (c.Accept("increment", "by") && c.Is(TokenKind.Number) && long.TryParse(c.TextOf(c.Current), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i1)) increment = i1 == 1 ? null : i1; // 1 is the default, said or not
                c.Pos++;
            }
            _sequences.Add(new Sequence(name, SequenceOptions.Default with { Start = start, Increment = increment }));
        }

        private void CreateView(TokenCursor c)
        {
            if (c.Accept("force") || c.Accept("noforce")) { }
            c.Expect("view");
            var name = Name(c);
            var columns = c.Is(TokenKind.LParen) ? NameList(c) : [];
            c.Expect("as");
            _views.Add(new View(name, c.Raw(c.Pos, c.End).Trim(), ColumnNames: columns.ToEquatableArray()));
        }

        private void Comment(TokenCursor c)
        {
            if (c.Accept("table"))
            {
                var name = Name(c);
                c.Expect("is");
                string? text = c.ExpectString();
                if (text.Length == 0) text = null; // IS '' takes a comment away
                if (_tables.TryGetValue(name, out var t)) _tables[name] = t with { Comment = text };
                else if (_views.FindIndex(v => v.Name == name) is var i and >= 0) _views[i] = _views[i] with { Comment = text };
            }
            else if (c.Accept("column"))
            {
                var table = Ident(c);
                c.Expect(TokenKind.Dot);
                var column = Ident(c);
                if (c.Accept(TokenKind.Dot))
                {
                    table = column;
                    column = Ident(c);
                }
                c.Expect("is");
                string? text = c.ExpectString();
                if (text.Length == 0) text = null; // IS '' takes a comment away
                var name = new QualifiedName(Schema, table);
                if (_tables.TryGetValue(name, out var t))
                {
                    _tables[name] = t with { Columns = t.Columns.Select(col => col.Name == column ? col with { Comment = text } : col).ToEquatableArray() };
                }
            }
            else stats.SessionSettings++;
        }

        /// <summary>An Oracle type as a neutral one: NUMBER by precision (up to 5 digits smallint, 10 integer, 19 bigint).</summary>
        private static DataType Type(TokenCursor c)
        {
            var start = c.Pos;
            var word = c.TextOf(c.Current).ToUpperInvariant();
            c.Pos++;
            var args = new List<int>();
            if (c.Is(TokenKind.LParen))
            {
                c.Pos++;
                while (!c.Is(TokenKind.RParen) && !c.AtEnd)
                {
                    if (c.Is(TokenKind.Number)) args.Add(int.TryParse(c.TextOf(c.Current), NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? a : -1);
                    else if (c.Is(TokenKind.Operator) && c.TextOf(c.Current) == "*") args.Add(-1);
                    c.Pos++;
                }
                c.Expect(TokenKind.RParen);
            }
            if (word is "LONG" && c.Accept("raw")) word = "LONG RAW";
            if (word == "DOUBLE" && c.Accept("precision")) word = "DOUBLE PRECISION";
            var withTimeZone = false;
            if (word is "TIMESTAMP" && c.Accept("with"))
            {
                c.Accept("local");
                c.Expect("time");
                c.Expect("zone");
                withTimeZone = true;
            }
            if (word == "INTERVAL")
            {
                while (c.IsAnyWord("day", "to", "second", "year", "month") || c.Is(TokenKind.LParen))
                {
                    if (c.Is(TokenKind.LParen)) c.CaptureParens();
                    else c.Pos++;
                }
            }
            var text = c.Raw(start, c.Pos).Trim().ToLowerInvariant();
            int? A(int i) => i < args.Count ? args[i] : null;
            return word switch
            {
                "NUMBER" or "NUMERIC" or "DECIMAL" => A(0) is { } p and > 0 && (A(1) ?? 0) == 0
                    ? new DataType(p <= 5 ? TypeKind.SmallInt : p <= 10 ? TypeKind.Integer : p <= 19 ? TypeKind.BigInt : TypeKind.Decimal, text, Precision: p, Scale: 0)
                    : new DataType(TypeKind.Decimal, text, Precision: A(0) is > 0 ? A(0) : null, Scale: A(1)),
                "INTEGER" or "INT" or "SMALLINT" => new DataType(TypeKind.Decimal, text, Precision: 38, Scale: 0),
                "BINARY_FLOAT" or "REAL" => new DataType(TypeKind.Real, text),
                "BINARY_DOUBLE" or "FLOAT" or "DOUBLE PRECISION" => new DataType(TypeKind.Double, text),
                "VARCHAR2" or "NVARCHAR2" or "VARCHAR" => new DataType(TypeKind.VarChar, text, Length: A(0)),
                "CHAR" or "NCHAR" => new DataType(TypeKind.Char, text, Length: A(0) ?? 1),
                "CLOB" or "NCLOB" or "LONG" => new DataType(TypeKind.Text, text),
                "BLOB" or "RAW" or "LONG RAW" or "BFILE" => new DataType(TypeKind.Binary, text),
                "DATE" => new DataType(TypeKind.Date, text),
                "TIMESTAMP" => new DataType(TypeKind.Timestamp, text, Precision: A(0), WithTimeZone: withTimeZone),
                "INTERVAL" => new DataType(TypeKind.Interval, text),
                "XMLTYPE" => new DataType(TypeKind.Xml, text),
                "JSON" => new DataType(TypeKind.Json, text),
                "BOOLEAN" => new DataType(TypeKind.Boolean, text),
                _ => new DataType(TypeKind.Unknown, text),
            };
        }
    }
}
