using System.Globalization;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Portable;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Oracle;

/// <summary>
/// Writes a model as Oracle DDL for one schema (an Oracle schema is a user: every object goes into the one the script
/// runs as): NUMBER for numbers, VARCHAR2(n CHAR) and CLOB for text, TIMESTAMP WITH TIME ZONE, booleans as NUMBER(1)
/// with a 0/1 check (BOOLEAN exists only from 23ai), identity columns (GENERATED ... AS IDENTITY), enums as VARCHAR2 with
/// a check of their labels, JSON as CLOB with an IS JSON check, function-based indexes for expressions, COMMENT ON.
/// Oracle stores an empty string as NULL and has no ON UPDATE action: both are said where they matter. Constraint
/// names are unique per schema in Oracle (per table in PostgreSQL): a repeated one gets a numeric suffix, and a note.
/// </summary>
internal sealed class OracleSqlGenerator
{
    private const string Code = "SF501";

    internal static readonly ExpressionStyle Style = new(
        OracleQuoting.Quote,
        OracleQuoting.Literal,
        new HashSet<string>(StringComparer.Ordinal)
        {
            "abs", "ceil", "floor", "round", "trunc", "mod", "power", "sqrt", "coalesce", "nullif", "greatest", "least", "lower", "upper",
            "trim", "ltrim", "rtrim", "substr", "replace", "lpad", "rpad", "length", "instr", "count", "sum", "avg", "min", "max",
            "sign", "exp", "ln", "nvl", "regexp_like",
        },
        new Dictionary<string, string> { ["btrim"] = "TRIM", ["char_length"] = "LENGTH", ["substring"] = "SUBSTR" },
        Now: "SYSTIMESTAMP",
        Today: "TRUNC(SYSDATE)",
        Uuid: null,
        RegexMatch: null,
        True: "1",
        False: "0",
        UnsupportedOperators: new HashSet<string>(StringComparer.Ordinal) { "%" }) { Native = new HashSet<string>(["oracle"]) };

    private readonly Database _db;
    private readonly List<Diagnostic> _notes;
    private readonly StringBuilder _out = new();
    private readonly Dictionary<QualifiedName, EnumType> _enums;
    private readonly Dictionary<QualifiedName, DomainType> _domains;
    private readonly HashSet<string> _schemas;
    private readonly HashSet<QualifiedName> _tableNames;
    private readonly HashSet<(QualifiedName, string)> _keyColumns = [];
    private readonly HashSet<string> _objectNames = new(StringComparer.OrdinalIgnoreCase);

    private OracleSqlGenerator(Database db, List<Diagnostic> notes)
    {
        _db = db;
        _notes = notes;
        _enums = db.Enums.ToDictionary(e => e.Name);
        _domains = db.Domains.ToDictionary(d => d.Name);
        _schemas = db.Schemas.Select(s => s.Name).Concat(db.Tables.Select(t => t.Name.Schema)).Concat(db.Views.Select(v => v.Name.Schema)).ToHashSet(StringComparer.Ordinal);
        _tableNames = db.Tables.Select(t => t.Name).ToHashSet();
        foreach (var t in db.Tables)
        {
            foreach (var c in t.PrimaryKey?.Columns ?? default) _keyColumns.Add((t.Name, c));
            foreach (var u in t.Uniques) foreach (var c in u.Columns) _keyColumns.Add((t.Name, c));
            foreach (var fk in t.ForeignKeys)
            {
                foreach (var c in fk.Columns) _keyColumns.Add((t.Name, c));
                foreach (var c in fk.ReferencedColumns) _keyColumns.Add((fk.ReferencedTable, c));
            }
        }
        foreach (var i in db.Indexes.Where(i => i.Method is "btree" or "hash")) foreach (var e in i.Elements.Where(e => e.Column != null)) _keyColumns.Add((i.Table, e.Column!));
        // Tables and views own their names first: constraint and index names give way to them.
        foreach (var t in db.Tables) _objectNames.Add(t.Name.Name);
        foreach (var v in db.Views) _objectNames.Add(v.Name.Name);
    }

