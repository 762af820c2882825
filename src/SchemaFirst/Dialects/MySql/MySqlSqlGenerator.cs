using System.Globalization;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Writes a model as MySQL 8 / MariaDB DDL for one database: schemas are dropped (a MySQL schema is a database; every
/// object goes into the one the script runs in), enums are inline ENUM columns, domains their base type with their
/// checks, identity and serial columns AUTO_INCREMENT, comments COMMENT clauses, foreign keys trailing ALTER TABLEs (so
/// table order never matters). Every type is mapped explicitly; what MySQL cannot express is a note naming the object
/// and what was done instead (a warning when something is left out), never a silent omission.
/// </summary>
internal sealed class MySqlSqlGenerator
{
    public const string DiagnosticCode = "SF501";

    private readonly Database _db;
    private readonly MySqlTarget _target;
    private readonly List<Diagnostic> _notes;
    private readonly StringBuilder _out = new();
    private readonly Dictionary<QualifiedName, EnumType> _enums;
    private readonly Dictionary<QualifiedName, DomainType> _domains;
    private readonly HashSet<string> _schemas;
    private readonly HashSet<QualifiedName> _tableNames;

    /// <summary>Columns that are part of a key or an index: TEXT there becomes VARCHAR(255), which MySQL can index.</summary>
    private readonly HashSet<(QualifiedName, string)> _keyColumns;

    private MySqlSqlGenerator(Database db, MySqlTarget target, List<Diagnostic> notes)
    {
        _db = db;
        _target = target;
        _notes = notes;
        _enums = db.Enums.ToDictionary(e => e.Name);
        _domains = db.Domains.ToDictionary(d => d.Name);
        _schemas = db.Schemas.Select(s => s.Name).Concat(db.Tables.Select(t => t.Name.Schema)).Concat(db.Views.Select(v => v.Name.Schema)).ToHashSet(StringComparer.Ordinal);
        _tableNames = db.Tables.Select(t => t.Name).ToHashSet();
        _keyColumns = Portable.TargetFacts.KeyColumns(db);
        // InnoDB wants a foreign key's integer columns exactly as wide as the key they reference; PostgreSQL does not. A
        // referencing column can only hold values of the referenced key, so it takes the key's type without loss.
        var tables = db.Tables.ToDictionary(t => t.Name);
        foreach (var t in db.Tables)
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (!tables.TryGetValue(fk.ReferencedTable, out var parent) || fk.Columns.Count != fk.ReferencedColumns.Count) continue;
                for (var k = 0; k < fk.Columns.Count; k++)
                {
                    var child = t.FindColumn(fk.Columns[k])?.Type;
                    var key = parent.FindColumn(fk.ReferencedColumns[k])?.Type;
                    if (child == null || key == null) continue;
                    var (ck, kk) = (BaseKind(child), BaseKind(key));
                    if (ck != kk && ck is TypeKind.SmallInt or TypeKind.Integer or TypeKind.BigInt && kk is TypeKind.SmallInt or TypeKind.Integer or TypeKind.BigInt)
                    {
                        _fkIntegerTypes.TryAdd((t.Name, fk.Columns[k]), (kk, fk.Name));
                    }
                }
            }
        }
    }

    private readonly Dictionary<(QualifiedName, string), (TypeKind Kind, string ForeignKey)> _fkIntegerTypes = [];

    private TypeKind BaseKind(DataType type)
    {
        for (var guard = 0; guard < 16 && type.Kind == TypeKind.Domain && type.UserType != null && _domains.TryGetValue(type.UserType, out var d); guard++) type = d.BaseType;
        return type.Kind;
    }

    public static string Generate(Database db, MySqlTarget target, List<Diagnostic> notes)
    {
        var g = new MySqlSqlGenerator(db, target, notes);
        g.Run();
        return g._out.ToString();
    }

    private void Note(Severity severity, string message) => _notes.Add(new Diagnostic(severity, DiagnosticCode, message));

    private static string Q(string name) => MySqlQuoting.Quote(name);

    /// <summary>How MySQL and MariaDB spell what a translated check, default or view may contain.</summary>
    internal static readonly Portable.ExpressionStyle Style = new(
        MySqlQuoting.Quote,
        MySqlQuoting.Literal,
        new HashSet<string>(StringComparer.Ordinal)
        {
            "abs", "ceil", "ceiling", "floor", "round", "mod", "power", "pow", "sqrt", "coalesce", "nullif", "greatest", "least", "lower",
            "upper", "trim", "ltrim", "rtrim", "concat", "concat_ws", "substring", "substr", "replace", "left", "right", "lpad", "rpad",
            "reverse", "char_length", "character_length", "count", "sum", "avg", "min", "max", "json_valid", "json_extract", "ifnull",
            "sign", "exp", "ln", "log", "log10", "md5", "date",
        },
        new Dictionary<string, string> { ["btrim"] = "trim", ["length"] = "char_length" },
        Now: "CURRENT_TIMESTAMP(6)",
        Today: "(CURRENT_DATE)",
        Uuid: "uuid()",
        RegexMatch: "REGEXP") { Native = new HashSet<string>(["mysql", "mariadb"]) };

    private string Expr(string expression, bool forDefault = false) => Portable.ExpressionTranslator.Translate(expression, _schemas, Style, forDefault, _db.SourceDialect) ?? string.Empty;

    /// <summary>Foreign key and check names are per database in MySQL (per table in PostgreSQL): a repeated one gets a suffix.</summary>
    private readonly HashSet<string> _constraintNames = new(StringComparer.OrdinalIgnoreCase);

    private string UniqueName(string name, string what)
    {
        var candidate = name;
        for (var n = 2; !_constraintNames.Add(candidate); n++) candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
        if (candidate != name) Note(Severity.Info, $"{what}: {name} is taken in the database ({_target.DisplayName}'s foreign key and check names are per database); named {candidate}");
        return candidate;
    }

    private void Run()
    {
        _out.Append("-- Generated by SchemaFirst for ").Append(_target.DisplayName).Append(". Do not edit: change the schema source instead.\n");
        _out.Append("-- Every object goes into the database this script runs in.\n");
        _out.Append("SET NAMES utf8mb4;\n\n");
        foreach (var s in _db.Tables.Select(t => t.Name.Schema).Concat(_db.Views.Select(v => v.Name.Schema)).Distinct().Where(s => s is not ("public" or "main")).Order(StringComparer.Ordinal))
        {
            Note(Severity.Info, $"schema {QualifiedName.Display(s)}: a {_target.DisplayName} schema is a database; its objects go into the database the script runs in");
        }
        foreach (var clash in _db.Tables.Select(t => t.Name).Concat(_db.Views.Select(v => v.Name)).GroupBy(n => n.Name.ToLowerInvariant()).Where(g => g.Count() > 1))
        {
            Note(Severity.Error, $"{string.Join(" and ", clash)} would have the same name in one {_target.DisplayName} database");
        }
        foreach (var e in _db.Extensions) Note(Severity.Warning, $"extension {e.Name}: {_target.DisplayName} has no extensions; not created");
        foreach (var s in _db.Sequences.Where(s => s.OwnedBy == null)) Note(Severity.Warning, $"sequence {s.Name}: not created (AUTO_INCREMENT numbers rows; standalone sequences are not written for {_target.DisplayName})");
        foreach (var t in _db.Tables.OrderBy(t => t.Name.Name, StringComparer.Ordinal)) Write(TableStatement(t));
        if (!Native)
        {
            foreach (var i in _db.Indexes.OrderBy(i => i.Table.Name, StringComparer.Ordinal).ThenBy(i => i.Name.Name, StringComparer.Ordinal)) Write(IndexStatement(i));
        }
        foreach (var t in _db.Tables.OrderBy(t => t.Name.Name, StringComparer.Ordinal))
        {
            foreach (var fk in t.ForeignKeys) Write(ForeignKeyStatement(t, fk));
        }
        foreach (var v in InDependencyOrder(_db.Views)) Write(ViewStatement(v));
        if (Native)
        {
            // Bodies hold semicolons: each is its own DELIMITER block, as mysqldump writes them.
            foreach (var t in _db.Triggers) WriteBlock(TriggerStatement(t));
            foreach (var r in _db.Routines.OrderBy(r => r.Kind).ThenBy(r => r.Name.Name, StringComparer.Ordinal)) WriteBlock(r.Definition);
            Portable.TargetFacts.NoteUnwritten(_db with { Triggers = default, Routines = default }, _target.DisplayName, true, Note);
        }
        else
        {
            Portable.TargetFacts.NoteUnwritten(_db, _target.DisplayName, Style.Native.Contains(_db.SourceDialect), Note);
        }
        Portable.TargetFacts.TrimBlankLines(_out);
    }

    /// <summary>
    /// Views in name order, each after the views its query names (MySQL checks a view's tables when it is made); a cycle,
    /// which no engine allows, is written in name order.
    /// </summary>
    internal static List<View> InDependencyOrder(IEnumerable<View> views)
    {
        var byName = views.OrderBy(v => v.Name.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<View>();
        var state = new Dictionary<View, bool>();
        void Visit(View v)
        {
            if (state.ContainsKey(v)) return;
            state[v] = false;
            foreach (var other in byName)
            {
                if (other != v && System.Text.RegularExpressions.Regex.IsMatch(v.Query, @"(?<![\w$])`?" + System.Text.RegularExpressions.Regex.Escape(other.Name.Name) + @"`?(?![\w$])", System.Text.RegularExpressions.RegexOptions.IgnoreCase)) Visit(other);
            }
            state[v] = true;
            ordered.Add(v);
        }
        foreach (var v in byName) Visit(v);
        return ordered;
    }

    private void Write(string? statement)
    {
        if (statement != null) _out.Append(statement).Append(";\n\n");
    }

    private void WriteBlock(string statement) => _out.Append("DELIMITER ;;\n").Append(statement).Append(";;\nDELIMITER ;\n\n");

    /// <summary>
    /// Whether the model was read from MySQL itself: then every type, default, expression and option is written as it
    /// was read (the server's own spelling), not mapped from the neutral kinds, and triggers and routines are written.
    /// </summary>
    private bool Native => _db.SourceDialect == "mysql";

    /// <summary>A generator for single statements of a model (migrations write one object at a time).</summary>
    internal static MySqlSqlGenerator For(Database db, MySqlTarget target, List<Diagnostic> notes) => new(db, target, notes);

    internal static string TriggerStatement(Trigger t) => "CREATE TRIGGER " + Q(t.Name) + " " + t.Definition;

    internal string? TableStatement(Table t)
    {
        var what = $"table {t.Name}";
        Portable.TargetFacts.NoteTableShape(t, _target.DisplayName, Note);
        if (t.RowLevelSecurity) Note(Severity.Warning, $"{what}: {_target.DisplayName} has no row-level security");
        var lines = new List<string>();
        var auto = AutoIncrement(t);
        foreach (var c in t.Columns) lines.Add("    " + ColumnText(t, c, c == auto));
        if (t.PrimaryKey is { } pk) lines.Add($"    PRIMARY KEY ({Columns(pk.Columns)})");
        foreach (var u in t.Uniques)
        {
            if (u.NullsNotDistinct) Note(Severity.Warning, $"{what}: unique constraint {u.Name} is NULLS NOT DISTINCT; {_target.DisplayName} treats NULLs as distinct");
            lines.Add($"    CONSTRAINT {Q(u.Name)} UNIQUE ({Columns(u.Columns)})");
        }
        foreach (var ck in t.Checks)
        {
            if (CheckText(t, ck, auto) is { } text) lines.Add("    " + text);
        }
        // As SHOW CREATE TABLE writes it: the table's indexes inside it (an AUTO_INCREMENT column whose only key is an
        // index needs it there).
        if (Native) lines.AddRange(_db.Indexes.Where(i => i.Table == t.Name).Select(i => IndexDefinition(i)).OfType<string>().Select(i => "    " + i));
        foreach (var x in t.Exclusions) Note(Severity.Warning, $"{what}: exclusion constraint {x.Name} has no {_target.DisplayName} equivalent; not created");
        var sb = new StringBuilder("CREATE TABLE ").Append(Q(t.Name.Name)).Append(" (\n").Append(string.Join(",\n", lines)).Append("\n)");
        if (!Native) sb.Append(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        else if (t.Options != null) sb.Append(' ').Append(t.Options);
        if (t.Comment != null) sb.Append(" COMMENT=").Append(MySqlQuoting.Literal(Comment(t.Comment, 2048, what)));
        return sb.ToString();
    }

    /// <summary>The table's AUTO_INCREMENT column, if it can have one (noted when it cannot).</summary>
    internal Column? AutoIncrement(Table t, bool note = true)
    {
        var what = $"table {t.Name}";
        var autoIncrement = t.Columns.Where(c => c.Identity != null || IsSerial(c)).ToList();
        if (autoIncrement.Count > 1 && note) Note(Severity.Warning, $"{what}: {_target.DisplayName} allows one AUTO_INCREMENT column; {string.Join(", ", autoIncrement.Skip(1).Select(c => c.Name))} get none");
        var auto = autoIncrement.FirstOrDefault();
        if (auto != null && !IsFirstKeyColumn(t, auto.Name))
        {
            if (note) Note(Severity.Warning, $"{what}: column {auto.Name} numbers rows but is not the first column of a key; {_target.DisplayName} needs that for AUTO_INCREMENT, so it gets none");
            auto = null;
        }
        return auto;
    }

    /// <summary>CONSTRAINT name CHECK (expression), or null (noted) when MySQL cannot have it.</summary>
    internal string? CheckText(Table t, CheckConstraint ck, Column? auto)
    {
        var what = $"table {t.Name}";
        var e = Expr(ck.Expression);
        if (e.Length > 0 && auto != null && e.Contains(Q(auto.Name), StringComparison.Ordinal))
        {
            Note(Severity.Warning, $"{what}: check {ck.Name} reads the AUTO_INCREMENT column {auto.Name}, which {_target.DisplayName} refuses in a CHECK; not created");
            return null;
        }
        if (e.Length > 0) return $"CONSTRAINT {Q(UniqueName(ck.Name, what))} CHECK ({e})";
        Note(Severity.Warning, $"{what}: check {ck.Name} ({ck.Expression}) uses PostgreSQL-only syntax; not created");
        return null;
    }

    private bool IsFirstKeyColumn(Table t, string column) =>
        (t.PrimaryKey is { } pk && pk.Columns[0] == column) || t.Uniques.Any(u => u.Columns[0] == column)
        || _db.Indexes.Any(i => i.Table == t.Name && i.Elements.Count > 0 && i.Elements[0].Column == column && i.Where == null);

    private static bool IsSerial(Column c) => c.Default?.StartsWith("nextval(", StringComparison.OrdinalIgnoreCase) == true;

    private string Comment(string text, int max, string what)
    {
        if (text.Length <= max) return text;
        Note(Severity.Warning, $"{what}: comment cut to {max} characters ({_target.DisplayName}'s limit)");
        return text[..max];
    }

    internal string ColumnText(Table t, Column c, bool autoIncrement)
    {
        if (Native) return NativeColumnText(c);
        var what = $"column {t.Name}.{QualifiedName.Display(c.Name)}";
        var type = c.Type;
        var checks = new List<string>();
        var (resolved, domainDefault, domainNotNull) = Portable.TargetFacts.Domain(type, _domains, c.Name, what, e => Expr(e), checks, Note);
        type = resolved;
        var notNull = c.NotNull || t.PrimaryKey?.Columns.Contains(c.Name) == true || domainNotNull;
        var written = TypeText(t, c, type, what);
        var sb = new StringBuilder(Q(c.Name)).Append(' ').Append(written);
        if (c.Generated is { } gen)
        {
            var ge = Expr(gen.Expression);
            if (ge.Length > 0) sb.Append(" GENERATED ALWAYS AS (").Append(ge).Append(gen.Stored ? ") STORED" : ") VIRTUAL");
            else Note(Severity.Warning, $"{what}: generation expression ({gen.Expression}) uses PostgreSQL-only syntax; created as a plain column");
        }
        if (notNull && c.Generated == null) sb.Append(" NOT NULL");
        else if (!notNull && c.Generated == null) sb.Append(" NULL");
        if (autoIncrement)
        {
            sb.Append(" AUTO_INCREMENT");
            if (c.Identity?.Options.Start is { } start && start != 1) Note(Severity.Info, $"{what}: START WITH {start} is the table's AUTO_INCREMENT start in {_target.DisplayName}; set it with ALTER TABLE ... AUTO_INCREMENT = {start}");
        }
        else if ((c.Default ?? domainDefault) is { } def && c.Generated == null)
        {
            var d = DefaultText(def, type, written);
            if (d != null) sb.Append(" DEFAULT ").Append(d);
            else Note(Severity.Warning, $"{what}: default ({def}) has no {_target.DisplayName} equivalent; created without a default");
        }
        if (c.Comment != null) sb.Append(" COMMENT ").Append(MySqlQuoting.Literal(Comment(c.Comment, 1024, what)));
        // MariaDB takes one CHECK per column: a domain's checks are joined.
        if (checks.Count == 1) sb.Append(" CHECK (").Append(checks[0]).Append(')');
        else if (checks.Count > 1) sb.Append(" CHECK (").Append(string.Join(" AND ", checks.Select(x => "(" + x + ")"))).Append(')');
        return sb.ToString();
    }

    /// <summary>A column of a model read from MySQL, as the server prints it: every part as it was read.</summary>
    private static string NativeColumnText(Column c)
    {
        var sb = new StringBuilder(Q(c.Name)).Append(' ').Append(c.Type.Text);
        if (c.Collation != null) sb.Append(' ').Append(c.Collation);
        if (c.Generated is { } gen)
        {
            sb.Append(" GENERATED ALWAYS AS (").Append(gen.Expression).Append(gen.Stored ? ") STORED" : ") VIRTUAL");
            if (c.NotNull) sb.Append(" NOT NULL");
        }
        else sb.Append(c.NotNull ? " NOT NULL" : " NULL");
        if (c.Default != null && c.Generated == null) sb.Append(" DEFAULT ").Append(c.Default);
        if (c.OnUpdate != null) sb.Append(" ON UPDATE ").Append(c.OnUpdate);
        if (c.Identity != null) sb.Append(" AUTO_INCREMENT");
        if (c.Comment != null) sb.Append(" COMMENT ").Append(MySqlQuoting.Literal(c.Comment));
        return sb.ToString();
    }

    /// <summary>A default: literals as they are, expressions in parentheses (both engines take that form).</summary>
    private string? DefaultText(string def, DataType type, string written)
    {
        var e = Portable.ExpressionTranslator.Translate(def, _schemas, Style, forDefault: true, _db.SourceDialect);
        if (e == null) return null;
        while (e.Length > 2 && e[0] == '(' && e[^1] == ')' && Balanced(e[1..^1])) e = e[1..^1].Trim();
        if (type.Kind == TypeKind.Boolean) e = e switch { "true" => "TRUE", "false" => "FALSE", _ => e };
        // PostgreSQL's special inputs 'now' and 'today' mean the moment the row is written.
        if (e.ToLowerInvariant() is "'now'" or "'today'") e = type.Kind == TypeKind.Date ? "CURRENT_DATE" : "CURRENT_TIMESTAMP(6)";
        if (e == "CURRENT_DATE") return "(CURRENT_DATE)";
        // The default's fractional digits must match the column's.
        if (e is "CURRENT_TIMESTAMP(6)" && type.Kind == TypeKind.Timestamp) return $"CURRENT_TIMESTAMP({Math.Min(type.Precision ?? 6, 6)})";
        if (e is "CURRENT_TIMESTAMP(6)" && type.Kind == TypeKind.Date) return "(CURRENT_DATE)";
        var literal = e.StartsWith('\'') && e.EndsWith('\'') && e.Count(ch => ch == '\'') % 2 == 0 && !e[1..^1].Replace("''", string.Empty, StringComparison.Ordinal).Contains('\'');
        var number = double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        // TEXT, BLOB and JSON columns take only expression defaults; so does everything that is not a literal.
        var large = written.EndsWith("TEXT", StringComparison.Ordinal) || written.EndsWith("BLOB", StringComparison.Ordinal) || written == "JSON";
        if ((literal || number || e is "TRUE" or "FALSE" or "NULL") && !large) return e;
        return "(" + e + ")";
    }

    /// <summary>Whether parentheses in a text pair up without going below zero (so outer ones around it are redundant).</summary>
    private static bool Balanced(string text)
    {
        var depth = 0;
        var quoted = false;
        foreach (var ch in text)
        {
            if (ch == '\'') quoted = !quoted;
            else if (!quoted && ch == '(') depth++;
            else if (!quoted && ch == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    /// <summary>The MySQL type for a neutral type; each mapping that changes what the column can hold is noted.</summary>
    private string TypeText(Table t, Column c, DataType type, string what)
    {
        var inKey = _keyColumns.Contains((t.Name, c.Name));
        if (_fkIntegerTypes.TryGetValue((t.Name, c.Name), out var referenced) && type.Kind != referenced.Kind)
        {
            Note(Severity.Info, $"{what}: {type.Text} takes the type of the key foreign key {referenced.ForeignKey} references (InnoDB wants them alike; its values fit)");
            type = new DataType(referenced.Kind, referenced.Kind.ToString().ToLowerInvariant());
        }
        switch (type.Kind)
        {
            case TypeKind.SmallInt: return "SMALLINT";
            case TypeKind.Integer: return "INT";
            case TypeKind.BigInt: return "BIGINT";
            case TypeKind.Decimal:
                if (type.Precision is { } p) return $"DECIMAL({Math.Min(p, 65)},{Math.Min(type.Scale ?? 0, 30)})";
                Note(Severity.Info, $"{what}: numeric without precision is DECIMAL(65,30) in {_target.DisplayName}");
                return "DECIMAL(65,30)";
            case TypeKind.Money:
                Note(Severity.Info, $"{what}: money is DECIMAL(19,2)");
                return "DECIMAL(19,2)";
            case TypeKind.Real: return "FLOAT";
            case TypeKind.Double: return "DOUBLE";
            case TypeKind.Boolean: return "BOOLEAN";
            case TypeKind.Char: return $"CHAR({type.Length ?? 1})";
            case TypeKind.VarChar:
                if (type.Length is { } n)
                {
                    if (inKey && n > 768) Note(Severity.Warning, $"{what}: VARCHAR({n}) in a key is over InnoDB's 3072-byte key limit in utf8mb4 (768 characters); {_target.DisplayName} refuses that index");
                    return $"VARCHAR({n})";
                }
                return inKey ? KeyText(what) : "LONGTEXT";
            case TypeKind.Text:
                return inKey ? KeyText(what) : "LONGTEXT";
            case TypeKind.Binary:
                if (inKey)
                {
                    Note(Severity.Info, $"{what}: bytea in a key is VARBINARY(255) ({_target.DisplayName} cannot index a BLOB whole)");
                    return "VARBINARY(255)";
                }
                return "LONGBLOB";
            case TypeKind.Date: return "DATE";
            case TypeKind.Time:
                if (type.WithTimeZone) Note(Severity.Info, $"{what}: time with time zone is TIME (no zone) in {_target.DisplayName}");
                return $"TIME({Math.Min(type.Precision ?? 6, 6)})";
            case TypeKind.Timestamp:
                if (type.WithTimeZone) Note(Severity.Info, $"{what}: timestamp with time zone is DATETIME(6) holding UTC (TIMESTAMP would end in 2038)");
                return $"DATETIME({Math.Min(type.Precision ?? 6, 6)})";
            case TypeKind.Json:
            case TypeKind.Jsonb:
                if (_target.IsMariaDb) Note(Severity.Info, $"{what}: JSON is LONGTEXT with a JSON_VALID check in MariaDB");
                return "JSON";
            case TypeKind.Uuid:
                Note(Severity.Info, $"{what}: uuid is CHAR(36)");
                return "CHAR(36)";
            case TypeKind.Enum:
                if (type.UserType != null && _enums.TryGetValue(type.UserType, out var e))
                {
                    return "ENUM(" + string.Join(", ", e.Labels.Select(MySqlQuoting.Literal)) + ")";
                }
                break;
            case TypeKind.Array:
                Note(Severity.Info, $"{what}: {type.Text} is JSON (an array) in {_target.DisplayName}");
                return "JSON";
            case TypeKind.Interval:
                Note(Severity.Warning, $"{what}: interval has no {_target.DisplayName} type; stored as VARCHAR(64) text");
                return "VARCHAR(64)";
            case TypeKind.Network:
                Note(Severity.Info, $"{what}: {type.Text} is VARCHAR(64) text");
                return "VARCHAR(64)";
            case TypeKind.Bit:
                return type.Length is { } bits and <= 64 ? $"BIT({bits})" : "LONGBLOB";
            case TypeKind.Xml:
                Note(Severity.Info, $"{what}: xml is LONGTEXT");
                return "LONGTEXT";
        }
        Note(Severity.Warning, $"{what}: {type.Text} has no {_target.DisplayName} equivalent; stored as LONGTEXT");
        return inKey ? "VARCHAR(255)" : "LONGTEXT";
    }

    private string KeyText(string what)
    {
        Note(Severity.Info, $"{what}: text in a key or index is VARCHAR(255) ({_target.DisplayName} cannot index TEXT whole)");
        return "VARCHAR(255)";
    }

    internal string? IndexStatement(SchemaIndex i)
    {
        var what = $"index {i.Name}";
        // FULLTEXT and SPATIAL are MySQL's own kinds of index.
        if (!Portable.TargetFacts.IndexWritable(i.Method is "fulltext" or "spatial" ? i with { Method = "btree" } : i, _tableNames, _target.DisplayName, Note)) return null;
        if (i.Where != null)
        {
            Note(Severity.Warning, $"{what}: {_target.DisplayName} has no partial indexes (WHERE {i.Where}); not created{(i.Unique ? ", so its uniqueness is not enforced" : string.Empty)}");
            return null;
        }
        if (i.Elements.Any(e => e.Column == null))
        {
            Note(Severity.Warning, $"{what}: an index on expressions is not written for {_target.DisplayName}; not created{(i.Unique ? ", so its uniqueness is not enforced" : string.Empty)}");
            return null;
        }
        if (!i.Include.IsEmpty) Note(Severity.Info, $"{what}: INCLUDE columns dropped ({_target.DisplayName} has no covering-column clause)");
        var elements = i.Elements.Select(e => Q(e.Column!) + (e.Descending ? " DESC" : string.Empty));
        return $"CREATE {Kind(i)}INDEX {Q(i.Name.Name)} ON {Q(i.Table.Name)} ({string.Join(", ", elements)})";
    }

    private static string Kind(SchemaIndex i) => i.Unique ? "UNIQUE " : i.Method is "fulltext" or "spatial" ? i.Method.ToUpperInvariant() + " " : string.Empty;

    /// <summary>[UNIQUE|FULLTEXT|SPATIAL] INDEX name (columns): an index as CREATE TABLE and ALTER TABLE ... ADD write it; null (noted) when it cannot be.</summary>
    internal string? IndexDefinition(SchemaIndex i) => IndexStatement(i) is { } statement
        ? $"{Kind(i)}INDEX {Q(i.Name.Name)} {statement[(statement.IndexOf(" (", statement.IndexOf(" ON ", StringComparison.Ordinal), StringComparison.Ordinal) + 1)..]}"
        : null;

    internal string? ForeignKeyStatement(Table t, ForeignKey fk) =>
        ForeignKeyText(t, fk) is { } text ? "ALTER TABLE " + Q(t.Name.Name) + " ADD " + text : null;

    /// <summary>CONSTRAINT name FOREIGN KEY (...) REFERENCES ..., or null (noted) when the referenced table is not here.</summary>
    internal string? ForeignKeyText(Table t, ForeignKey fk)
    {
        {
            if (!_tableNames.Contains(fk.ReferencedTable))
            {
                Note(Severity.Warning, $"table {t.Name}: foreign key {fk.Name} references {fk.ReferencedTable}, which is not a table here; not created");
                return null;
            }
            var sb = new StringBuilder("CONSTRAINT ").Append(Q(UniqueName(fk.Name, $"table {t.Name}"))).Append(" FOREIGN KEY (").Append(Columns(fk.Columns))
                .Append(") REFERENCES ").Append(Q(fk.ReferencedTable.Name)).Append(" (").Append(Columns(fk.ReferencedColumns)).Append(')');
            // InnoDB refuses SET NULL on a NOT NULL column when the key is made (PostgreSQL only fails when a row is deleted).
            var notNullColumns = fk.Columns.Any(col => t.FindColumn(col) is { } fc && (fc.NotNull || t.PrimaryKey?.Columns.Contains(col) == true));
            var onDelete = fk.OnDelete;
            var onUpdate = fk.OnUpdate;
            if (notNullColumns && (onDelete == ForeignKeyAction.SetNull || onUpdate == ForeignKeyAction.SetNull))
            {
                Note(Severity.Warning, $"table {t.Name}: foreign key {fk.Name} sets NOT NULL columns to NULL, which InnoDB refuses; written without that action (NO ACTION)");
                if (onDelete == ForeignKeyAction.SetNull) onDelete = ForeignKeyAction.NoAction;
                if (onUpdate == ForeignKeyAction.SetNull) onUpdate = ForeignKeyAction.NoAction;
            }
            if (onDelete != ForeignKeyAction.NoAction) sb.Append(" ON DELETE ").Append(Portable.TargetFacts.Action(onDelete));
            if (onUpdate != ForeignKeyAction.NoAction) sb.Append(" ON UPDATE ").Append(Portable.TargetFacts.Action(onUpdate));
            if (fk.Timing.Deferrable) Note(Severity.Info, $"table {t.Name}: foreign key {fk.Name} is deferrable in the source; {_target.DisplayName} checks it at once");
            if (fk.OnDelete == ForeignKeyAction.SetDefault || fk.OnUpdate == ForeignKeyAction.SetDefault) Note(Severity.Warning, $"table {t.Name}: foreign key {fk.Name}: InnoDB refuses SET DEFAULT actions");
            return sb.ToString();
        }
    }

    internal string? ViewStatement(View v)
    {
        if (v.Materialized)
        {
            Note(Severity.Warning, $"materialized view {v.Name}: {_target.DisplayName} has no materialized views; not created");
            return null;
        }
        var query = Native ? v.Query : Portable.ExpressionTranslator.Translate(v.Query, _schemas, Style, sourceDialect: _db.SourceDialect);
        if (query == null)
        {
            Note(Severity.Warning, $"view {v.Name}: its query uses PostgreSQL-only syntax; not created");
            return null;
        }
        var sb = new StringBuilder("CREATE VIEW ").Append(Q(v.Name.Name));
        if (!v.ColumnNames.IsEmpty) sb.Append(" (").Append(Columns(v.ColumnNames)).Append(')');
        // MySQL has no CREATE RECURSIVE VIEW: it is the recursive common table expression it stands for.
        if (v.Recursive && !v.ColumnNames.IsEmpty)
        {
            return sb.Append(" AS\nWITH RECURSIVE ").Append(Q(v.Name.Name)).Append(" (").Append(Columns(v.ColumnNames)).Append(") AS (\n").Append(query)
                .Append("\n)\nSELECT ").Append(Columns(v.ColumnNames)).Append(" FROM ").Append(Q(v.Name.Name)).ToString();
        }
        return sb.Append(" AS\n").Append(query).ToString();
    }

    private static string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(Q));

}
