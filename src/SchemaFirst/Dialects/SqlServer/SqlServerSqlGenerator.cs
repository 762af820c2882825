using System.Globalization;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Portable;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.SqlServer;

/// <summary>
/// Writes a model as T-SQL for SQL Server: one statement per batch (GO), schemas (public is dbo), NVARCHAR for text,
/// DATETIMEOFFSET for timestamptz, BIT for booleans, UNIQUEIDENTIFIER for uuid, IDENTITY for identity and serial
/// columns, named DEFAULT constraints, enums as NVARCHAR with a CHECK of their labels, unique constraints over nullable
/// columns as filtered unique indexes (SQL Server's unique constraint admits one NULL, PostgreSQL's any number), foreign
/// keys as trailing ALTER TABLEs with any second cascade path to a table refused as SQL Server refuses it (named, and
/// written without the cascade), comments as MS_Description extended properties. What T-SQL cannot express is a note
/// naming the object, never a silent omission.
/// </summary>
internal sealed class SqlServerSqlGenerator
{
    private const string Code = "SF501";

    internal static readonly ExpressionStyle Style = new(
        SqlServerQuoting.Quote,
        SqlServerQuoting.Literal,
        new HashSet<string>(StringComparer.Ordinal)
        {
            "abs", "ceiling", "floor", "coalesce", "nullif", "lower", "upper", "trim", "ltrim", "rtrim", "concat", "concat_ws", "replace",
            "left", "right", "len", "datalength", "isnull", "count", "sum", "avg", "min", "max", "isjson", "json_value", "sign", "exp",
            "log", "log10", "sqrt", "power", "reverse", "greatest", "least",
        },
        new Dictionary<string, string> { ["btrim"] = "TRIM", ["length"] = "LEN", ["char_length"] = "LEN", ["ceil"] = "CEILING" },
        Now: "SYSDATETIMEOFFSET()",
        Today: "CAST(SYSDATETIME() AS date)",
        Uuid: "NEWID()",
        RegexMatch: null,
        True: "1",
        False: "0") { Native = new HashSet<string>(["sqlserver"]) };

    private readonly Database _db;
    private readonly List<Diagnostic> _notes;
    private readonly StringBuilder _out = new();
    private readonly Dictionary<QualifiedName, EnumType> _enums;
    private readonly Dictionary<QualifiedName, DomainType> _domains;
    private readonly HashSet<string> _schemas;
    private readonly HashSet<QualifiedName> _tableNames;
    private readonly HashSet<(QualifiedName, string)> _keyColumns;

    private SqlServerSqlGenerator(Database db, List<Diagnostic> notes)
    {
        _db = db;
        _notes = notes;
        _enums = db.Enums.ToDictionary(e => e.Name);
        _domains = db.Domains.ToDictionary(d => d.Name);
        _schemas = new HashSet<string>(["public", "main"], StringComparer.Ordinal); // their qualifiers go: dbo is the default schema
        _tableNames = db.Tables.Select(t => t.Name).ToHashSet();
        _keyColumns = Portable.TargetFacts.KeyColumns(db);
    }

    public static string Generate(Database db, List<Diagnostic> notes)
    {
        var g = new SqlServerSqlGenerator(db, notes);
        g.Run();
        return g._out.ToString();
    }

    private void Note(Severity severity, string message) => _notes.Add(new Diagnostic(severity, Code, message));

    private static string Q(string name) => SqlServerQuoting.Quote(name);

    /// <summary>PostgreSQL's public (and SQLite's main) schema is SQL Server's dbo.</summary>
    private static string SchemaOf(QualifiedName name) => name.Schema is "public" or "main" ? "dbo" : name.Schema;

    private static string Name(QualifiedName name) => Q(SchemaOf(name)) + "." + Q(name.Name);

    /// <summary>A predicate (check, filter) in T-SQL, or empty when it has none: a translation T-SQL would not read (a bare
    /// boolean column as a condition) counts as none, checked with Microsoft's T-SQL parser.</summary>
    private string Expr(string expression, bool forDefault = false) =>
        ExpressionTranslator.Translate(expression, _schemas, Style, forDefault, _db.SourceDialect) is { } e && Reads("SELECT 1 WHERE (" + e + ")") ? e : string.Empty;

    /// <summary>Constraint names are schema objects in SQL Server (per table in PostgreSQL): a repeated one gets a suffix.</summary>
    private readonly HashSet<string> _constraintNames = new(StringComparer.OrdinalIgnoreCase);