    public static string Generate(Database db, List<Diagnostic> notes)
    {
        var g = new OracleSqlGenerator(db, notes);
        g.Run();
        return g._out.ToString();
    }

    private void Note(Severity severity, string message) => _notes.Add(new Diagnostic(severity, Code, message));

    private static string Q(string name) => OracleQuoting.Quote(name);

    private string Expr(string expression, bool forDefault = false) => ExpressionTranslator.Translate(expression, _schemas, Style, forDefault, _db.SourceDialect) ?? string.Empty;

    /// <summary>A constraint or index name unique in the schema, as Oracle needs; the source's name when it is.</summary>
    private string Unique(string name, string what)
    {
        if (Encoding.UTF8.GetByteCount(name) > 128)
        {
            Note(Severity.Error, $"{what}: the name {name} is longer than Oracle's 128 bytes");
        }
        var candidate = name;
        for (var n = 2; !_objectNames.Add(candidate); n++) candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
        if (candidate != name) Note(Severity.Info, $"{what}: {name} is taken in the schema (Oracle's constraint and index names are per schema); named {candidate}");
        return candidate;
    }

    private void Statement(string sql) => _out.Append(sql).Append(";\n\n");

    private void Run()
    {
        _out.Append("-- Generated by SchemaFirst for Oracle. Do not edit: change the schema source instead.\n");
        _out.Append("-- Every object goes into the schema (user) this script runs as.\n\n");
        foreach (var s in _db.Tables.Select(t => t.Name.Schema).Concat(_db.Views.Select(v => v.Name.Schema)).Distinct().Where(s => s is not ("public" or "main")).Order(StringComparer.Ordinal))
        {
            Note(Severity.Info, $"schema {QualifiedName.Display(s)}: an Oracle schema is a user; its objects go into the schema the script runs as");
        }
        foreach (var clash in _db.Tables.Select(t => t.Name).Concat(_db.Views.Select(v => v.Name)).GroupBy(n => Q(n.Name).ToUpperInvariant()).Where(g => g.Count() > 1))
        {
            Note(Severity.Error, $"{string.Join(" and ", clash)} would have the same name in one Oracle schema");
        }
        foreach (var e in _db.Extensions) Note(Severity.Warning, $"extension {e.Name}: Oracle has no extensions; not created");
        foreach (var s in _db.Sequences.Where(s => s.OwnedBy == null).OrderBy(s => s.Name))
        {
            var o = s.Options;
            var sb = new StringBuilder("CREATE SEQUENCE ").Append(Q(Unique(s.Name.Name, $"sequence {s.Name}")));
            if (o.Start is { } start) sb.Append(" START WITH ").Append(start.ToString(CultureInfo.InvariantCulture));
            if (o.Increment is { } inc) sb.Append(" INCREMENT BY ").Append(inc.ToString(CultureInfo.InvariantCulture));
            if (o.MinValue is { } min) sb.Append(" MINVALUE ").Append(min.ToString(CultureInfo.InvariantCulture));
            if (o.MaxValue is { } max) sb.Append(" MAXVALUE ").Append(max.ToString(CultureInfo.InvariantCulture));
            if (o.Cycle) sb.Append(" CYCLE");
            Statement(sb.ToString());
        }
        foreach (var t in _db.Tables.OrderBy(t => t.Name)) WriteTable(t);
        foreach (var i in _db.Indexes.OrderBy(i => i.Table).ThenBy(i => i.Name)) WriteIndex(i);
        WriteForeignKeys();
        foreach (var v in _db.Views.OrderBy(v => v.Name)) WriteView(v);
        WriteComments();
        foreach (var r in _db.Routines) Note(Severity.Warning, $"{r.Kind.ToString().ToLowerInvariant()} {r.Signature}: PostgreSQL routine bodies do not run in Oracle; not created");
        foreach (var t in _db.Triggers) Note(Severity.Warning, $"trigger {t.Name} on {t.Table}: PostgreSQL trigger functions do not run in Oracle; not created");
        foreach (var p in _db.Policies) Note(Severity.Warning, $"policy {p.Name} on {p.Table}: row-level security (VPD) is not written for Oracle; not created");
        foreach (var r in _db.Rules) Note(Severity.Warning, $"rule {r.Name} on {r.Table}: Oracle has no rules; not created");
        if (!_db.Grants.IsEmpty) Note(Severity.Info, $"{_db.Grants.Count} privilege(s): not written (roles differ between engines)");
        foreach (var o in _db.Opaque) Note(Severity.Warning, $"{o.Kind} (kept verbatim from the source) is PostgreSQL text; not written for Oracle");
        while (_out.Length > 1 && _out[^1] == '\n' && _out[^2] == '\n') _out.Length--;
    }

