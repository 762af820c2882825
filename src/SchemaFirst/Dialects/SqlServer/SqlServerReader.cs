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
                    table = AddElements(table, t.Definition, statement);
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
                    _tables[name] = AddElements(table, a.Definition, statement);
                    break;
                }
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
                        if (o is ScalarExpressionSequenceOption { OptionKind: SequenceOptionKind.Increment } io) increment = Number(io.OptionValue, statement);
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
                case IfStatement or BeginEndBlockStatement or DropTableStatement or DropViewStatement or DropIndexStatement or PrintStatement:
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

        private static Table AddElements(Table table, TableDefinition definition, TSqlFragment owner)
        {
            var columns = table.Columns.ToList();
            var pk = table.PrimaryKey;
            var uniques = table.Uniques.ToList();
            var checks = table.Checks.ToList();
            var fks = table.ForeignKeys.ToList();
            foreach (var cd in definition.ColumnDefinitions)
            {
                var name = cd.ColumnIdentifier.Value;
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
                        if (i >= 0) columns[i] = columns[i] with { Default = Text(d.Expression, owner) };
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