    private string UniqueName(QualifiedName table, string name, string what)
    {
        var candidate = name;
        for (var n = 2; !_constraintNames.Add(SchemaOf(table) + "." + candidate); n++) candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
        if (candidate != name) Note(Severity.Info, $"{what}: {name} is taken in the schema (SQL Server's constraint names are per schema); named {candidate}");
        return candidate;
    }

    /// <summary>Whether Microsoft's T-SQL parser reads the text without an error.</summary>
    private static bool Reads(string sql)
    {
        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Count == 0;
    }

    private void Batch(string statement) => _out.Append(statement).Append(";\nGO\n\n");

    private void Run()
    {
        _out.Append("-- Generated by SchemaFirst for SQL Server. Do not edit: change the schema source instead.\n");
        _out.Append("-- One statement per batch (GO), for sqlcmd, SSMS and Azure Data Studio.\n\n");
        var schemas = _db.Tables.Select(t => SchemaOf(t.Name)).Concat(_db.Views.Select(v => SchemaOf(v.Name))).Concat(_db.Schemas.Select(s => s.Name is "public" or "main" ? "dbo" : s.Name))
            .Where(s => s != "dbo").Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var s in schemas) Batch("CREATE SCHEMA " + Q(s));
        foreach (var e in _db.Extensions) Note(Severity.Warning, $"extension {e.Name}: SQL Server has no extensions; not created");
        foreach (var s in _db.Sequences.Where(s => s.OwnedBy == null))
        {
            // SQL Server starts a sequence at its type's minimum unless told: PostgreSQL's start (MINVALUE, else 1) is written.
            var o = s.Options;
            var sb = new StringBuilder("CREATE SEQUENCE ").Append(Name(s.Name)).Append(" AS BIGINT");
            sb.Append(" START WITH ").Append((o.Start ?? o.MinValue ?? ((o.Increment ?? 1) < 0 ? -1 : 1)).ToString(CultureInfo.InvariantCulture));
            sb.Append(" INCREMENT BY ").Append((o.Increment ?? 1).ToString(CultureInfo.InvariantCulture));
            if (o.MinValue is { } min) sb.Append(" MINVALUE ").Append(min.ToString(CultureInfo.InvariantCulture));
            if (o.MaxValue is { } max) sb.Append(" MAXVALUE ").Append(max.ToString(CultureInfo.InvariantCulture));
            if (o.Cycle) sb.Append(" CYCLE");
            Batch(sb.ToString());
        }
        foreach (var t in _db.Tables.OrderBy(t => t.Name)) WriteTable(t);
        foreach (var i in _db.Indexes.OrderBy(i => i.Table).ThenBy(i => i.Name)) WriteIndex(i);
        WriteForeignKeys();
        foreach (var v in _db.Views.OrderBy(v => v.Name)) WriteView(v);
        WriteComments();
        Portable.TargetFacts.NoteUnwritten(_db, "SQL Server", Style.Native.Contains(_db.SourceDialect), Note);
        Portable.TargetFacts.TrimBlankLines(_out);
    }

    private void WriteTable(Table t)
    {
        var what = $"table {t.Name}";
        Portable.TargetFacts.NoteTableShape(t, "SQL Server", Note);
        var lines = new List<string>();
        var identity = Portable.TargetFacts.IdentityColumn(t, "SQL Server", "IDENTITY", Note);
        foreach (var c in t.Columns) lines.Add("    " + ColumnText(t, c, c == identity));
        if (t.PrimaryKey is { } pk) lines.Add($"    CONSTRAINT {Q(UniqueName(t.Name, pk.Name, what))} PRIMARY KEY ({Columns(pk.Columns)})");
        foreach (var u in t.Uniques)
        {
            // PostgreSQL lets a unique constraint hold any number of NULLs, SQL Server one: over nullable columns it is a
            // filtered unique index, which behaves as PostgreSQL's does; unless a foreign key references it, which SQL
            // Server allows only on a constraint.
            var nullable = u.Columns.Where(col => t.FindColumn(col) is { NotNull: false } && t.PrimaryKey?.Columns.Contains(col) != true).ToList();
            var referenced = _db.Tables.Any(o => o.ForeignKeys.Any(fk => fk.ReferencedTable == t.Name && fk.ReferencedColumns.ToHashSet().SetEquals(u.Columns)));
            if (nullable.Count > 0 && !u.NullsNotDistinct && !referenced)
            {
                _deferredUniques.Add((t, u, nullable));
                continue;
            }
            if (nullable.Count > 0 && !u.NullsNotDistinct) Note(Severity.Warning, $"{what}: unique constraint {u.Name} over nullable columns is referenced by a foreign key, so it stays a constraint, which admits one NULL in SQL Server");
            lines.Add($"    CONSTRAINT {Q(UniqueName(t.Name, u.Name, what))} UNIQUE ({Columns(u.Columns)})");
        }
        foreach (var ck in t.Checks)
        {
            var e = Expr(ck.Expression);
            if (e.Length > 0) lines.Add($"    CONSTRAINT {Q(UniqueName(t.Name, ck.Name, what))} CHECK ({e})");
            else Note(Severity.Warning, $"{what}: check {ck.Name} ({ck.Expression}) uses PostgreSQL-only syntax; not created");
        }
        foreach (var x in t.Exclusions) Note(Severity.Warning, $"{what}: exclusion constraint {x.Name} has no SQL Server equivalent; not created");
        Batch("CREATE TABLE " + Name(t.Name) + " (\n" + string.Join(",\n", lines) + "\n)");
        foreach (var (table, u, nullable) in _deferredUniques.Where(d => d.Table == t).ToList())
        {
            Note(Severity.Info, $"{what}: unique constraint {u.Name} over nullable columns is a filtered unique index (SQL Server's constraint would admit one NULL)");
            Batch($"CREATE UNIQUE INDEX {Q(u.Name)} ON {Name(table.Name)} ({Columns(u.Columns)}) WHERE {string.Join(" AND ", nullable.Select(n => Q(n) + " IS NOT NULL"))}");
        }
    }

    private readonly List<(Table Table, UniqueConstraint Unique, List<string> Nullable)> _deferredUniques = [];

    private string ColumnText(Table t, Column c, bool identity)
    {
        var what = $"column {t.Name}.{QualifiedName.Display(c.Name)}";
        var type = c.Type;
        var checks = new List<string>();
        var (resolved, domainDefault, domainNotNull) = Portable.TargetFacts.Domain(type, _domains, c.Name, what, e => Expr(e), checks, Note);
        type = resolved;
        var notNull = c.NotNull || t.PrimaryKey?.Columns.Contains(c.Name) == true || domainNotNull;
        var sb = new StringBuilder(Q(c.Name));
        if (c.Generated is { } gen)
        {
            var ge = ExpressionTranslator.Translate(gen.Expression, _schemas, Style, sourceDialect: _db.SourceDialect) is { } g && Reads("SELECT (" + g + ")") ? g : string.Empty;
            if (ge.Length > 0)
            {
                // A computed column has no declared type in T-SQL: the CAST gives it the source's.
                var scratch = new List<string>();
                sb.Append(" AS CAST((").Append(ge).Append(") AS ").Append(TypeText(t, c, type, what, scratch)).Append(')').Append(gen.Stored ? " PERSISTED" : string.Empty);
                return sb.ToString();
            }
            Note(Severity.Warning, $"{what}: generation expression ({gen.Expression}) uses PostgreSQL-only syntax; created as a plain column");
        }
        sb.Append(' ').Append(TypeText(t, c, type, what, checks));
        if (identity)
        {
            var start = c.Identity?.Options.Start ?? 1;
            var increment = c.Identity?.Options.Increment ?? 1;
            sb.Append(" IDENTITY(").Append(start.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(increment.ToString(CultureInfo.InvariantCulture)).Append(')');
        }
        sb.Append(notNull ? " NOT NULL" : " NULL");
        if (!identity && (c.Default ?? domainDefault) is { } def)
        {
            var d = DefaultText(def, type);
            if (d != null) sb.Append(" CONSTRAINT ").Append(Q(Truncate("DF_" + t.Name.Name + "_" + c.Name))).Append(" DEFAULT (").Append(d).Append(')');
            else Note(Severity.Warning, $"{what}: default ({def}) has no SQL Server equivalent; created without a default");
        }
        foreach (var check in checks) sb.Append(" CHECK (").Append(check).Append(')');
        return sb.ToString();
    }

    private static string Truncate(string name) => name.Length <= 128 ? name : name[..128];

    private string? DefaultText(string def, DataType type)
    {
        var e = ExpressionTranslator.Translate(def, _schemas, Style, forDefault: true, _db.SourceDialect);
        if (e == null) return null;
        while (e.Length > 2 && e[0] == '(' && e[^1] == ')') e = e[1..^1];
        if (e.Equals("N'now'", StringComparison.OrdinalIgnoreCase) || e.Equals("N'today'", StringComparison.OrdinalIgnoreCase)) e = type.Kind == TypeKind.Date ? Style.Today! : Style.Now;
        if (e == Style.Now && type.Kind == TypeKind.Timestamp && !type.WithTimeZone) return "SYSDATETIME()";
        if (e == Style.Now && type.Kind == TypeKind.Date) return Style.Today;
        if (type.Kind == TypeKind.Boolean) e = e switch { "true" => "1", "false" => "0", _ => e };
        return Reads("SELECT (" + e + ")") ? e : null;
    }

    private string TypeText(Table t, Column c, DataType type, string what, List<string> checks)
    {
        var inKey = _keyColumns.Contains((t.Name, c.Name));
        switch (type.Kind)
        {
            case TypeKind.SmallInt: return "SMALLINT";
            case TypeKind.Integer: return "INT";
            case TypeKind.BigInt: return "BIGINT";
            case TypeKind.Decimal:
                if (type.Precision is { } p) return $"DECIMAL({Math.Min(p, 38)}, {Math.Min(type.Scale ?? 0, 38)})";
                Note(Severity.Info, $"{what}: numeric without precision is DECIMAL(38, 10) in SQL Server");
                return "DECIMAL(38, 10)";
            case TypeKind.Money: return "MONEY";
            case TypeKind.Real: return "REAL";
            case TypeKind.Double: return "FLOAT(53)";
            case TypeKind.Boolean: return "BIT";
            case TypeKind.Char: return $"NCHAR({type.Length ?? 1})";
            case TypeKind.VarChar:
                if (type.Length is { } n)
                {
                    if (inKey && n > 450) Note(Severity.Warning, $"{what}: NVARCHAR({Math.Min(n, 4000)}) in a key is over SQL Server's 900-byte index key limit; inserting a longer value fails");
                    return n <= 4000 ? $"NVARCHAR({n})" : inKey ? "NVARCHAR(4000)" : "NVARCHAR(MAX)";
                }
                return inKey ? KeyText(what) : "NVARCHAR(MAX)";
            case TypeKind.Text:
                return inKey ? KeyText(what) : "NVARCHAR(MAX)";
            case TypeKind.Binary: return inKey ? "VARBINARY(900)" : "VARBINARY(MAX)";
            case TypeKind.Date: return "DATE";
            case TypeKind.Time:
                if (type.WithTimeZone) Note(Severity.Info, $"{what}: time with time zone is TIME (no zone) in SQL Server");
                return $"TIME({Math.Min(type.Precision ?? 6, 7)})";
            case TypeKind.Timestamp:
                return type.WithTimeZone ? $"DATETIMEOFFSET({Math.Min(type.Precision ?? 6, 7)})" : $"DATETIME2({Math.Min(type.Precision ?? 6, 7)})";
            case TypeKind.Json:
            case TypeKind.Jsonb:
                Note(Severity.Info, $"{what}: {type.Text} is NVARCHAR(MAX) with an ISJSON check");
                checks.Add($"ISJSON({Q(c.Name)}) = 1");
                return "NVARCHAR(MAX)";
            case TypeKind.Uuid: return "UNIQUEIDENTIFIER";
            case TypeKind.Xml: return "XML";
            case TypeKind.Enum:
                if (type.UserType != null && _enums.TryGetValue(type.UserType, out var e))
                {
                    checks.Add($"{Q(c.Name)} IN ({string.Join(", ", e.Labels.Select(SqlServerQuoting.Literal))})");
                    Note(Severity.Info, $"{what}: enum {e.Name} is NVARCHAR with a CHECK of its labels");
                    return $"NVARCHAR({Math.Max(1, e.Labels.Select(l => l.Length).DefaultIfEmpty(1).Max())})";
                }
                break;
            case TypeKind.Array:
                Note(Severity.Info, $"{what}: {type.Text} is NVARCHAR(MAX) holding a JSON array in SQL Server");
                return "NVARCHAR(MAX)";
            case TypeKind.Interval:
                Note(Severity.Warning, $"{what}: interval has no SQL Server type; stored as NVARCHAR(64) text");
                return "NVARCHAR(64)";
            case TypeKind.Network:
                Note(Severity.Info, $"{what}: {type.Text} is NVARCHAR(64) text");
                return "NVARCHAR(64)";
            case TypeKind.Bit:
                return type.Length is null or 1 ? "BIT" : "VARBINARY(MAX)";
        }
        Note(Severity.Warning, $"{what}: {type.Text} has no SQL Server equivalent; stored as NVARCHAR(MAX)");
        return inKey ? "NVARCHAR(450)" : "NVARCHAR(MAX)";
    }

    private string KeyText(string what)
    {
        Note(Severity.Info, $"{what}: text in a key or index is NVARCHAR(450) (SQL Server's index keys hold 900 bytes)");
        return "NVARCHAR(450)";
    }

    private void WriteIndex(SchemaIndex i)
    {
        var what = $"index {i.Name}";
        if (!Portable.TargetFacts.IndexWritable(i, _tableNames, "SQL Server", Note)) return;
        if (i.Elements.Any(e => e.Column == null))
        {
            Note(Severity.Warning, $"{what}: an index on expressions needs a computed column in SQL Server; not created{(i.Unique ? ", so its uniqueness is not enforced" : string.Empty)}");
            return;
        }
        var sb = new StringBuilder("CREATE ").Append(i.Unique ? "UNIQUE " : string.Empty).Append("INDEX ").Append(Q(i.Name.Name)).Append(" ON ").Append(Name(i.Table))
            .Append(" (").Append(string.Join(", ", i.Elements.Select(e => Q(e.Column!) + (e.Descending ? " DESC" : string.Empty)))).Append(')');
        if (!i.Include.IsEmpty) sb.Append(" INCLUDE (").Append(Columns(i.Include)).Append(')');
        if (i.Where != null)
        {
            var w = Expr(i.Where);
            if (w.Length == 0)
            {
                Note(Severity.Warning, $"{what}: its predicate ({i.Where}) cannot be a SQL Server filter; not created{(i.Unique ? ", so its uniqueness is not enforced" : string.Empty)}");
                return;
            }
            sb.Append(" WHERE ").Append(w);
            // A filtered index compares columns with constants only (no column against a column).
            if (!Reads(sb.ToString()))
            {
                Note(Severity.Warning, $"{what}: its predicate ({i.Where}) is not one SQL Server's filtered indexes take; not created{(i.Unique ? ", so its uniqueness is not enforced" : string.Empty)}");
                return;
            }
        }
        Batch(sb.ToString());
    }

    /// <summary>
    /// Foreign keys after every table. SQL Server refuses a cascading key that would give a table a second cascade path
    /// from any table (or a cycle): such a key is written without its cascade, and said so.
    /// </summary>
    private void WriteForeignKeys()
    {
        var cascades = new Dictionary<QualifiedName, HashSet<QualifiedName>>(); // parent -> children by cascading keys
        bool Reaches(QualifiedName from, QualifiedName to)
        {
            var seen = new HashSet<QualifiedName>();
            var stack = new Stack<QualifiedName>([from]);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                if (n == to) return true;
                if (!seen.Add(n) || !cascades.TryGetValue(n, out var next)) continue;
                foreach (var x in next) stack.Push(x);
            }
            return false;
        }
        foreach (var t in _db.Tables.OrderBy(t => t.Name))
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (!_tableNames.Contains(fk.ReferencedTable))
                {
                    Note(Severity.Warning, $"table {t.Name}: foreign key {fk.Name} references {fk.ReferencedTable}, which is not a table here; not created");
                    continue;
                }
                var onDelete = fk.OnDelete;
                var onUpdate = fk.OnUpdate;
                var cascading = onDelete is ForeignKeyAction.Cascade or ForeignKeyAction.SetNull or ForeignKeyAction.SetDefault
                    || onUpdate is ForeignKeyAction.Cascade or ForeignKeyAction.SetNull or ForeignKeyAction.SetDefault;
                if (cascading)
                {
                    // A second path exists when something that cascades into the parent (or the parent) already cascades into the
                    // child or anything the child cascades into; a cycle when the child cascades into the parent.
                    var ancestors = cascades.Keys.Where(a => Reaches(a, fk.ReferencedTable)).Append(fk.ReferencedTable).ToHashSet();
                    var descendants = _tableNames.Where(d => Reaches(t.Name, d)).Append(t.Name).ToHashSet();
                    if (fk.ReferencedTable == t.Name || Reaches(t.Name, fk.ReferencedTable) || ancestors.Any(a => descendants.Any(d => Reaches(a, d))))
                    {
                        Note(Severity.Warning, $"table {t.Name}: foreign key {fk.Name} would make a second cascade path (or a cycle) from {fk.ReferencedTable}, which SQL Server refuses; written with NO ACTION, so that cascade must be done by the application");
                        onDelete = ForeignKeyAction.NoAction;
                        onUpdate = ForeignKeyAction.NoAction;
                    }
                    else
                    {
                        if (!cascades.TryGetValue(fk.ReferencedTable, out var children)) cascades[fk.ReferencedTable] = children = [];
                        children.Add(t.Name);
                    }
                }
                var sb = new StringBuilder("ALTER TABLE ").Append(Name(t.Name)).Append(" ADD CONSTRAINT ").Append(Q(UniqueName(t.Name, fk.Name, $"table {t.Name}"))).Append(" FOREIGN KEY (").Append(Columns(fk.Columns))
                    .Append(") REFERENCES ").Append(Name(fk.ReferencedTable)).Append(" (").Append(Columns(fk.ReferencedColumns)).Append(')');
                if (onDelete != ForeignKeyAction.NoAction && onDelete != ForeignKeyAction.Restrict) sb.Append(" ON DELETE ").Append(Portable.TargetFacts.Action(onDelete));
                if (onUpdate != ForeignKeyAction.NoAction && onUpdate != ForeignKeyAction.Restrict) sb.Append(" ON UPDATE ").Append(Portable.TargetFacts.Action(onUpdate));
                if (fk.Timing.Deferrable) Note(Severity.Info, $"table {t.Name}: foreign key {fk.Name} is deferrable in the source; SQL Server checks it at once");
                Batch(sb.ToString());
            }
        }
    }

    private void WriteView(View v)
    {
        if (v.Materialized)
        {
            Note(Severity.Warning, $"materialized view {v.Name}: not written for SQL Server (an indexed view has other rules); not created");
            return;
        }
        var query = ExpressionTranslator.Translate(v.Query, _schemas, Style, sourceDialect: _db.SourceDialect);
        if (query != null && !Reads("CREATE VIEW v AS " + query)) query = null; // ORDER BY without TOP, boolean values, ...
        if (query == null)
        {
            Note(Severity.Warning, $"view {v.Name}: its query uses PostgreSQL-only syntax; not created");
            return;
        }
        var sb = new StringBuilder("CREATE VIEW ").Append(Name(v.Name));
        if (!v.ColumnNames.IsEmpty) sb.Append(" (").Append(Columns(v.ColumnNames)).Append(')');
        Batch(sb.Append(" AS\n").Append(query).ToString());
    }

    /// <summary>Comments as MS_Description extended properties, the form SSMS and documentation tools read.</summary>
    private void WriteComments()
    {
        foreach (var t in _db.Tables.OrderBy(t => t.Name))
        {
            if (t.Comment != null) Batch(Property(t.Comment, SchemaOf(t.Name), "TABLE", t.Name.Name, null));
            foreach (var c in t.Columns.Where(c => c.Comment != null)) Batch(Property(c.Comment!, SchemaOf(t.Name), "TABLE", t.Name.Name, c.Name));
        }
        foreach (var v in _db.Views.Where(v => v.Comment != null && !v.Materialized).OrderBy(v => v.Name))
        {
            if (_out.ToString().Contains("CREATE VIEW " + Name(v.Name), StringComparison.Ordinal)) Batch(Property(v.Comment!, SchemaOf(v.Name), "VIEW", v.Name.Name, null));
        }
    }

    private static string Property(string value, string schema, string kind, string name, string? column)
    {
        var sb = new StringBuilder("EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = ").Append(SqlServerQuoting.Literal(value))
            .Append(", @level0type = N'SCHEMA', @level0name = ").Append(SqlServerQuoting.Literal(schema))
            .Append(", @level1type = N'").Append(kind).Append("', @level1name = ").Append(SqlServerQuoting.Literal(name));
        if (column != null) sb.Append(", @level2type = N'COLUMN', @level2name = ").Append(SqlServerQuoting.Literal(column));
        return sb.ToString();
    }

    private static string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(Q));

}