    private void WriteTable(Table t)
    {
        var what = $"table {t.Name}";
        if (t.PartitionBy != null) Note(Severity.Warning, $"{what}: partitioning is not carried over; created as a plain table");
        if (t.PartitionOf != null) Note(Severity.Warning, $"{what}: partition of {t.PartitionOf.Parent}; created as a separate table");
        if (!t.Inherits.IsEmpty) Note(Severity.Warning, $"{what}: Oracle has no table inheritance; created with its own columns");
        var lines = new List<string>();
        var identity = t.Columns.Where(c => c.Identity != null || c.Default?.StartsWith("nextval(", StringComparison.OrdinalIgnoreCase) == true).ToList();
        if (identity.Count > 1) Note(Severity.Warning, $"{what}: Oracle allows one identity column; {string.Join(", ", identity.Skip(1).Select(c => c.Name))} get none");
        foreach (var c in t.Columns) lines.Add("    " + ColumnText(t, c, c == identity.FirstOrDefault()));
        if (t.PrimaryKey is { } pk) lines.Add($"    CONSTRAINT {Q(Unique(pk.Name, what))} PRIMARY KEY ({Columns(pk.Columns)})");
        foreach (var u in t.Uniques)
        {
            if (u.NullsNotDistinct) Note(Severity.Info, $"{what}: unique constraint {u.Name} is NULLS NOT DISTINCT; Oracle skips rows whose key is all NULL");
            lines.Add($"    CONSTRAINT {Q(Unique(u.Name, what))} UNIQUE ({Columns(u.Columns)})");
        }
        foreach (var ck in t.Checks)
        {
            var e = Expr(ck.Expression);
            if (e.Length > 0) lines.Add($"    CONSTRAINT {Q(Unique(ck.Name, what))} CHECK ({e})");
            else Note(Severity.Warning, $"{what}: check {ck.Name} ({ck.Expression}) uses PostgreSQL-only syntax; not created");
        }
        foreach (var x in t.Exclusions) Note(Severity.Warning, $"{what}: exclusion constraint {x.Name} has no Oracle equivalent; not created");
        Statement("CREATE TABLE " + Q(t.Name.Name) + " (\n" + string.Join(",\n", lines) + "\n)");
    }

