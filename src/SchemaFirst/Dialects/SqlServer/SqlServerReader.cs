using System.Globalization;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.SqlServer;

/// <summary>
/// Reads T-SQL DDL into the model with Microsoft's own parser (ScriptDom, SQL Server 2022 grammar): schemas, tables
/// with their columns (types mapped to the neutral kinds, IDENTITY, defaults, computed columns, nullability), primary
/// keys, unique, check and foreign-key constraints (inline or added by ALTER TABLE), indexes (filtered and INCLUDE) and
/// views. Statements that build no part of a schema (database settings, data, USE, GO) are counted; any other is kept
/// verbatim and reported, never dropped silently. Names keep their case; dbo is the default schema.
/// </summary>
public static class SqlServerReader
{
    public const string DefaultSchema = "dbo";

    public static LoadResult Read(IReadOnlyList<(string Path, string Text)> sources)
    {
        var diagnostics = new List<Diagnostic>();
        var map = new SourceMap();
        var stats = new LoadStatistics { Files = sources.Count };
        var state = new State();
        foreach (var (path, text) in sources)
        {
            if (TooDeep(text) is { } deep)
            {
                // Microsoft's parser takes minutes over thousands of nested parentheses; no schema nests that deep.
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SyntaxError, $"parentheses nested deeper than {MaxDepth} levels; the file is not read",
                    new SourceSpan(path, deep.Line, deep.Column), "no schema needs this nesting: look for an unclosed parenthesis or a generated expression gone wrong"));
                stats.Errors++;
                continue;
            }
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(text);
            var script = parser.Parse(reader, out var errors);
            foreach (var e in errors)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SyntaxError, e.Message, new SourceSpan(path, e.Line, e.Column), "fix the statement; SchemaFirst reads T-SQL with Microsoft's parser"));
                stats.Errors++;
            }
            if (script is not TSqlScript tsql) continue;
            foreach (var statement in tsql.Batches.SelectMany(b => b.Statements))
            {
                stats.Statements++;
                state.Read(statement, path, map, diagnostics, stats);
            }
        }
        return new LoadResult(state.Finish(), map, diagnostics, stats);
    }

    private const int MaxDepth = 200;

    /// <summary>Where parentheses first nest deeper than <see cref="MaxDepth"/> (outside strings, [names] and comments), or null.</summary>
    private static (int Line, int Column)? TooDeep(string text)
    {
        var (depth, line, column) = (0, 1, 1);
        for (var i = 0; i < text.Length; i++, column++)
        {
            var c = text[i];
            if (c == '\n') { line++; column = 0; continue; }
            if (c is '\'' or '"' or '[')
            {
                var close = c == '[' ? ']' : c;
                for (i++, column++; i < text.Length && text[i] != close; i++, column++)
                {
                    if (text[i] == '\n') { line++; column = 0; }
                }
                continue;
            }
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                continue;
            }
            if (c == '(' && ++depth > MaxDepth) return (line, column);
            if (c == ')' && depth > 0) depth--;
        }
        return null;
    }

    private sealed class State
    {
        private readonly Dictionary<QualifiedName, Table> _tables = [];
        private readonly List<QualifiedName> _order = [];
        private readonly List<SchemaIndex> _indexes = [];
        private readonly List<View> _views = [];
        private readonly List<SchemaDef> _schemas = [];
        private readonly List<Sequence> _sequences = [];
        private readonly List<OpaqueStatement> _opaque = [];

        /// <summary>The default constraint of each column (table, column in lower case): its name, or empty when the server names it.</summary>
        private readonly Dictionary<(QualifiedName Table, string Column), string> _defaults = [];

        /// <summary>Variables a script set to a column's default constraint name, by the sys.default_constraints idiom.</summary>
        private readonly Dictionary<string, (QualifiedName Table, string Column)> _lookups = new(StringComparer.OrdinalIgnoreCase);

        private static bool Same(QualifiedName a, QualifiedName b) =>
            a.Schema.Equals(b.Schema, StringComparison.OrdinalIgnoreCase) && a.Name.Equals(b.Name, StringComparison.OrdinalIgnoreCase);

        /// <summary>The table a name stands for (T-SQL compares names without case, as the default collations do).</summary>
        private QualifiedName? Find(QualifiedName name) => _tables.ContainsKey(name) ? name : _tables.Keys.FirstOrDefault(k => Same(k, name));

        private static SourceSpan Span(TSqlFragment f, string path) => new(path, Math.Max(1, f.StartLine), Math.Max(1, f.StartColumn));

        private static void Missing(string what, TSqlFragment f, string path, List<Diagnostic> diagnostics) =>
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.UnknownObject, $"{what} does not exist at this point", Span(f, path), "create it before this statement, or write IF EXISTS"));

        /// <summary>A change SQL Server would refuse because another object depends on what it changes.</summary>
        private static void Refuse(string message, TSqlFragment f, string path, List<Diagnostic> diagnostics) =>
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DependentObject, message, Span(f, path), "drop what depends on it first, and make it again after"));

        /// <summary>What in the table stands on a column: its default, indexes, keys, checks and foreign keys (none: null).</summary>
        private string? Dependant(Table t, string column, bool withDefault)
        {
            bool Is(string c) => c.Equals(column, StringComparison.OrdinalIgnoreCase);
            if (withDefault && _defaults.TryGetValue((t.Name, column.ToLowerInvariant()), out var df)) return $"default {(df.Length > 0 ? df : "(unnamed)")}";
            if (_indexes.FirstOrDefault(i => i.Table == t.Name && (i.Elements.Any(e => e.Column != null && Is(e.Column)) || i.Include.Any(Is))) is { } index) return $"index {index.Name.Name}";
            if (t.PrimaryKey is { } pk && pk.Columns.Any(Is)) return $"primary key {pk.Name}";
            if (t.Uniques.FirstOrDefault(u => u.Columns.Any(Is)) is { } u) return $"unique constraint {u.Name}";
            if (t.ForeignKeys.FirstOrDefault(f => f.Columns.Any(Is)) is { } fk) return $"foreign key {fk.Name}";
            if (t.Checks.FirstOrDefault(c => Planning.MigrationPlanner.ReferencedNames(c.Expression.Replace('[', '"').Replace(']', '"')).Any(Is)) is { } ck) return $"check {ck.Name}";
            if (_tables.Values.SelectMany(o => o.ForeignKeys.Select(f => (o, f))).FirstOrDefault(x => x.f.ReferencedTable == t.Name && x.f.ReferencedColumns.Any(Is)) is { f: { } referencing } r) return $"foreign key {referencing.Name} of {r.o.Name}";
            return null;
        }

        private void SetDefault(QualifiedName table, string column, string? value)
        {
            var t = _tables[table];
            _tables[table] = t with { Columns = t.Columns.Select(c => c.Name.Equals(column, StringComparison.OrdinalIgnoreCase) ? c with { Default = value } : c).ToEquatableArray() };
        }

        private void DropElements(AlterTableDropTableElementStatement d, string path, List<Diagnostic> diagnostics)
        {
            if (Find(Name(d.SchemaObjectName)) is not { } name)
            {
                Missing($"table {Name(d.SchemaObjectName)}", d, path, diagnostics);
                return;
            }
            foreach (var element in d.AlterTableDropTableElements)
            {
                var t = _tables[name];
                var target = element.Name.Value;
                if (element.TableElementType == TableElementType.Column)
                {
                    if (t.FindColumn(target) is null && t.Columns.FirstOrDefault(c => c.Name.Equals(target, StringComparison.OrdinalIgnoreCase)) is null)
                    {
                        if (!element.IsIfExists) Missing($"column {name}.{target}", d, path, diagnostics);
                        continue;
                    }
                    if (Dependant(t, target, withDefault: true) is { } dependant)
                    {
                        Refuse($"column {name}.{target} cannot be dropped: {dependant} depends on it", d, path, diagnostics);
                        continue;
                    }
                    _tables[name] = t with { Columns = t.Columns.Where(c => !c.Name.Equals(target, StringComparison.OrdinalIgnoreCase)).ToEquatableArray() };
                    continue;
                }
                bool Is(string n) => n.Equals(target, StringComparison.OrdinalIgnoreCase);
                if (_defaults.FirstOrDefault(x => x.Key.Table == name && Is(x.Value)) is { Key.Column: { } column } df && df.Value != null)
                {
                    _defaults.Remove(df.Key);
                    SetDefault(name, column, null);
                    continue;
                }
                var key = t.PrimaryKey is { } pk && Is(pk.Name) ? (IEnumerable<string>)pk.Columns : t.Uniques.FirstOrDefault(u => Is(u.Name))?.Columns;
                if (key != null && _tables.Values.SelectMany(o => o.ForeignKeys.Select(f => (o, f))).FirstOrDefault(x => x.f.ReferencedTable == name && x.f.ReferencedColumns.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(key)) is { f: { } fk } r)
                {
                    Refuse($"constraint {target} of {name} cannot be dropped: foreign key {fk.Name} of {r.o.Name} references it", d, path, diagnostics);
                    continue;
                }
                var next = t with
                {
                    PrimaryKey = t.PrimaryKey is { } p && Is(p.Name) ? null : t.PrimaryKey,
                    Uniques = t.Uniques.Where(u => !Is(u.Name)).ToEquatableArray(),
                    Checks = t.Checks.Where(c => !Is(c.Name)).ToEquatableArray(),
                    ForeignKeys = t.ForeignKeys.Where(f => !Is(f.Name)).ToEquatableArray(),
                };
                if (next == t)
                {
                    if (!element.IsIfExists) Missing($"constraint {target} of {name}", d, path, diagnostics);
                    continue;
                }
                _tables[name] = next;
            }
        }

        private void AlterColumn(AlterTableAlterColumnStatement a, string path, List<Diagnostic> diagnostics)
        {
            if (Find(Name(a.SchemaObjectName)) is not { } name)
            {
                Missing($"table {Name(a.SchemaObjectName)}", a, path, diagnostics);
                return;
            }
            var t = _tables[name];
            var at = t.Columns.ToList().FindIndex(c => c.Name.Equals(a.ColumnIdentifier.Value, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                Missing($"column {name}.{a.ColumnIdentifier.Value}", a, path, diagnostics);
                return;
            }
            if (a.DataType == null)
            {
                _opaque.Add(new OpaqueStatement("AlterTableAlterColumn", Text(a, a)));
                diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnsupportedStatement, "ALTER COLUMN without a type is not modelled; kept verbatim", Span(a, path), "it is carried as written"));
                return;
            }
            var column = t.Columns[at];
            var type = Type(a.DataType, a);
            // Without NULL or NOT NULL, ALTER COLUMN makes the column nullable (ANSI_NULL_DFLT_ON, the default).
            var tokens = a.ScriptTokenStream;
            var last = Enumerable.Range(a.FirstTokenIndex, a.LastTokenIndex - a.FirstTokenIndex + 1).Select(i => tokens[i]).Where(x => x.TokenType is not (TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment or TSqlTokenType.Semicolon)).TakeLast(2).ToList();
            var notNull = last.Count == 2 && last[0].TokenType == TSqlTokenType.Not && last[1].TokenType == TSqlTokenType.Null;
            var collation = a.Collation?.Value;
            var retyped = type != column.Type || collation != column.Collation;
            if (Dependant(t, column.Name, withDefault: retyped && type.Text != column.Type.Text) is { } dependant && (retyped || notNull != column.NotNull))
            {
                Refuse($"column {name}.{column.Name} cannot be altered: {dependant} depends on it", a, path, diagnostics);
                return;
            }
            var columns = t.Columns.ToList();
            columns[at] = column with { Type = type, NotNull = notNull, Collation = collation };
            _tables[name] = t with { Columns = columns.ToEquatableArray() };
        }

        private void DropTable(QualifiedName named, bool ifExists, TSqlFragment f, string path, List<Diagnostic> diagnostics)
        {
            if (Find(named) is not { } name)
            {
                if (!ifExists) Missing($"table {named}", f, path, diagnostics);
                return;
            }
            if (_tables.Values.Where(o => o.Name != name).SelectMany(o => o.ForeignKeys.Select(fk => (o, fk))).FirstOrDefault(x => x.fk.ReferencedTable == name) is { fk: { } referencing } r)
            {
                Refuse($"table {name} cannot be dropped: foreign key {referencing.Name} of {r.o.Name} references it", f, path, diagnostics);
                return;
            }
            _tables.Remove(name);
            _order.Remove(name);
            _indexes.RemoveAll(i => i.Table == name);
            foreach (var k in _defaults.Keys.Where(k => k.Table == name).ToList()) _defaults.Remove(k);
        }

        private void AlterSequence(AlterSequenceStatement q, string path, List<Diagnostic> diagnostics)
        {
            var at = _sequences.FindIndex(x => Same(x.Name, Name(q.Name)));
            if (at < 0)
            {
                Missing($"sequence {Name(q.Name)}", q, path, diagnostics);
                return;
            }
            var o = _sequences[at].Options;
            foreach (var option in q.SequenceOptions.OfType<ScalarExpressionSequenceOption>())
            {
                if (option.OptionKind == SequenceOptionKind.Restart) o = o with { Start = Number(option.OptionValue, q) };
                if (option.OptionKind == SequenceOptionKind.Increment) o = o with { Increment = Number(option.OptionValue, q) is var by and not 1 ? by : null };
            }
            _sequences[at] = _sequences[at] with { Options = o };
        }

        /// <summary>Renames or moves a table, a view or a sequence; the indexes, defaults and foreign keys naming it follow.</summary>
        private void Rename(QualifiedName from, QualifiedName to, TSqlFragment f, string path, List<Diagnostic> diagnostics)
        {
            if (Find(from) is { } table)
            {
                var t = _tables[table] with { Name = to };
                _tables.Remove(table);
                _tables[to] = t;
                _order[_order.IndexOf(table)] = to;
                for (var i = 0; i < _indexes.Count; i++)
                {
                    if (_indexes[i].Table == table) _indexes[i] = _indexes[i] with { Table = to, Name = new QualifiedName(to.Schema, _indexes[i].Name.Name) };
                }
                foreach (var k in _defaults.Keys.Where(k => k.Table == table).ToList())
                {
                    _defaults[(to, k.Column)] = _defaults[k];
                    _defaults.Remove(k);
                }
                foreach (var o in _tables.Values.ToList())
                {
                    if (o.ForeignKeys.Any(fk => fk.ReferencedTable == table)) _tables[o.Name] = o with { ForeignKeys = o.ForeignKeys.Select(fk => fk.ReferencedTable == table ? fk with { ReferencedTable = to } : fk).ToEquatableArray() };
                }
                return;
            }
            var view = _views.FindIndex(v => Same(v.Name, from));
            if (view >= 0)
            {
                _views[view] = _views[view] with { Name = to };
                return;
            }
            var sequence = _sequences.FindIndex(s => Same(s.Name, from));
            if (sequence >= 0)
            {
                _sequences[sequence] = _sequences[sequence] with { Name = to };
                return;
            }
            Missing($"{from}", f, path, diagnostics);
        }

        private void Execute(string procedure, Dictionary<string, string> args, TSqlFragment f, string path, List<Diagnostic> diagnostics)
        {
            if (procedure == "sp_rename")
            {
                if (!args.TryGetValue("objname", out var objectName) || !args.TryGetValue("newname", out var newName))
                {
                    Missing("an object (sp_rename takes @objname and @newname)", f, path, diagnostics);
                    return;
                }
                var parts = Parts(objectName);
                var kind = args.GetValueOrDefault("objtype")?.ToUpperInvariant();
                switch (kind)
                {
                    case "COLUMN" when parts.Count >= 2:
                    {
                        var table = new QualifiedName(parts.Count > 2 ? parts[^3] : DefaultSchema, parts[^2]);
                        if (Find(table) is not { } name || _tables[name].Columns.FirstOrDefault(c => c.Name.Equals(parts[^1], StringComparison.OrdinalIgnoreCase)) is not { } column)
                        {
                            Missing($"column {table}.{parts[^1]}", f, path, diagnostics);
                            return;
                        }
                        RenameColumn(name, column.Name, newName);
                        return;
                    }
                    case "INDEX" when parts.Count >= 2:
                    {
                        var table = new QualifiedName(parts.Count > 2 ? parts[^3] : DefaultSchema, parts[^2]);
                        var at = _indexes.FindIndex(i => Same(i.Table, table) && i.Name.Name.Equals(parts[^1], StringComparison.OrdinalIgnoreCase));
                        if (at < 0)
                        {
                            Missing($"index {parts[^1]} on {table}", f, path, diagnostics);
                            return;
                        }
                        _indexes[at] = _indexes[at] with { Name = new QualifiedName(_indexes[at].Name.Schema, newName) };
                        return;
                    }
                    case "OBJECT" or null:
                    {
                        var name = new QualifiedName(parts.Count > 1 ? parts[^2] : DefaultSchema, parts[^1]);
                        if (kind == "OBJECT" && RenameConstraint(name, newName)) return;
                        Rename(name, new QualifiedName(name.Schema, newName), f, path, diagnostics);
                        return;
                    }
                }
                Missing($"{objectName} ({kind})", f, path, diagnostics);
                return;
            }
            // Extended properties: MS_Description is the comment SSMS, SSDT and documentation tools show.
            if (!args.TryGetValue("name", out var property) || property != "MS_Description") return;
            var schema = args.GetValueOrDefault("level0name") ?? DefaultSchema;
            if (!args.TryGetValue("level1name", out var objectNameOf))
            {
                return;
            }
            var text = procedure == "sp_dropextendedproperty" ? null : args.GetValueOrDefault("value");
            var target = new QualifiedName(schema, objectNameOf);
            var columnName = args.GetValueOrDefault("level2type")?.Equals("COLUMN", StringComparison.OrdinalIgnoreCase) == true ? args.GetValueOrDefault("level2name") : null;
            if (Find(target) is { } tableName)
            {
                var t = _tables[tableName];
                if (columnName == null) _tables[tableName] = t with { Comment = text };
                else if (t.Columns.Any(c => c.Name.Equals(columnName, StringComparison.OrdinalIgnoreCase)))
                {
                    _tables[tableName] = t with { Columns = t.Columns.Select(c => c.Name.Equals(columnName, StringComparison.OrdinalIgnoreCase) ? c with { Comment = text } : c).ToEquatableArray() };
                }
                else Missing($"column {tableName}.{columnName}", f, path, diagnostics);
                return;
            }
            var view = _views.FindIndex(v => Same(v.Name, target));
            if (view >= 0 && columnName == null)
            {
                _views[view] = _views[view] with { Comment = text };
                return;
            }
            Missing($"{target}", f, path, diagnostics);
        }

        private void RenameColumn(QualifiedName table, string from, string to)
        {
            string Map(string c) => c.Equals(from, StringComparison.OrdinalIgnoreCase) ? to : c;
            var t = _tables[table];
            _tables[table] = t with
            {
                Columns = t.Columns.Select(c => c.Name == from ? c with { Name = to } : c).ToEquatableArray(),
                PrimaryKey = t.PrimaryKey is { } pk ? pk with { Columns = pk.Columns.Select(Map).ToEquatableArray() } : null,
                Uniques = t.Uniques.Select(u => u with { Columns = u.Columns.Select(Map).ToEquatableArray() }).ToEquatableArray(),
                ForeignKeys = t.ForeignKeys.Select(f => f with { Columns = f.Columns.Select(Map).ToEquatableArray() }).ToEquatableArray(),
            };
            foreach (var o in _tables.Values.ToList())
            {
                if (o.ForeignKeys.Any(f => f.ReferencedTable == table))
                {
                    _tables[o.Name] = _tables[o.Name] with { ForeignKeys = _tables[o.Name].ForeignKeys.Select(f => f.ReferencedTable == table ? f with { ReferencedColumns = f.ReferencedColumns.Select(Map).ToEquatableArray() } : f).ToEquatableArray() };
                }
            }
            for (var i = 0; i < _indexes.Count; i++)
            {
                if (_indexes[i].Table != table) continue;
                _indexes[i] = _indexes[i] with
                {
                    Elements = _indexes[i].Elements.Select(e => e.Column != null ? e with { Column = Map(e.Column) } : e).ToEquatableArray(),
                    Include = _indexes[i].Include.Select(Map).ToEquatableArray(),
                };
            }
            if (_defaults.Remove((table, from.ToLowerInvariant()), out var df)) _defaults[(table, to.ToLowerInvariant())] = df;
        }

        /// <summary>Renames a key, check, foreign key or default constraint (their names are per schema).</summary>
        private bool RenameConstraint(QualifiedName name, string to)
        {
            bool Is(string n) => n.Equals(name.Name, StringComparison.OrdinalIgnoreCase);
            foreach (var t in _tables.Values.Where(t => t.Name.Schema.Equals(name.Schema, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                var next = t with
                {
                    PrimaryKey = t.PrimaryKey is { } pk && Is(pk.Name) ? pk with { Name = to } : t.PrimaryKey,
                    Uniques = t.Uniques.Select(u => Is(u.Name) ? u with { Name = to } : u).ToEquatableArray(),
                    Checks = t.Checks.Select(c => Is(c.Name) ? c with { Name = to } : c).ToEquatableArray(),
                    ForeignKeys = t.ForeignKeys.Select(f => Is(f.Name) ? f with { Name = to } : f).ToEquatableArray(),
                };
                if (next != t)
                {
                    _tables[t.Name] = next;
                    return true;
                }
            }
            foreach (var k in _defaults.Where(x => x.Key.Table.Schema.Equals(name.Schema, StringComparison.OrdinalIgnoreCase) && Is(x.Value)).Select(x => x.Key).ToList())
            {
                _defaults[k] = to;
                return true;
            }
            return false;
        }

        public Database Finish() => Database.Empty with
        {
            Schemas = _schemas.ToEquatableArray(),
            Tables = _order.Select(n => _tables[n]).ToEquatableArray(),
            Indexes = _indexes.ToEquatableArray(),
            Views = _views.ToEquatableArray(),
            Sequences = _sequences.ToEquatableArray(),
            Opaque = _opaque.ToEquatableArray(),
            SourceDialect = "sqlserver",
        };

        public void Read(TSqlStatement statement, string path, SourceMap map, List<Diagnostic> diagnostics, LoadStatistics stats)
        {
            switch (statement)
            {
                case CreateSchemaStatement s:
                    _schemas.Add(new SchemaDef(s.Name.Value));
                    break;
                case CreateTableStatement t:
                {
                    var name = Name(t.SchemaObjectName);
                    var table = new Table(name, default);
                    table = AddElements(table, t.Definition, statement, path, diagnostics);
                    _tables[name] = table;
                    _order.Add(name);
                    map.TryAdd(new SourceKey(SourceKind.Table, name), path, t.StartLine, t.StartColumn, 1);
                    foreach (var index in t.Definition.Indexes) _indexes.Add(Index(index.Name.Value, name, index.Unique, index.Columns, index.IncludeColumns, index.FilterPredicate, statement));
                    break;
                }
                case AlterTableAddTableElementStatement a:
                {
                    var name = Name(a.SchemaObjectName);
                    if (!_tables.TryGetValue(name, out var table))
                    {
                        diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.UnknownObject, $"table {name} does not exist at this point", new SourceSpan(path, a.StartLine, a.StartColumn), "create the table before altering it"));
                        break;
                    }
                    _tables[name] = AddElements(table, a.Definition, statement, path, diagnostics);
                    break;
                }
                case CreateIndexStatement i when !_tables.ContainsKey(Name(i.OnName)) && !_views.Any(v => v.Name == Name(i.OnName)):
                    Missing($"table {Name(i.OnName)}", i, path, diagnostics);
                    break;
                case CreateIndexStatement i:
                    _indexes.Add(Index(i.Name.Value, Name(i.OnName), i.Unique, i.Columns, i.IncludeColumns, i.FilterPredicate, statement));
                    break;
                case CreateViewStatement v:
                {
                    var query = Text(v.SelectStatement, statement);
                    _views.Add(new View(Name(v.SchemaObjectName), query, ColumnNames: v.Columns.Select(c => c.Value).ToEquatableArray()));
                    break;
                }
                case CreateSequenceStatement q:
                {
                    long? start = null, increment = null;
                    foreach (var o in q.SequenceOptions)
                    {
                        if (o is ScalarExpressionSequenceOption { OptionKind: SequenceOptionKind.Start } so) start = Number(so.OptionValue, statement);
                        // INCREMENT BY 1 is the default, said or not.
                        if (o is ScalarExpressionSequenceOption { OptionKind: SequenceOptionKind.Increment } io) increment = Number(io.OptionValue, statement) is var by and not 1 ? by : null;
                    }
                    _sequences.Add(new Sequence(Name(q.Name), SequenceOptions.Default with { Start = start, Increment = increment }));
                    break;
                }
                case UseStatement or CreateDatabaseStatement or DropDatabaseStatement or AlterDatabaseStatement or PredicateSetStatement or SetIdentityInsertStatement:
                    stats.SessionSettings++;
                    break;
                case InsertStatement or UpdateStatement or DeleteStatement:
                    stats.DataStatements++;
                    break;
                case AlterTableDropTableElementStatement d:
                    DropElements(d, path, diagnostics);
                    break;
                case AlterTableAlterColumnStatement a:
                    AlterColumn(a, path, diagnostics);
                    break;
                case DropTableStatement d:
                    foreach (var o in d.Objects) DropTable(Name(o), d.IsIfExists, d, path, diagnostics);
                    break;
                case DropViewStatement d:
                    foreach (var o in d.Objects)
                    {
                        var name = Name(o);
                        if (_views.RemoveAll(v => Same(v.Name, name)) == 0 && !d.IsIfExists) Missing($"view {name}", d, path, diagnostics);
                    }
                    break;
                case DropIndexStatement d:
                    foreach (var clause in d.DropIndexClauses.OfType<DropIndexClause>())
                    {
                        var table = Name(clause.Object);
                        if (_indexes.RemoveAll(i => Same(i.Table, table) && i.Name.Name.Equals(clause.Index.Value, StringComparison.OrdinalIgnoreCase)) == 0 && !d.IsIfExists)
                        {
                            Missing($"index {clause.Index.Value} on {table}", d, path, diagnostics);
                        }
                    }
                    break;
                case DropSchemaStatement d:
                    if (_tables.Keys.Any(t => t.Schema.Equals(d.Schema.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase)) || _views.Any(v => v.Name.Schema.Equals(d.Schema.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase)))
                    {
                        Refuse($"schema {d.Schema.BaseIdentifier.Value} still holds objects; it cannot be dropped", d, path, diagnostics);
                    }
                    else if (_schemas.RemoveAll(x => x.Name.Equals(d.Schema.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase)) == 0 && !d.IsIfExists) Missing($"schema {d.Schema.BaseIdentifier.Value}", d, path, diagnostics);
                    break;
                case DropSequenceStatement d:
                    foreach (var o in d.Objects)
                    {
                        var name = Name(o);
                        if (_sequences.RemoveAll(q => Same(q.Name, name)) == 0 && !d.IsIfExists) Missing($"sequence {name}", d, path, diagnostics);
                    }
                    break;
                case AlterSequenceStatement q:
                    AlterSequence(q, path, diagnostics);
                    break;
                case AlterSchemaStatement { ObjectName: { } moved } m:
                    Rename(Name(moved), new QualifiedName(m.Name.Value, moved.BaseIdentifier.Value), m, path, diagnostics);
                    break;
                case ExecuteStatement e when Procedure(e) is { } procedure && procedure.Name is "sp_rename" or "sp_addextendedproperty" or "sp_updateextendedproperty" or "sp_dropextendedproperty":
                    Execute(procedure.Name, procedure.Arguments, e, path, diagnostics);
                    break;
                case DeclareVariableStatement v when DefaultLookup(Text(v, v)) is { } lookup:
                    // The idiom that drops a column's default whatever it is called (EF Core's, SchemaFirst's):
                    // DECLARE @d sysname = (SELECT name FROM sys.default_constraints WHERE ... OBJECT_ID(N't') ... = N'c').
                    _lookups[v.Declarations[0].VariableName.Value] = lookup;
                    stats.SessionSettings++;
                    break;
                case IfStatement { ThenStatement: ExecuteStatement exec } i when DroppedDefault(Text(exec, i)) is { } variable && _lookups.Remove(variable, out var column):
                    // IF @d IS NOT NULL: a column without a default is left as it is.
                    if (_defaults.Remove(column) && Find(column.Table) is { } owner) SetDefault(owner, column.Column, null);
                    break;
                case IfStatement or BeginEndBlockStatement or PrintStatement or DeclareVariableStatement or BeginTransactionStatement or CommitTransactionStatement or RollbackTransactionStatement:
                    stats.SessionSettings++;
                    break;
                default:
                    _opaque.Add(new OpaqueStatement(statement.GetType().Name.Replace("Statement", string.Empty, StringComparison.Ordinal), Text(statement, statement)));
                    stats.KeptVerbatim++;
                    diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnsupportedStatement, $"{statement.GetType().Name} is not modelled; kept verbatim",
                        new SourceSpan(path, statement.StartLine, statement.StartColumn), "it is carried as written"));
                    break;
            }
        }

        private Table AddElements(Table table, TableDefinition definition, TSqlFragment owner, string path, List<Diagnostic> diagnostics)
        {
            var columns = table.Columns.ToList();
            var pk = table.PrimaryKey;
            var uniques = table.Uniques.ToList();
            var checks = table.Checks.ToList();
            var fks = table.ForeignKeys.ToList();
            foreach (var cd in definition.ColumnDefinitions)
            {
                var name = cd.ColumnIdentifier.Value;
                if (columns.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DuplicateColumn, $"column {name} already exists in {table.Name}", Span(owner, path), "a table's column names are unique"));
                    continue;
                }
                var notNull = false;
                foreach (var constraint in cd.Constraints)
                {
                    switch (constraint)
                    {
                        case NullableConstraintDefinition n: notNull = !n.Nullable; break;
                        case UniqueConstraintDefinition { IsPrimaryKey: true } p:
                            pk = new PrimaryKey(p.ConstraintIdentifier?.Value ?? "PK_" + table.Name.Name, new[] { name }, new IndexOptions(default), ConstraintTiming.Immediate);
                            notNull = true;
                            break;
                        case UniqueConstraintDefinition u:
                            uniques.Add(new UniqueConstraint(u.ConstraintIdentifier?.Value ?? $"UQ_{table.Name.Name}_{name}", new[] { name }, false, new IndexOptions(default), ConstraintTiming.Immediate));
                            break;
                        case CheckConstraintDefinition ck:
                            checks.Add(new CheckConstraint(ck.ConstraintIdentifier?.Value ?? $"CK_{table.Name.Name}_{name}", Text(ck.CheckCondition, owner)));
                            break;
                        case ForeignKeyConstraintDefinition fk:
                            fks.Add(ForeignKey(fk, [name], owner, table.Name));
                            break;
                    }
                }
                // A computed column's type is its expression's: known when the expression is a CAST, as SchemaFirst writes it.
                var type = cd.DataType != null ? Type(cd.DataType, owner)
                    : cd.ComputedColumnExpression is CastCall cast ? Type(cast.DataType, owner)
                    : cd.ComputedColumnExpression is ParenthesisExpression { Expression: CastCall inner } ? Type(inner.DataType, owner)
                    : new DataType(TypeKind.Unknown, "sql_variant");
                Identity? identity = cd.IdentityOptions is { } io
                    ? new Identity(false, SequenceOptions.Default with { Start = io.IdentitySeed != null ? Number(io.IdentitySeed, owner) : 1, Increment = io.IdentityIncrement != null ? Number(io.IdentityIncrement, owner) : 1 })
                    : null;
                var def = cd.DefaultConstraint != null ? Text(cd.DefaultConstraint.Expression, owner) : null;
                if (cd.DefaultConstraint != null) _defaults[(table.Name, name.ToLowerInvariant())] = cd.DefaultConstraint.ConstraintIdentifier?.Value ?? string.Empty;
                GeneratedColumn? generated = cd.ComputedColumnExpression != null ? new GeneratedColumn(Text(cd.ComputedColumnExpression, owner), cd.IsPersisted) : null;
                columns.Add(new Column(name, type, notNull || identity != null, def, identity, generated, cd.Collation?.Value));
            }
            foreach (var constraint in definition.TableConstraints)
            {
                switch (constraint)
                {
                    case UniqueConstraintDefinition { IsPrimaryKey: true } p:
                        pk = new PrimaryKey(p.ConstraintIdentifier?.Value ?? "PK_" + table.Name.Name, Columns(p.Columns), new IndexOptions(default), ConstraintTiming.Immediate);
                        break;
                    case UniqueConstraintDefinition u:
                        uniques.Add(new UniqueConstraint(u.ConstraintIdentifier?.Value ?? $"UQ_{table.Name.Name}_{string.Join("_", Columns(u.Columns))}", Columns(u.Columns), false, new IndexOptions(default), ConstraintTiming.Immediate));
                        break;
                    case CheckConstraintDefinition ck:
                        checks.Add(new CheckConstraint(ck.ConstraintIdentifier?.Value ?? $"CK_{table.Name.Name}_{checks.Count + 1}", Text(ck.CheckCondition, owner)));
                        break;
                    case ForeignKeyConstraintDefinition fk:
                        fks.Add(ForeignKey(fk, fk.Columns.Select(c => c.Value).ToList(), owner, table.Name));
                        break;
                    case DefaultConstraintDefinition d when d.Column != null:
                        var i = columns.FindIndex(c => c.Name.Equals(d.Column.Value, StringComparison.OrdinalIgnoreCase));
                        if (i < 0)
                        {
                            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ColumnMissing, $"column {d.Column.Value} does not exist in {table.Name}", Span(owner, path), "name a column of the table"));
                        }
                        else if (_defaults.ContainsKey((table.Name, columns[i].Name.ToLowerInvariant())))
                        {
                            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DuplicateObject, $"column {table.Name}.{columns[i].Name} already has a default", Span(owner, path), "drop the default first"));
                        }
                        else
                        {
                            columns[i] = columns[i] with { Default = Text(d.Expression, owner) };
                            _defaults[(table.Name, columns[i].Name.ToLowerInvariant())] = d.ConstraintIdentifier?.Value ?? string.Empty;
                        }
                        break;
                }
            }
            // A primary key's columns are NOT NULL in SQL Server, as in PostgreSQL.
            if (pk != null) columns = columns.Select(c => pk.Columns.Contains(c.Name) ? c with { NotNull = true } : c).ToList();
            return table with
            {
                Columns = columns.ToEquatableArray(),
                PrimaryKey = pk,
                Uniques = uniques.ToEquatableArray(),
                Checks = checks.ToEquatableArray(),
                ForeignKeys = fks.ToEquatableArray(),
            };
        }

        private static ForeignKey ForeignKey(ForeignKeyConstraintDefinition fk, List<string> columns, TSqlFragment owner, QualifiedName table) =>
            new(fk.ConstraintIdentifier?.Value ?? $"FK_{table.Name}_{string.Join("_", columns)}", columns, Name(fk.ReferenceTableName),
                fk.ReferencedTableColumns.Select(c => c.Value).ToEquatableArray(), Action(fk.DeleteAction), Action(fk.UpdateAction), ForeignKeyMatch.Simple, ConstraintTiming.Immediate);

        private static ForeignKeyAction Action(DeleteUpdateAction a) => a switch
        {
            DeleteUpdateAction.Cascade => ForeignKeyAction.Cascade,
            DeleteUpdateAction.SetNull => ForeignKeyAction.SetNull,
            DeleteUpdateAction.SetDefault => ForeignKeyAction.SetDefault,
            _ => ForeignKeyAction.NoAction,
        };

        private static SchemaIndex Index(string name, QualifiedName table, bool unique, IList<ColumnWithSortOrder> columns, IList<ColumnReferenceExpression> include, BooleanExpression? filter, TSqlFragment owner) =>
            new(new QualifiedName(table.Schema, name), table, unique, "btree",
                columns.Select(c => new IndexElement(Column(c.Column), null, Descending: c.SortOrder == SortOrder.Descending)).ToEquatableArray(),
                include.Select(Column).ToEquatableArray(), filter != null ? Text(filter, owner) : null);

        private static EquatableArray<string> Columns(IList<ColumnWithSortOrder> columns) => columns.Select(c => Column(c.Column)).ToEquatableArray();

        private static string Column(ColumnReferenceExpression c) => c.MultiPartIdentifier.Identifiers[^1].Value;
    }

    private static QualifiedName Name(SchemaObjectName name) => new(name.SchemaIdentifier?.Value ?? DefaultSchema, name.BaseIdentifier.Value);

    /// <summary>The procedure an EXEC calls (lower case, without its schema) and its arguments by parameter name (sp_rename's
    /// and the extended-property procedures' names for arguments given by position), string and number values only.</summary>
    private static (string Name, Dictionary<string, string> Arguments)? Procedure(ExecuteStatement e)
    {
        if (e.ExecuteSpecification?.ExecutableEntity is not ExecutableProcedureReference { ProcedureReference.ProcedureReference.Name: { } name } p) return null;
        var procedure = name.BaseIdentifier.Value.ToLowerInvariant();
        string[] positions = procedure == "sp_rename" ? ["objname", "newname", "objtype"]
            : ["name", "value", "level0type", "level0name", "level1type", "level1name", "level2type", "level2name"];
        var args = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < p.Parameters.Count; i++)
        {
            var key = p.Parameters[i].Variable?.Name.TrimStart('@') ?? (i < positions.Length ? positions[i] : null);
            if (key == null) continue;
            if (p.Parameters[i].ParameterValue is StringLiteral s) args[key] = s.Value;
            else if (p.Parameters[i].ParameterValue is Literal l) args[key] = l.Value;
        }
        return (procedure, args);
    }

    /// <summary>The parts of a name sp_rename takes ("[dbo].[t].[c]", "dbo.t.c"), brackets and quotes taken off.</summary>
    private static List<string> Parts(string name)
    {
        var parts = new List<string>();
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '[' or '"')
            {
                var close = c == '[' ? ']' : '"';
                for (i++; i < name.Length; i++)
                {
                    if (name[i] == close && i + 1 < name.Length && name[i + 1] == close) { sb.Append(close); i++; }
                    else if (name[i] == close) break;
                    else sb.Append(name[i]);
                }
            }
            else if (c == '.')
            {
                parts.Add(sb.ToString());
                sb.Clear();
            }
            else sb.Append(c);
        }
        parts.Add(sb.ToString());
        return parts;
    }

    private static readonly System.Text.RegularExpressions.Regex DefaultLookupPattern = new(
        @"sys\.default_constraints\b.*OBJECT_ID\s*\(\s*N?'((?:[^']|'')*)'\s*\).*COL_NAME\s*\([^)]*\)\s*=\s*N?'((?:[^']|'')*)'",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);

    /// <summary>The column whose default constraint a DECLARE looks up in sys.default_constraints, or null.</summary>
    private static (QualifiedName Table, string Column)? DefaultLookup(string declare)
    {
        var m = DefaultLookupPattern.Match(declare);
        if (!m.Success) return null;
        var parts = Parts(m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal));
        var table = new QualifiedName(parts.Count > 1 ? parts[^2] : DefaultSchema, parts[^1]);
        return (table, m.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal).ToLowerInvariant());
    }

    private static readonly System.Text.RegularExpressions.Regex DroppedDefaultPattern = new(
        @"DROP\s+CONSTRAINT\s*'\s*\+\s*(@\w+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>The variable whose constraint an EXEC (N'ALTER TABLE ... DROP CONSTRAINT ' + @v) drops, or null.</summary>
    private static string? DroppedDefault(string exec) => DroppedDefaultPattern.Match(exec) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The source text of a fragment, from its own tokens (comments and spacing as written).</summary>
    private static string Text(TSqlFragment fragment, TSqlFragment owner)
    {
        var stream = fragment.ScriptTokenStream ?? owner.ScriptTokenStream;
        if (stream == null || fragment.FirstTokenIndex < 0) return string.Empty;
        var sb = new System.Text.StringBuilder();
        for (var i = fragment.FirstTokenIndex; i <= fragment.LastTokenIndex; i++) sb.Append(stream[i].Text);
        return sb.ToString().Trim();
    }

    private static long Number(ScalarExpression e, TSqlFragment owner) =>
        long.TryParse(Text(e, owner).Trim('(', ')', ' '), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 1;

    /// <summary>A T-SQL type as a neutral one; the text is T-SQL's, lower case.</summary>
    internal static DataType Type(DataTypeReference reference, TSqlFragment owner)
    {
        if (reference is not SqlDataTypeReference sql) return new DataType(TypeKind.User, Text(reference, owner).ToLowerInvariant(), UserType: reference.Name != null ? new QualifiedName(reference.Name.SchemaIdentifier?.Value ?? DefaultSchema, reference.Name.BaseIdentifier.Value) : null);
        var text = Text(reference, owner).ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        int? P(int i) => i < sql.Parameters.Count && int.TryParse(sql.Parameters[i].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var max = sql.Parameters.Count > 0 && sql.Parameters[0].LiteralType == LiteralType.Max;
        return sql.SqlDataTypeOption switch
        {
            SqlDataTypeOption.TinyInt or SqlDataTypeOption.SmallInt => new DataType(TypeKind.SmallInt, text),
            SqlDataTypeOption.Int => new DataType(TypeKind.Integer, text),
            SqlDataTypeOption.BigInt => new DataType(TypeKind.BigInt, text),
            SqlDataTypeOption.Decimal or SqlDataTypeOption.Numeric => new DataType(TypeKind.Decimal, text, Precision: P(0) ?? 18, Scale: P(1) ?? 0),
            SqlDataTypeOption.Money or SqlDataTypeOption.SmallMoney => new DataType(TypeKind.Money, text),
            SqlDataTypeOption.Real => new DataType(TypeKind.Real, text),
            SqlDataTypeOption.Float => P(0) is { } bits && bits <= 24 ? new DataType(TypeKind.Real, text) : new DataType(TypeKind.Double, text),
            SqlDataTypeOption.Bit => new DataType(TypeKind.Boolean, text),
            SqlDataTypeOption.Char or SqlDataTypeOption.NChar => new DataType(TypeKind.Char, text, Length: P(0) ?? 1),
            SqlDataTypeOption.VarChar or SqlDataTypeOption.NVarChar => max ? new DataType(TypeKind.Text, text) : new DataType(TypeKind.VarChar, text, Length: P(0) ?? 1),
            SqlDataTypeOption.Text or SqlDataTypeOption.NText => new DataType(TypeKind.Text, text),
            SqlDataTypeOption.Binary or SqlDataTypeOption.VarBinary or SqlDataTypeOption.Image or SqlDataTypeOption.Timestamp or SqlDataTypeOption.Rowversion => new DataType(TypeKind.Binary, text),
            SqlDataTypeOption.Date => new DataType(TypeKind.Date, text),
            SqlDataTypeOption.Time => new DataType(TypeKind.Time, text, Precision: P(0)),
            SqlDataTypeOption.DateTime or SqlDataTypeOption.DateTime2 or SqlDataTypeOption.SmallDateTime => new DataType(TypeKind.Timestamp, text, Precision: P(0)),
            SqlDataTypeOption.DateTimeOffset => new DataType(TypeKind.Timestamp, text, Precision: P(0), WithTimeZone: true),
            SqlDataTypeOption.UniqueIdentifier => new DataType(TypeKind.Uuid, text),
            _ => new DataType(TypeKind.Unknown, text),
        };
    }
}
