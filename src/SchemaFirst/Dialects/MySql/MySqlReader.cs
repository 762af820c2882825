using System.Globalization;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Reads MySQL and MariaDB DDL into the model on the shared tokens: statements split as the mysql client splits them
/// (DELIMITER honoured, quotes and comments respected), tables with their columns (types mapped to the neutral kinds,
/// UNSIGNED widening where the signed kind would not hold the values, an inline ENUM as an enum type named after its
/// table and column, AUTO_INCREMENT as identity, defaults, ON UPDATE, generated columns, comments), keys and indexes
/// inside CREATE TABLE (KEY, UNIQUE KEY, FULLTEXT, SPATIAL, prefix lengths dropped), foreign keys, checks, CREATE INDEX,
/// ALTER TABLE ... ADD, views and triggers. Routines and events are kept verbatim and reported; USE, SET, LOCK and data
/// are counted. Names keep their case; every object goes into one schema, the default.
/// </summary>
public static partial class MySqlReader
{
    public const string DefaultSchema = "";

    public static LoadResult Read(IReadOnlyList<(string Path, string Text)> sources)
    {
        var diagnostics = new List<Diagnostic>();
        var stats = new LoadStatistics { Files = sources.Count };
        var state = new State(diagnostics, stats);
        foreach (var (path, text) in sources)
        {
            state.Directives(path, text);
            foreach (var (sql, line) in Split(text))
            {
                stats.Statements++;
                List<Token> tokens;
                try
                {
                    tokens = SqlLexer.Tokenize(sql, IdentifierQuotes.Backticks | IdentifierQuotes.BackslashStrings);
                }
                catch (ParseException e)
                {
                    stats.Errors++;
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SyntaxError, e.Message, new SourceSpan(path, line, 1), e.Help));
                    continue;
                }
                state.Statement(new TokenCursor(sql, tokens, foldCase: false), path, line);
            }
        }
        var model = state.Finish();
        return new LoadResult(model, state.Map(), diagnostics, stats);
    }

    /// <summary>The statements of a script and their first lines, split as the mysql client splits them.</summary>
    internal static IEnumerable<(string Sql, int Line)> Split(string text)
    {
        var delimiter = ";";
        var sb = new StringBuilder();
        var line = 1;
        var start = 1;
        var i = 0;
        var atLineStart = true;
        // Whether the statement so far holds more than white space (kept as it grows: asking the builder is quadratic).
        var blank = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atLineStart && blank && Matches(text, i, "DELIMITER "))
            {
                var end = text.IndexOf('\n', i);
                if (end < 0) end = text.Length;
                delimiter = text[(i + 10)..end].Trim();
                if (delimiter.Length == 0) delimiter = ";";
                i = end;
                sb.Clear();
                blank = true;
                continue;
            }
            atLineStart = c == '\n';
            if (c == '\n') line++;
            if (blank && !char.IsWhiteSpace(c)) start = line;
            if (c is '\'' or '"' or '`')
            {
                var j = i + 1;
                while (j < text.Length)
                {
                    if (text[j] == '\\' && c != '`') { j += 2; continue; }
                    if (text[j] == c)
                    {
                        if (j + 1 < text.Length && text[j + 1] == c) { j += 2; continue; }
                        break;
                    }
                    if (text[j] == '\n') line++;
                    j++;
                }
                sb.Append(text, i, Math.Min(j + 1, text.Length) - i);
                blank = false;
                i = j + 1;
                continue;
            }
            if ((c == '-' && i + 2 < text.Length && text[i + 1] == '-' && char.IsWhiteSpace(text[i + 2])) || c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                line += text[i..end].Count(ch => ch == '\n');
                i = end;
                sb.Append(' ');
                continue;
            }
            if (Matches(text, i, delimiter))
            {
                var sql = sb.ToString().Trim();
                if (sql.Length > 0) yield return (sql, start);
                sb.Clear();
                blank = true;
                i += delimiter.Length;
                continue;
            }
            sb.Append(c);
            blank &= char.IsWhiteSpace(c);
            i++;
        }
        var rest = sb.ToString().Trim();
        if (rest.Length > 0) yield return (rest, start);
    }

    /// <summary>
    /// A MySQL string's value: the shared lexer undoubles quotes, and MySQL also reads backslash escapes (\\ \' \n \t
    /// \0 \r \Z; \% and \_ keep their backslash, as MySQL keeps them for LIKE).
    /// </summary>
    internal static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length) { sb.Append(value[i]); continue; }
            var next = value[++i];
            sb.Append(next switch
            {
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                '0' => "\0",
                'Z' => "\u001A",
                'b' => "\b",
                '%' or '_' => "\\" + next,
                _ => next.ToString(),
            });
        }
        return sb.ToString();
    }

    private static bool Matches(string text, int i, string what) =>
        i + what.Length <= text.Length && string.Compare(text, i, what, 0, what.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private sealed partial class State(List<Diagnostic> diagnostics, LoadStatistics stats)
    {
        private readonly SourceMap _map = new();
        private readonly List<(string Path, int Line, int Column, string Name, string Arguments)> _directives = [];
        private readonly List<(string Path, int Line, SourceKey Key)> _declared = [];
        private string _path = string.Empty;
        private int _line;
        private TokenCursor? _cursor;

        /// <summary>The -- schemafirst: directives of a file, where they stand (the statement splitter drops comments).</summary>
        public void Directives(string path, string text)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var m = DirectivePattern().Match(lines[i]);
                if (m.Success) _directives.Add((path, i + 1, m.Index + 1, m.Groups[1].Value, m.Groups[2].Value.Trim()));
            }
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"(?:--|#)\s*schemafirst:([a-z-]+)(.*)$")]
        private static partial System.Text.RegularExpressions.Regex DirectivePattern();

        /// <summary>Records where an object is declared: the line of the token at <paramref name="token"/> in the statement.</summary>
        private void Declare(SourceKey key, int token)
        {
            if (_cursor == null) return;
            var start = _cursor[Math.Min(token, _cursor.End - 1)].Start;
            var line = _line + _cursor.Text.AsSpan(0, start).Count('\n');
            _map.TryAdd(key, _path, line, 1, 0);
            _declared.Add((_path, line, key));
        }

        /// <summary>
        /// The places of the objects, and each directive with the object declared on its line (a column before a
        /// table), else the first declared below it.
        /// </summary>
        public SourceMap Map()
        {
            foreach (var d in _directives)
            {
                var at = new SourceSpan(d.Path, d.Line, d.Column, d.Name.Length + 15);
                if (d.Name is not ("renamed-from" or "ignore" or "skip"))
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnknownDirective, $"unknown directive 'schemafirst:{d.Name}'", at,
                        "known directives are schemafirst:renamed-from, schemafirst:ignore and schemafirst:skip"));
                    continue;
                }
                var here = _declared.Where(x => x.Path == d.Path && x.Line == d.Line).OrderBy(x => x.Key.Kind == SourceKind.Column ? 0 : 1).Select(x => (SourceKey?)x.Key).FirstOrDefault()
                    ?? _declared.Where(x => x.Path == d.Path && x.Line > d.Line).OrderBy(x => x.Line).Select(x => (SourceKey?)x.Key).FirstOrDefault();
                if (here is { Kind: SourceKind.Table } table && d.Name == "skip") _map.Skipped.Add(table.Name);
                else if (here is { } key) _map.AddDirective(key, new SourceDirective(d.Name, d.Arguments, at));
                else
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.DirectiveWithoutObject, $"schemafirst:{d.Name} is not written on an object; it has no effect", at,
                        "put it at the end of the line that declares the table or column, or on a line of its own just above it"));
                }
            }
            return _map;
        }

        private readonly Dictionary<QualifiedName, Table> _tables = [];
        private readonly List<QualifiedName> _order = [];
        private readonly List<SchemaIndex> _indexes = [];
        private readonly List<EnumType> _enums = [];
        private readonly List<View> _views = [];
        private readonly List<Trigger> _triggers = [];
        private readonly List<OpaqueStatement> _opaque = [];
        private readonly List<Routine> _routines = [];

        /// <summary>Foreign keys the source did not name (the server names them table_ibfk_N and their index after the column).</summary>
        private readonly HashSet<(QualifiedName, string)> _unnamed = [];

        /// <summary>The database of the last USE: its name before a table's is the database the objects go into.</summary>
        private string? _database;

        public Database Finish() => Database.Empty with
        {
            Enums = _enums.ToEquatableArray(),
            Tables = _order.Select(n => _tables[n]).ToEquatableArray(),
            Indexes = _indexes.Concat(ImplicitIndexes()).ToEquatableArray(),
            Views = _views.ToEquatableArray(),
            Triggers = _triggers.ToEquatableArray(),
            Routines = _routines.ToEquatableArray(),
            Opaque = _opaque.ToEquatableArray(),
            SourceDialect = "mysql",
        };

        /// <summary>
        /// The indexes InnoDB makes by itself: a foreign key needs an index whose first columns are its own, and when
        /// the table has none the server adds one named after the constraint, which SHOW CREATE TABLE then prints. The
        /// file's model gets them too, so a file and the database it made read alike.
        /// </summary>
        private IEnumerable<SchemaIndex> ImplicitIndexes()
        {
            // The indexes by table, once: looking them up per table scanned every index for every table.
            var byTable = _indexes.Where(i => i.Method == "btree").ToLookup(i => i.Table);
            foreach (var name in _order)
            {
                var t = _tables[name];
                var keys = new List<EquatableArray<string>>();
                if (t.PrimaryKey != null) keys.Add(t.PrimaryKey.Columns);
                keys.AddRange(t.Uniques.Select(u => u.Columns));
                keys.AddRange(byTable[name].Select(i => i.Elements.Select(e => e.Column ?? string.Empty).ToEquatableArray()));
                foreach (var fk in t.ForeignKeys)
                {
                    if (keys.Any(k => k.Count >= fk.Columns.Count && fk.Columns.Select((col, n) => k[n].Equals(col, StringComparison.OrdinalIgnoreCase)).All(x => x))) continue;
                    // Named after the constraint, or (a foreign key the file did not name) after its first column.
                    var indexName = _unnamed.Contains((name, fk.Name)) ? fk.Columns[0] : fk.Name;
                    var index = new SchemaIndex(IndexName(name, indexName), name, false, "btree", fk.Columns.Select(col => new IndexElement(col, null)).ToEquatableArray(), default, null);
                    keys.Add(fk.Columns);
                    yield return index;
                }
            }
        }

        public void Statement(TokenCursor c, string path, int line)
        {
            (_path, _line, _cursor) = (path, line, c);
            try
            {
                if (c.Accept("create"))
                {
                    c.Accept("or", "replace");
                    while (c.IsAnyWord("algorithm", "definer", "sql"))
                    {
                        if (c.Accept("sql")) { c.Expect("security"); c.Pos++; continue; }
                        c.Pos++;
                        if (c.IsOperator("=")) c.Pos++;
                        SkipName(c);
                    }
                    c.Accept("temporary");
                    if (c.Accept("table")) CreateTable(c);
                    else if (c.IsAnyWord("unique", "fulltext", "spatial", "index")) CreateIndex(c);
                    else if (c.Accept("view")) CreateView(c);
                    else if (c.Accept("trigger")) CreateTrigger(c);
                    else if (c.IsAnyWord("procedure", "function") && !IsLoadableFunction(c)) CreateRoutine(c);
                    else if (c.IsAnyWord("schema", "database")) stats.SessionSettings++;
                    else Keep(c, path, line);
                }
                else if (c.Accept("alter", "table")) AlterTable(c, path, line);
                else if (c.IsAnyWord("insert", "replace", "update", "delete")) stats.DataStatements++;
                else if (c.Accept("use"))
                {
                    _database = Ident(c);
                    stats.SessionSettings++;
                }
                else if (c.IsAnyWord("set", "drop", "lock", "unlock", "commit", "start", "begin", "rollback", "flush", "grant")) stats.SessionSettings++;
                else Keep(c, path, line);
            }
            catch (ParseException e)
            {
                stats.Errors++;
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SyntaxError, e.Message, new SourceSpan(path, line, 1), e.Help ?? "fix the statement"));
            }
            catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or FormatException or OverflowException)
            {
                // A statement the reader cannot follow is said where it is and left out, never a crash of the whole run.
                stats.Errors++;
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SyntaxError, $"internal error reading this statement ({e.GetType().Name}); it is left out",
                    new SourceSpan(path, line, 1), "this is a bug in SchemaFirst: please report it with the statement"));
            }
        }

        private void Keep(TokenCursor c, string path, int line)
        {
            var text = c.Raw(0, c.End).Trim();
            // CREATE DEFINER=`u`@`h` PROCEDURE p: named by what it creates, not by its definer.
            var words = System.Text.RegularExpressions.Regex.Replace(text, @"^(CREATE)\s+(?:(?:ALGORITHM|DEFINER)\s*=\s*\S+\s+|SQL\s+SECURITY\s+\w+\s+)*", "$1 ", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                .Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
            var kind = string.Join(' ', words.Take(2)).ToUpperInvariant();
            var named = kind + (words.Length > 2 && words[0].Equals("create", StringComparison.OrdinalIgnoreCase) ? " " + words[2].Split('(')[0] : string.Empty);
            _opaque.Add(new OpaqueStatement(kind, text));
            stats.KeptVerbatim++;
            diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnsupportedStatement, $"{named} is not modelled; kept verbatim", new SourceSpan(path, line, 1), "it is carried as written"));
        }

        /// <summary>The value of ALGORITHM= or DEFINER=: a word, or user@host (quoted or not), or CURRENT_USER().</summary>
        private static void SkipName(TokenCursor c)
        {
            if (c.AtEnd) return;
            c.Pos++;
            if (c.Is(TokenKind.LParen)) c.SkipParens();
            while (!c.AtEnd && c.Kind() == TokenKind.Operator && c.TextOf(c.Current).StartsWith('@'))
            {
                var op = c.TextOf(c.Current);
                c.Pos++;
                if (op == "@" && !c.AtEnd) c.Pos++;
            }
        }

        private static string Ident(TokenCursor c)
        {
            if (!c.IsIdentifier() && !c.Is(TokenKind.String)) throw c.Error("expected a name");
            var t = c.Current;
            c.Pos++;
            return t.Kind == TokenKind.String ? Unescape(c.StringValue(t)) : c.IdentifierValue(t);
        }

        /// <summary>db.name or name: every object goes into the one schema.</summary>
        private static QualifiedName Name(TokenCursor c)
        {
            var name = Ident(c);
            if (c.Accept(TokenKind.Dot)) name = Ident(c);
            return new QualifiedName(DefaultSchema, name);
        }

        /// <summary>
        /// An index's name in the model: index names are per table in MySQL (two tables may each have idx_fk_film_id),
        /// so the table's name stands where PostgreSQL has the schema.
        /// </summary>
        private static QualifiedName IndexName(QualifiedName table, string name) => new(table.Name, name);

        /// <summary>(col[(len)] [ASC|DESC], ...): prefix lengths are dropped (the model indexes whole columns).</summary>
        private static List<(string Column, bool Descending)> KeyParts(TokenCursor c)
        {
            c.Expect(TokenKind.LParen);
            var parts = new List<(string, bool)>();
            do
            {
                var name = Ident(c);
                if (c.Is(TokenKind.LParen)) c.SkipParens();
                var desc = c.Accept("desc");
                if (!desc) c.Accept("asc");
                parts.Add((name, desc));
            }
            while (c.Accept(TokenKind.Comma));
            c.Expect(TokenKind.RParen);
            return parts;
        }

        private void CreateTable(TokenCursor c)
        {
            c.Accept("if", "not");
            c.Accept("exists");
            var nameAt = c.Pos;
            var name = Name(c);
            Declare(new SourceKey(SourceKind.Table, name), nameAt);
            if (c.Accept("like"))
            {
                throw c.Error("CREATE TABLE ... LIKE is not read", "write the columns out");
            }
            var columns = new List<Column>();
            PrimaryKey? pk = null;
            var uniques = new List<UniqueConstraint>();
            var checks = new List<CheckConstraint>();
            var fks = new List<ForeignKey>();
            c.Expect(TokenKind.LParen);
            do
            {
                if (c.IsAnyWord("primary", "unique", "key", "index", "fulltext", "spatial", "constraint", "foreign", "check"))
                {
                    TableElement(c, name, ref pk, uniques, checks, fks);
                    continue;
                }
                Declare(new SourceKey(SourceKind.Column, name, c.IsIdentifier() ? c.IdentifierValue(c.Current) : null), c.Pos);
                columns.Add(ColumnDefinition(c, name, ref pk, uniques, checks, fks));
            }
            while (c.Accept(TokenKind.Comma));
            c.Expect(TokenKind.RParen);
            string? comment = null;
            var options = new SortedDictionary<int, string>();
            while (!c.AtEnd)
            {
                if (c.Accept("comment"))
                {
                    if (c.IsOperator("=")) c.Pos++;
                    comment = Unescape(c.ExpectString());
                }
                else if (c.IsWord("partition")) break;
                else if (TableOption(c) is { } option) options[option.Order] = option.Text;
                else c.Pos++;
            }
            if (pk != null) columns = columns.Select(col => pk.Columns.Contains(col.Name) ? col with { NotNull = true } : col).ToList();
            _tables[name] = new Table(name, columns.ToEquatableArray(), pk, uniques.ToEquatableArray(), fks.ToEquatableArray(), checks.ToEquatableArray(), Comment: comment,
                Options: options.Count > 0 ? string.Join(' ', options.Values) : null);
            _order.Add(name);
        }

        private Column ColumnDefinition(TokenCursor c, QualifiedName table, ref PrimaryKey? pk, List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<ForeignKey> fks)
        {
            var name = Ident(c);
            var type = Type(c, table, name);
            var col = new Column(name, type);
            while (!c.AtEnd && !c.Is(TokenKind.Comma) && !c.Is(TokenKind.RParen))
            {
                if (c.Accept("not", "null")) col = col with { NotNull = true };
                else if (c.Accept("null")) { }
                else if (c.Accept("default"))
                {
                    var s = c.Pos;
                    if (c.Is(TokenKind.LParen)) c.SkipParens(); // an expression default
                    else
                    {
                        if (c.IsOperator("-") || c.IsOperator("+")) c.Pos++;
                        c.Pos++; // a literal, NULL, TRUE, CURRENT_TIMESTAMP
                        if (c.Is(TokenKind.LParen)) c.SkipParens(); // CURRENT_TIMESTAMP(6)
                    }
                    var text = c.Raw(s, c.Pos).Trim();
                    col = col with { Default = text.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : text };
                }
                else if (c.Accept("on", "update"))
                {
                    var s = c.Pos;
                    c.Pos++;
                    if (c.Is(TokenKind.LParen)) c.SkipParens();
                    col = col with { OnUpdate = c.Raw(s, c.Pos).Trim() };
                }
                else if (c.Accept("auto_increment")) col = col with { Identity = new Identity(false, SequenceOptions.Default), NotNull = true };
                else if (c.Accept("primary", "key") || c.Accept("key"))
                {
                    pk = new PrimaryKey(table.Name + "_pkey", new[] { name }, new IndexOptions(default), ConstraintTiming.Immediate);
                }
                else if (c.Accept("unique"))
                {
                    if (!c.Accept("key")) c.Accept("index");
                    uniques.Add(new UniqueConstraint(name, new[] { name }, false, new IndexOptions(default), ConstraintTiming.Immediate));
                }
                else if (c.Accept("comment")) col = col with { Comment = Unescape(c.ExpectString()) };
                else if (c.Accept("generated"))
                {
                    c.Expect("always");
                    c.Expect("as");
                    col = Generated(c, col);
                }
                else if (c.Accept("as")) col = Generated(c, col);
                else if (c.Accept("check"))
                {
                    // MariaDB names a column's own check after the column (and prints it on the column, a JSON column's too).
                    var (s, e) = c.CaptureParens();
                    var checkName = name;
                    for (var n = 2; checks.Any(x => x.Name == checkName); n++) checkName = name + "_" + n.ToString(CultureInfo.InvariantCulture);
                    checks.Add(new CheckConstraint(checkName, c.Raw(s, e).Trim()));
                }
                else if (c.Accept("references"))
                {
                    var generated = $"{table.Name}_ibfk_{fks.Count + 1}";
                    _unnamed.Add((table, generated));
                    fks.Add(References(c, generated, [name]));
                }
                else if (c.Accept("collate")) col = col with { Collation = Clause(col.Collation, "COLLATE " + Ident(c)) };
                else if (c.Accept("charset") || c.Accept("character", "set")) col = col with { Collation = Clause(col.Collation, "CHARACTER SET " + Ident(c)) };
                else if (c.Accept("srid")) c.Pos++;
                else if (c.IsAnyWord("visible", "invisible", "unsigned", "zerofill", "binary", "serial", "storage", "column_format", "disk", "memory", "fixed", "dynamic")) c.Pos++;
                else throw c.Error($"unexpected '{c.TextOf(c.Current)}' in the definition of column {name}");
            }
            return col;
        }

        /// <summary>A column's CHARACTER SET and COLLATE clauses, in the order the server prints them.</summary>
        private static string Clause(string? was, string clause) =>
            was == null ? clause : clause.StartsWith("CHARACTER", StringComparison.Ordinal) ? clause + " " + was : was + " " + clause;

        /// <summary>
        /// A table option the schema keeps, spelled one way whatever the source wrote (CHARSET, CHARACTER SET and
        /// DEFAULT CHARACTER SET are DEFAULT CHARSET), with its place in the order SHOW CREATE TABLE prints them;
        /// AUTO_INCREMENT (the next value, data) and options the schema does not keep are passed over.
        /// </summary>
        private static (int Order, string Text)? TableOption(TokenCursor c)
        {
            c.Accept("default");
            int order;
            string key;
            if (c.Accept("engine")) (order, key) = (0, "ENGINE");
            else if (c.Accept("charset") || c.Accept("character", "set")) (order, key) = (1, "DEFAULT CHARSET");
            else if (c.Accept("collate")) (order, key) = (2, "COLLATE");
            else if (c.Accept("row_format")) (order, key) = (3, "ROW_FORMAT");
            else return null;
            if (c.IsOperator("=")) c.Pos++;
            if (c.AtEnd) throw c.Error($"expected a value for {key}");
            var value = Ident(c);
            // Engine names are case-insensitive; the server prints InnoDB, MyISAM, Aria, MEMORY as it names them.
            if (key == "ENGINE") value = value.ToLowerInvariant() switch { "innodb" => "InnoDB", "myisam" => "MyISAM", "aria" => "Aria", "memory" => "MEMORY", _ => value };
            if (key == "ROW_FORMAT") value = value.ToUpperInvariant();
            return (order, key + "=" + value);
        }

        /// <summary>CREATE FUNCTION name RETURNS type SONAME 'lib': a loadable function, server state and not schema.</summary>
        private static bool IsLoadableFunction(TokenCursor c)
        {
            for (var i = c.Pos; i < c.End; i++)
            {
                if (c.IsWordAt(i, "soname")) return true;
            }
            return false;
        }

        /// <summary>
        /// CREATE PROCEDURE / FUNCTION: kept whole (the body is MySQL's own language) under its name, without the
        /// DEFINER, which names the account that created it and differs between servers.
        /// </summary>
        private void CreateRoutine(TokenCursor c)
        {
            var start = c.Pos;
            var kind = c.Accept("procedure") ? RoutineKind.Procedure : RoutineKind.Function;
            if (kind == RoutineKind.Function) c.Expect("function");
            c.Accept("if", "not", "exists");
            var name = Name(c);
            _routines.Add(new Routine(name, kind, string.Empty, "CREATE " + c.Raw(start, c.End).Trim()));
        }

        private static Column Generated(TokenCursor c, Column col)
        {
            var (s, e) = c.CaptureParens();
            var stored = c.Accept("stored") || c.Accept("persistent");
            if (!stored) c.Accept("virtual");
            return col with { Generated = new GeneratedColumn(c.Raw(s, e).Trim(), stored) };
        }

        private void TableElement(TokenCursor c, QualifiedName table, ref PrimaryKey? pk, List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<ForeignKey> fks)
        {
            string? constraint = null;
            if (c.Accept("constraint") && !c.IsAnyWord("primary", "unique", "foreign", "check")) constraint = Ident(c);
            if (c.Accept("primary", "key"))
            {
                if (c.Accept("using")) c.Pos++;
                // MySQL names every primary key PRIMARY; the model gives it its table's name, which other engines need.
                pk = new PrimaryKey(table.Name + "_pkey", KeyParts(c).Select(p => p.Column).ToEquatableArray(), new IndexOptions(default), ConstraintTiming.Immediate);
            }
            else if (c.Accept("unique"))
            {
                if (!c.Accept("key")) c.Accept("index");
                var name = c.IsIdentifier() ? Ident(c) : constraint;
                if (c.Accept("using")) c.Pos++;
                var parts = KeyParts(c);
                uniques.Add(new UniqueConstraint(name ?? parts[0].Column, parts.Select(p => p.Column).ToEquatableArray(), false, new IndexOptions(default), ConstraintTiming.Immediate));
            }
            else if (c.Accept("foreign", "key"))
            {
                var name = c.IsIdentifier() ? Ident(c) : null;
                var columns = KeyParts(c).Select(p => p.Column).ToList();
                c.Expect("references");
                var fkName = constraint ?? name ?? $"{table.Name}_ibfk_{fks.Count + 1}";
                if (constraint == null && name == null) _unnamed.Add((table, fkName));
                fks.Add(References(c, fkName, columns));
            }
            else if (c.Accept("check"))
            {
                var (s, e) = c.CaptureParens();
                checks.Add(new CheckConstraint(constraint ?? $"{table.Name}_chk_{checks.Count + 1}", c.Raw(s, e).Trim()));
            }
            else
            {
                // KEY / INDEX / FULLTEXT / SPATIAL
                var method = c.Accept("fulltext") ? "fulltext" : c.Accept("spatial") ? "spatial" : "btree";
                if (!c.Accept("key")) c.Accept("index");
                var name = c.IsIdentifier() ? Ident(c) : null;
                if (c.Accept("using")) c.Pos++;
                var parts = KeyParts(c);
                _indexes.Add(new SchemaIndex(IndexName(table, name ?? parts[0].Column), table, false, method,
                    parts.Select(p => new IndexElement(p.Column, null, Descending: p.Descending)).ToEquatableArray(), default, null));
            }
            while (c.IsAnyWord("using", "comment", "key_block_size", "with", "visible", "invisible"))
            {
                c.Pos++;
                if (!c.AtEnd && !c.Is(TokenKind.Comma) && !c.Is(TokenKind.RParen)) c.Pos++;
            }
        }

        private static ForeignKey References(TokenCursor c, string name, List<string> columns)
        {
            var target = Name(c);
            var referenced = KeyParts(c).Select(p => p.Column).ToEquatableArray();
            var onDelete = ForeignKeyAction.NoAction;
            var onUpdate = ForeignKeyAction.NoAction;
            while (c.Accept("on"))
            {
                var delete = c.Accept("delete");
                if (!delete) c.Expect("update");
                ForeignKeyAction action;
                if (c.Accept("cascade")) action = ForeignKeyAction.Cascade;
                // InnoDB checks RESTRICT and NO ACTION alike, at once, and SHOW CREATE TABLE prints neither: one normal form.
                else if (c.Accept("restrict")) action = ForeignKeyAction.NoAction;
                else if (c.Accept("set", "null")) action = ForeignKeyAction.SetNull;
                else if (c.Accept("set", "default")) action = ForeignKeyAction.SetDefault;
                else { c.Expect("no"); c.Expect("action"); action = ForeignKeyAction.NoAction; }
                if (delete) onDelete = action;
                else onUpdate = action;
            }
            if (c.Accept("match")) c.Pos++;
            return new ForeignKey(name, columns, target, referenced, onDelete, onUpdate, ForeignKeyMatch.Simple, ConstraintTiming.Immediate);
        }

        private void CreateIndex(TokenCursor c)
        {
            var unique = c.Accept("unique");
            var method = c.Accept("fulltext") ? "fulltext" : c.Accept("spatial") ? "spatial" : "btree";
            c.Expect("index");
            var name = Ident(c);
            if (c.Accept("using")) c.Pos++;
            c.Expect("on");
            var table = Name(c);
            var parts = KeyParts(c);
            _indexes.Add(new SchemaIndex(IndexName(table, name), table, unique, method,
                parts.Select(p => new IndexElement(p.Column, null, Descending: p.Descending)).ToEquatableArray(), default, null));
        }

        private void AlterTable(TokenCursor c, string path, int line)
        {
            var name = Name(c);
            if (!_tables.TryGetValue(name, out var table) || !c.Accept("add"))
            {
                Keep(c, path, line);
                return;
            }
            var pk = table.PrimaryKey;
            var uniques = table.Uniques.ToList();
            var checks = table.Checks.ToList();
            var fks = table.ForeignKeys.ToList();
            TableElement(c, name, ref pk, uniques, checks, fks);
            _tables[name] = table with { PrimaryKey = pk, Uniques = uniques.ToEquatableArray(), Checks = checks.ToEquatableArray(), ForeignKeys = fks.ToEquatableArray() };
        }

        private void CreateView(TokenCursor c)
        {
            var name = Name(c);
            var columns = c.Is(TokenKind.LParen) ? KeyParts(c).Select(p => p.Column).ToList() : [];
            c.Expect("as");
            _views.Add(new View(name, Unqualified(c, c.Pos, c.End).Trim(), ColumnNames: columns.ToEquatableArray()));
        }

        /// <summary>
        /// The text of tokens start..end with the USE database's name dropped where it qualifies a name (sakila.film is
        /// film): the objects are in the one database, whatever it is called where the schema is applied.
        /// </summary>
        private string Unqualified(TokenCursor c, int start, int end)
        {
            if (_database == null) return c.Raw(start, end);
            var sb = new StringBuilder();
            var from = c[start].Start;
            for (var i = start; i + 1 < end; i++)
            {
                var t = c[i];
                if (t.Kind is TokenKind.Word or TokenKind.QuotedIdentifier && c[i + 1].Kind == TokenKind.Dot && (i == start || c[i - 1].Kind != TokenKind.Dot)
                    && c.IdentifierValue(t).Equals(_database, StringComparison.OrdinalIgnoreCase))
                {
                    sb.Append(c.Text, from, t.Start - from);
                    from = c[i + 1].Start + c[i + 1].Length;
                    i++;
                }
            }
            var last = c[end - 1];
            sb.Append(c.Text, from, last.Start + last.Length - from);
            return sb.ToString();
        }

        private void CreateTrigger(TokenCursor c)
        {
            var name = Name(c);
            var start = c.Pos;
            while (!c.AtEnd && !c.IsWord("on")) c.Pos++;
            c.Expect("on");
            var table = Name(c);
            _triggers.Add(new Trigger(name.Name, table, c.Raw(start, c.End).Trim(), false, null));
        }

        private static string RestAfterParens(string raw)
        {
            var close = raw.LastIndexOf(')');
            return close < 0 ? string.Empty : raw[(close + 1)..].ToLowerInvariant().TrimEnd();
        }

        /// <summary>A MySQL type as a neutral one; UNSIGNED widens the kind when the signed one would not hold the values.</summary>
        private DataType Type(TokenCursor c, QualifiedName table, string column)
        {
            var start = c.Pos;
            var word = c.TextOf(c.Current).ToUpperInvariant();
            c.Pos++;
            var args = new List<string>();
            if (c.Is(TokenKind.LParen))
            {
                c.Pos++;
                while (!c.Is(TokenKind.RParen) && !c.AtEnd)
                {
                    if (c.Is(TokenKind.Number)) args.Add(c.TextOf(c.Current));
                    else if (c.Is(TokenKind.String)) args.Add(Unescape(c.StringValue(c.Current)));
                    c.Pos++;
                }
                c.Expect(TokenKind.RParen);
            }
            if (word == "DOUBLE") c.Accept("precision");
            var unsigned = false;
            while (c.IsAnyWord("unsigned", "signed", "zerofill"))
            {
                unsigned |= c.IsWord("unsigned");
                c.Pos++;
            }
            var text = c.Raw(start, c.Pos).Trim().ToLowerInvariant();
            // ENUM and SET labels keep their case: only the words around them are folded.
            if (word is "ENUM" or "SET") text = word.ToLowerInvariant() + "(" + string.Join(",", args.Select(MySqlQuoting.Literal)) + ")" + (c.Pos > start ? RestAfterParens(c.Raw(start, c.Pos)) : string.Empty);
            int? A(int i) => i < args.Count && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
            switch (word)
            {
                case "TINYINT" when A(0) == 1 && !unsigned:
                case "BOOL" or "BOOLEAN":
                    return new DataType(TypeKind.Boolean, text);
                case "TINYINT": return new DataType(TypeKind.SmallInt, text);
                case "SMALLINT": return new DataType(unsigned ? TypeKind.Integer : TypeKind.SmallInt, text);
                case "MEDIUMINT": return new DataType(TypeKind.Integer, text);
                case "INT" or "INTEGER": return new DataType(unsigned ? TypeKind.BigInt : TypeKind.Integer, text);
                case "BIGINT": return unsigned ? new DataType(TypeKind.Decimal, text, Precision: 20, Scale: 0) : new DataType(TypeKind.BigInt, text);
                case "SERIAL": return new DataType(TypeKind.Decimal, text, Precision: 20, Scale: 0);
                case "DECIMAL" or "NUMERIC" or "DEC" or "FIXED": return new DataType(TypeKind.Decimal, text, Precision: A(0) ?? 10, Scale: A(1) ?? 0);
                case "FLOAT": return new DataType(TypeKind.Real, text);
                case "DOUBLE" or "REAL": return new DataType(TypeKind.Double, text);
                case "BIT": return A(0) is null or 1 ? new DataType(TypeKind.Boolean, text) : new DataType(TypeKind.Bit, text, Length: A(0));
                // NCHAR/NVARCHAR are CHAR/VARCHAR in the national character set: the server prints them so.
                case "CHAR" or "NCHAR": return new DataType(TypeKind.Char, text, Length: A(0) ?? 1);
                case "VARCHAR" or "NVARCHAR": return new DataType(TypeKind.VarChar, text, Length: A(0));
                case "TINYTEXT" or "TEXT" or "MEDIUMTEXT" or "LONGTEXT": return new DataType(TypeKind.Text, text);
                case "BINARY" or "VARBINARY" or "TINYBLOB" or "BLOB" or "MEDIUMBLOB" or "LONGBLOB": return new DataType(TypeKind.Binary, text);
                case "DATE": return new DataType(TypeKind.Date, text);
                case "TIME": return new DataType(TypeKind.Time, text, Precision: A(0));
                case "DATETIME": return new DataType(TypeKind.Timestamp, text, Precision: A(0));
                case "TIMESTAMP": return new DataType(TypeKind.Timestamp, text, Precision: A(0), WithTimeZone: true);
                case "YEAR": return new DataType(TypeKind.SmallInt, text);
                case "JSON": return new DataType(TypeKind.Json, text);
                case "ENUM":
                {
                    // An inline ENUM is a type of its own in the model, named after its table and column.
                    var enumName = new QualifiedName(DefaultSchema, table.Name + "_" + column);
                    _enums.Add(new EnumType(enumName, args.ToEquatableArray()));
                    return new DataType(TypeKind.Enum, text, UserType: enumName);
                }
                case "SET": return new DataType(TypeKind.Text, text);
                case "GEOMETRY" or "POINT" or "LINESTRING" or "POLYGON" or "MULTIPOINT" or "MULTILINESTRING" or "MULTIPOLYGON" or "GEOMETRYCOLLECTION":
                    return new DataType(TypeKind.Geometric, text);
                default: return new DataType(TypeKind.Unknown, text);
            }
        }
    }
}