    private string ColumnText(Table t, Column c, bool identity)
    {
        var what = $"column {t.Name}.{QualifiedName.Display(c.Name)}";
        var type = c.Type;
        var checks = new List<string>();
        string? domainDefault = null;
        var notNull = c.NotNull || t.PrimaryKey?.Columns.Contains(c.Name) == true;
        for (var guard = 0; guard < 16 && type.Kind == TypeKind.Domain && type.UserType != null && _domains.TryGetValue(type.UserType, out var domain); guard++)
        {
            foreach (var dc in domain.Checks)
            {
                var e = Expr(Sqlite.SqliteExpression.ReplaceValue(dc.Expression, c.Name));
                if (e.Length > 0) checks.Add(e);
                else Note(Severity.Warning, $"{what}: check {dc.Name} of domain {domain.Name} uses PostgreSQL-only syntax; not created");
            }
            domainDefault ??= domain.Default;
            notNull |= domain.NotNull;
            type = domain.BaseType;
        }
        var sb = new StringBuilder(Q(c.Name)).Append(' ').Append(TypeText(t, c, type, what, checks));
        if (c.Generated is { } gen)
        {
            var ge = Expr(gen.Expression);
            if (ge.Length > 0)
            {
                if (gen.Stored) Note(Severity.Info, $"{what}: a stored generated column is a virtual column in Oracle (computed when read)");
                sb.Append(" GENERATED ALWAYS AS (").Append(ge).Append(") VIRTUAL");
                return sb.ToString();
            }
            Note(Severity.Warning, $"{what}: generation expression ({gen.Expression}) uses PostgreSQL-only syntax; created as a plain column");
        }
        if (identity)
        {
            // Oracle's ALWAYS refuses every explicit value (PostgreSQL's yields to OVERRIDING SYSTEM VALUE, which seeds and
            // imports use): BY DEFAULT ON NULL keeps that possible.
            if (c.Identity?.Always == true) Note(Severity.Info, $"{what}: GENERATED ALWAYS AS IDENTITY is BY DEFAULT ON NULL in Oracle, whose ALWAYS refuses even the explicit ids seeds and imports give");
            sb.Append(" GENERATED BY DEFAULT ON NULL AS IDENTITY");
            if (c.Identity?.Options.Start is { } start && start != 1) sb.Append(" (START WITH ").Append(start.ToString(CultureInfo.InvariantCulture)).Append(')');
        }
        else if ((c.Default ?? domainDefault) is { } def)
        {
            var d = DefaultText(def, type, what);
            if (d != null) sb.Append(" DEFAULT ").Append(d);
            else Note(Severity.Warning, $"{what}: default ({def}) has no Oracle equivalent; created without a default");
        }
        if (notNull) sb.Append(" NOT NULL");
        foreach (var check in checks) sb.Append(" CHECK (").Append(check).Append(')');
        return sb.ToString();
    }

    private string? DefaultText(string def, DataType type, string what)
    {
        var e = ExpressionTranslator.Translate(def, _schemas, Style, forDefault: true, _db.SourceDialect);
        if (e == null) return null;
        while (e.Length > 2 && e[0] == '(' && e[^1] == ')') e = e[1..^1];
        if (e.Equals("'now'", StringComparison.OrdinalIgnoreCase) || e.Equals("'today'", StringComparison.OrdinalIgnoreCase)) e = type.Kind == TypeKind.Date ? Style.Today! : Style.Now;
        if (e == Style.Now && type.Kind == TypeKind.Date) e = Style.Today!;
        if (e == Style.Now && type.Kind == TypeKind.Timestamp && !type.WithTimeZone) e = "LOCALTIMESTAMP";
        if (e == "''") Note(Severity.Warning, $"{what}: the default is the empty string, which Oracle stores as NULL");
        if (type.Kind == TypeKind.Boolean) e = e switch { "true" => "1", "false" => "0", _ => e };
        return e;
    }

    private string TypeText(Table t, Column c, DataType type, string what, List<string> checks)
    {
        var inKey = _keyColumns.Contains((t.Name, c.Name));
        switch (type.Kind)
        {
            case TypeKind.SmallInt: return "NUMBER(5)";
            case TypeKind.Integer: return "NUMBER(10)";
            case TypeKind.BigInt: return "NUMBER(19)";
            case TypeKind.Decimal:
                if (type.Precision is { } p) return $"NUMBER({Math.Min(p, 38)},{type.Scale ?? 0})";
                return "NUMBER";
            case TypeKind.Money: return "NUMBER(19,2)";
            case TypeKind.Real: return "BINARY_FLOAT";
            case TypeKind.Double: return "BINARY_DOUBLE";
            case TypeKind.Boolean:
                Note(Severity.Info, $"{what}: boolean is NUMBER(1) with a 0/1 check (Oracle has BOOLEAN only from 23ai)");
                checks.Add(Q(c.Name) + " IN (0, 1)");
                return "NUMBER(1)";
            case TypeKind.Char: return $"CHAR({type.Length ?? 1} CHAR)";
            case TypeKind.VarChar:
                if (type.Length is { } n) return n <= 4000 ? $"VARCHAR2({n} CHAR)" : "CLOB";
                return inKey ? KeyText(what) : "CLOB";
            case TypeKind.Text:
                return inKey ? KeyText(what) : "CLOB";
            case TypeKind.Binary: return inKey ? "RAW(2000)" : "BLOB";
            case TypeKind.Date:
                Note(Severity.Info, $"{what}: date is DATE, which in Oracle also holds a time of day");
                return "DATE";
            case TypeKind.Time:
                Note(Severity.Info, $"{what}: time is INTERVAL DAY(0) TO SECOND in Oracle (it has no time-of-day type)");
                return $"INTERVAL DAY(0) TO SECOND({Math.Min(type.Precision ?? 6, 9)})";
            case TypeKind.Timestamp:
                return type.WithTimeZone ? $"TIMESTAMP({Math.Min(type.Precision ?? 6, 9)}) WITH TIME ZONE" : $"TIMESTAMP({Math.Min(type.Precision ?? 6, 9)})";
            case TypeKind.Interval:
                Note(Severity.Info, $"{what}: interval is INTERVAL DAY TO SECOND (months and years are not kept apart)");
                return "INTERVAL DAY(9) TO SECOND(6)";
            case TypeKind.Json:
            case TypeKind.Jsonb:
                Note(Severity.Info, $"{what}: {type.Text} is CLOB with an IS JSON check");
                checks.Add(Q(c.Name) + " IS JSON");
                return "CLOB";
            case TypeKind.Uuid:
                Note(Severity.Info, $"{what}: uuid is VARCHAR2(36 CHAR)");
                return "VARCHAR2(36 CHAR)";
            case TypeKind.Xml: return "XMLTYPE";
            case TypeKind.Enum:
                if (type.UserType != null && _enums.TryGetValue(type.UserType, out var e))
                {
                    checks.Add($"{Q(c.Name)} IN ({string.Join(", ", e.Labels.Select(OracleQuoting.Literal))})");
                    Note(Severity.Info, $"{what}: enum {e.Name} is VARCHAR2 with a check of its labels");
                    return $"VARCHAR2({Math.Max(1, e.Labels.Select(l => l.Length).DefaultIfEmpty(1).Max())} CHAR)";
                }
                break;
            case TypeKind.Array:
                Note(Severity.Info, $"{what}: {type.Text} is CLOB holding a JSON array in Oracle");
                checks.Add(Q(c.Name) + " IS JSON");
                return "CLOB";
            case TypeKind.Network:
                Note(Severity.Info, $"{what}: {type.Text} is VARCHAR2(64 CHAR) text");
                return "VARCHAR2(64 CHAR)";
            case TypeKind.Bit:
                return type.Length is null or 1 ? "NUMBER(1)" : "RAW(2000)";
        }
        Note(Severity.Warning, $"{what}: {type.Text} has no Oracle equivalent; stored as CLOB");
        return inKey ? "VARCHAR2(1000 CHAR)" : "CLOB";
    }

    private string KeyText(string what)
    {
        Note(Severity.Info, $"{what}: text in a key or index is VARCHAR2(1000 CHAR) (Oracle cannot index a CLOB)");
        return "VARCHAR2(1000 CHAR)";
    }

    private void WriteIndex(SchemaIndex i)
    {
        var what = $"index {i.Name}";
        if (!_tableNames.Contains(i.Table))
        {
            Note(Severity.Warning, $"{what}: it is on {i.Table}, which is not a table in Oracle; not created");
            return;
        }
        if (i.Method is not ("btree" or "hash"))
        {
            Note(Severity.Warning, $"{what}: a {i.Method} index has no Oracle equivalent; not created");
            return;
        }
        if (i.Where != null)
        {
            Note(Severity.Warning, $"{what}: Oracle has no partial indexes (WHERE {i.Where}); not created{(i.Unique ? ", so its uniqueness is not enforced" : string.Empty)}");
            return;
        }
        var elements = new List<string>();
        foreach (var e in i.Elements)
        {
            var text = e.Column != null ? Q(e.Column) : Expr(e.Expression!);
            if (text.Length == 0)
            {
                Note(Severity.Warning, $"{what}: expression ({e.Expression}) uses PostgreSQL-only syntax; not created");
                return;
            }
            elements.Add(text + (e.Descending ? " DESC" : string.Empty));
        }
        if (!i.Include.IsEmpty) Note(Severity.Info, $"{what}: INCLUDE columns dropped (Oracle has no covering-column clause)");
        // Oracle refuses a second index on the same column list.
        var key = i.Table + "(" + string.Join(",", elements) + ")";
        if (!_indexed.Add(key))
        {
            Note(Severity.Info, $"{what}: another index (or key) already covers the same columns in Oracle; not created");
            return;
        }
        Statement("CREATE " + (i.Unique ? "UNIQUE " : string.Empty) + "INDEX " + Q(Unique(i.Name.Name, what)) + " ON " + Q(i.Table.Name) + " (" + string.Join(", ", elements) + ")");
    }

    private readonly HashSet<string> _indexed = new(StringComparer.Ordinal);

    private void WriteForeignKeys()
    {
        foreach (var t in _db.Tables.OrderBy(t => t.Name))
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (!_tableNames.Contains(fk.ReferencedTable))
                {
                    Note(Severity.Warning, $"table {t.Name}: foreign key {fk.Name} references {fk.ReferencedTable}, which is not a table here; not created");
                    continue;
                }
                var sb = new StringBuilder("ALTER TABLE ").Append(Q(t.Name.Name)).Append(" ADD CONSTRAINT ").Append(Q(Unique(fk.Name, $"table {t.Name}"))).Append(" FOREIGN KEY (")
                    .Append(Columns(fk.Columns)).Append(") REFERENCES ").Append(Q(fk.ReferencedTable.Name)).Append(" (").Append(Columns(fk.ReferencedColumns)).Append(')');
                switch (fk.OnDelete)
                {
                    case ForeignKeyAction.Cascade: sb.Append(" ON DELETE CASCADE"); break;
                    case ForeignKeyAction.SetNull: sb.Append(" ON DELETE SET NULL"); break;
                    case ForeignKeyAction.SetDefault: Note(Severity.Warning, $"table {t.Name}: foreign key {fk.Name}: Oracle has no ON DELETE SET DEFAULT; written without it"); break;
                }
                if (fk.OnUpdate != ForeignKeyAction.NoAction && fk.OnUpdate != ForeignKeyAction.Restrict)
                {
                    Note(Severity.Warning, $"table {t.Name}: foreign key {fk.Name}: Oracle has no ON UPDATE actions; written without it");
                }
                if (fk.Timing.Deferrable) sb.Append(fk.Timing.InitiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE");
                Statement(sb.ToString());
            }
        }
    }

    private void WriteView(View v)
    {
        // With no Oracle parser here to check a translated query (table aliases take no AS, no LIMIT, CONCAT takes two
        // arguments, ...), views are not written for Oracle rather than written wrong.
        Note(Severity.Warning, $"{(v.Materialized ? "materialized view" : "view")} {v.Name}: views are not translated for Oracle yet; not created");
    }

    private readonly HashSet<QualifiedName> _views = [];

    private void WriteComments()
    {
        foreach (var t in _db.Tables.OrderBy(t => t.Name))
        {
            if (t.Comment != null) Statement("COMMENT ON TABLE " + Q(t.Name.Name) + " IS " + OracleQuoting.Literal(t.Comment));
            foreach (var c in t.Columns.Where(c => c.Comment != null)) Statement("COMMENT ON COLUMN " + Q(t.Name.Name) + "." + Q(c.Name) + " IS " + OracleQuoting.Literal(c.Comment!));
        }
        foreach (var v in _db.Views.Where(v => v.Comment != null && _views.Contains(v.Name)).OrderBy(v => v.Name))
        {
            Statement("COMMENT ON TABLE " + Q(v.Name.Name) + " IS " + OracleQuoting.Literal(v.Comment!));
        }
    }

    private static string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(Q));
}
