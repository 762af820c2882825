using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Turns a model read from another engine's files (SQLite, T-SQL, Oracle) into one PostgreSQL can be written from:
/// types spelled as PostgreSQL spells them (by their neutral kind: NVARCHAR(160) is character varying(160)), the default
/// schema (main, dbo, an Oracle user) as public, and expressions kept only when they are portable (literals, column
/// comparisons, IN lists, IS NULL, CURRENT_TIMESTAMP); anything else (a T-SQL function, SQLite's datetime('now'), a
/// view's query, a trigger's body) is left out with a note naming it, never written as PostgreSQL it is not.
/// </summary>
internal static class ForeignSource
{
    private const string Code = "SF501";

    public static bool Applies(Database model) => model.SourceDialect is not ("postgres" or "");

    public static Database ToPostgres(Database model, List<Diagnostic> notes)
    {
        var source = model.SourceDialect;
        var defaultSchemas = new HashSet<string>(["main", "dbo", string.Empty], StringComparer.Ordinal);
        // Oracle stores unquoted names in upper case; in PostgreSQL the same names are lower case (so queries need no quotes).
        var lower = source == "oracle";
        string L(string name) => lower && name.All(ch => ch is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '$' or '#') ? name.ToLowerInvariant() : name;
        QualifiedName N(QualifiedName q) => new(defaultSchemas.Contains(q.Schema) ? "public" : L(q.Schema), L(q.Name));
        string? Portable(string expression) => ForeignSource.Portable(expression, lower);
        string? Default(string expression, DataType type)
        {
            var d = Portable(expression);
            while (d is { Length: > 2 } && d[0] == '(' && d[^1] == ')') d = d[1..^1];
            // 0 and 1 are booleans' values in SQL Server (BIT) and Oracle (NUMBER(1)).
            return type.Kind == TypeKind.Boolean ? d switch { "1" => "true", "0" => "false", _ => d } : d;
        }
        void Note(Severity severity, string message) => notes.Add(new Diagnostic(severity, Code, message));

        var tables = model.Tables.Select(t =>
        {
            var what = $"table {t.Name}";
            var columns = t.Columns.Select(c =>
            {
                var col = c with { Name = L(c.Name), Type = c.Type.Kind == TypeKind.Enum && c.Type.UserType is { } en ? new DataType(TypeKind.Enum, PostgresQuoting.Name(N(en)), UserType: N(en)) : Type(c.Type), Collation = null };
                if (c.Default != null && Default(c.Default, c.Type) is null)
                {
                    Note(Severity.Warning, $"column {t.Name}.{QualifiedName.Display(c.Name)}: default ({c.Default}) is {source} SQL; written without it");
                    col = col with { Default = null };
                }
                else if (c.Default != null) col = col with { Default = Default(c.Default, c.Type) };
                if (c.Generated != null && Portable(c.Generated.Expression) is null)
                {
                    Note(Severity.Warning, $"column {t.Name}.{QualifiedName.Display(c.Name)}: generation expression is {source} SQL; written as a plain column");
                    col = col with { Generated = null };
                }
                else if (c.Generated != null) col = col with { Generated = c.Generated with { Expression = Portable(c.Generated.Expression)!, Stored = true } };
                if (c.OnUpdate != null)
                {
                    Note(Severity.Warning, $"column {t.Name}.{QualifiedName.Display(c.Name)}: ON UPDATE {c.OnUpdate} has no PostgreSQL equivalent (a BEFORE UPDATE trigger does it); not carried over");
                    col = col with { OnUpdate = null };
                }
                return col;
            }).ToList();
            var checks = new List<CheckConstraint>();
            foreach (var ck in t.Checks)
            {
                if (Portable(ck.Expression) is { } e) checks.Add(ck with { Expression = e });
                else Note(Severity.Warning, $"{what}: check {ck.Name} ({ck.Expression}) is {source} SQL; not written");
            }
            return t with
            {
                Name = N(t.Name),
                Columns = columns.ToEquatableArray(),
                Checks = checks.Select(ck => ck with { Name = L(ck.Name) }).ToEquatableArray(),
                PrimaryKey = t.PrimaryKey is { } pk ? pk with { Name = L(pk.Name), Columns = pk.Columns.Select(L).ToEquatableArray() } : null,
                Uniques = t.Uniques.Select(u => u with { Name = L(u.Name), Columns = u.Columns.Select(L).ToEquatableArray() }).ToEquatableArray(),
                ForeignKeys = t.ForeignKeys.Select(fk => fk with
                {
                    Name = L(fk.Name),
                    Columns = fk.Columns.Select(L).ToEquatableArray(),
                    ReferencedTable = N(fk.ReferencedTable),
                    ReferencedColumns = fk.ReferencedColumns.Select(L).ToEquatableArray(),
                }).ToEquatableArray(),
                With = null,
                Tablespace = null,
                AccessMethod = null,
            };
        }).ToEquatableArray();
        var indexes = new List<SchemaIndex>();
        // Index names are per schema in PostgreSQL (per table in SQL Server and MySQL): a repeated one takes its table's name.
        var taken = new HashSet<QualifiedName>(tables.Select(t => t.Name).Concat(tables.SelectMany(t => (t.PrimaryKey != null ? [t.PrimaryKey.Name] : Array.Empty<string>()).Concat(t.Uniques.Select(u => u.Name)).Select(n => t.Name with { Name = n }))));
        QualifiedName IndexName(SchemaIndex i)
        {
            // The index goes into its table's schema (MySQL's index names are kept per table, under the table's name).
            var name = new QualifiedName(N(i.Table).Schema, L(i.Name.Name));
            if (taken.Add(name)) return name;
            var renamed = name with { Name = L(i.Table.Name) + "_" + name.Name };
            for (var n = 2; !taken.Add(renamed); n++) renamed = name with { Name = L(i.Table.Name) + "_" + name.Name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            Note(Severity.Info, $"index {i.Name} on {i.Table}: its name is taken in the schema (index names are per schema in PostgreSQL); named {renamed.Name}");
            return renamed;
        }
        foreach (var i in model.Indexes)
        {
            if (i.Elements.Any(e => e.Column == null) || (i.Where != null && Portable(i.Where) == null))
            {
                Note(Severity.Warning, $"index {i.Name}: its expression or predicate is {source} SQL; not written");
                continue;
            }
            indexes.Add(i with
            {
                Name = IndexName(i),
                Table = N(i.Table),
                Method = "btree",
                Elements = i.Elements.Select(e => e with { Column = L(e.Column!) }).ToEquatableArray(),
                Include = i.Include.Select(L).ToEquatableArray(),
                Where = i.Where != null ? Portable(i.Where) : null,
                With = null,
                Tablespace = null,
            });
        }
        foreach (var v in model.Views) Note(Severity.Warning, $"view {v.Name}: its query is {source} SQL; not written for PostgreSQL");
        foreach (var r in model.Routines) Note(Severity.Warning, $"{r.Kind.ToString().ToLowerInvariant()} {r.Signature}: {source} code; not written for PostgreSQL");
        foreach (var tr in model.Triggers) Note(Severity.Warning, $"trigger {tr.Name} on {tr.Table}: {source} code; not written for PostgreSQL");
        foreach (var o in model.Opaque) Note(Severity.Warning, $"{o.Kind} (kept verbatim from the source) is {source} SQL; not written for PostgreSQL");
        var schemas = model.Schemas.Where(s => !defaultSchemas.Contains(s.Name) && s.Name != "public").ToEquatableArray();
        return Database.Empty with
        {
            Schemas = schemas,
            Enums = model.Enums.Select(e => e with { Name = N(e.Name) }).ToEquatableArray(),
            Sequences = model.Sequences.Select(s => s with { Name = N(s.Name), OwnedBy = null }).ToEquatableArray(),
            Tables = tables,
            Indexes = indexes.ToEquatableArray(),
            SourceDialect = "postgres",
        };
    }

    /// <summary>A type as PostgreSQL spells it, from its neutral kind.</summary>
    private static DataType Type(DataType t)
    {
        var p = t.Precision;
        return t.Kind switch
        {
            TypeKind.SmallInt => new DataType(TypeKind.SmallInt, "smallint"),
            TypeKind.Integer => new DataType(TypeKind.Integer, "integer"),
            TypeKind.BigInt => new DataType(TypeKind.BigInt, "bigint"),
            TypeKind.Decimal => p is { } prec ? new DataType(TypeKind.Decimal, $"numeric({prec},{t.Scale ?? 0})", Precision: prec, Scale: t.Scale ?? 0) : new DataType(TypeKind.Decimal, "numeric"),
            TypeKind.Money => new DataType(TypeKind.Money, "money"),
            TypeKind.Real => new DataType(TypeKind.Real, "real"),
            TypeKind.Double => new DataType(TypeKind.Double, "double precision"),
            TypeKind.Boolean => new DataType(TypeKind.Boolean, "boolean"),
            TypeKind.Char => new DataType(TypeKind.Char, $"character({t.Length ?? 1})", Length: t.Length ?? 1),
            TypeKind.VarChar => t.Length is { } n ? new DataType(TypeKind.VarChar, $"character varying({n})", Length: n) : new DataType(TypeKind.VarChar, "character varying"),
            TypeKind.Text => new DataType(TypeKind.Text, "text"),
            TypeKind.Binary => new DataType(TypeKind.Binary, "bytea"),
            TypeKind.Date => new DataType(TypeKind.Date, "date"),
            TypeKind.Time => new DataType(TypeKind.Time, p is { } tp and <= 6 ? $"time({tp}) without time zone" : "time without time zone", Precision: p is <= 6 ? p : null),
            TypeKind.Timestamp => new DataType(TypeKind.Timestamp,
                (p is { } sp and <= 6 ? $"timestamp({sp})" : "timestamp") + (t.WithTimeZone ? " with time zone" : " without time zone"), Precision: p is <= 6 ? p : null, WithTimeZone: t.WithTimeZone),
            TypeKind.Interval => new DataType(TypeKind.Interval, "interval"),
            TypeKind.Json or TypeKind.Jsonb => new DataType(TypeKind.Jsonb, "jsonb"),
            TypeKind.Uuid => new DataType(TypeKind.Uuid, "uuid"),
            TypeKind.Xml => new DataType(TypeKind.Xml, "xml"),
            _ => new DataType(TypeKind.Text, "text"),
        };
    }

    private static readonly HashSet<string> PortableWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "is", "null", "in", "between", "like", "true", "false", "current_timestamp", "current_date",
    };

    /// <summary>
    /// The expression when every token of it means the same in PostgreSQL: literals, column names, comparison and
    /// arithmetic operators, parentheses and the keywords above. Column names are re-quoted for PostgreSQL; anything else
    /// (a function, a bracketed or backticked name, N'' strings) makes it not portable (null).
    /// </summary>
    private static string? Portable(string expression, bool lowerPlainNames)
    {
        List<Token> tokens;
        try
        {
            tokens = SqlLexer.Tokenize(expression, IdentifierQuotes.Double);
        }
        catch (ParseException)
        {
            return null;
        }
        var c = new TokenCursor(expression, tokens, foldCase: false);
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i > 0 && tokens[i - 1].End < t.Start) sb.Append(' ');
            switch (t.Kind)
            {
                case TokenKind.Number:
                    sb.Append(c.TextOf(t));
                    break;
                case TokenKind.String:
                    if (expression[t.Start] != '\'') return null;
                    sb.Append(PostgresQuoting.Literal(c.StringValue(t)));
                    break;
                case TokenKind.Word:
                    var w = c.TextOf(t);
                    if (PortableWords.Contains(w)) sb.Append(w.ToLowerInvariant());
                    else if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.LParen) return null; // a function call
                    else sb.Append(PostgresQuoting.Quote(lowerPlainNames ? w.ToLowerInvariant() : w));
                    break;
                case TokenKind.QuotedIdentifier:
                    var quoted = c.IdentifierValue(t);
                    sb.Append(PostgresQuoting.Quote(lowerPlainNames && quoted.All(ch => ch is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_') ? quoted.ToLowerInvariant() : quoted));
                    break;
                case TokenKind.Operator when c.TextOf(t) is "=" or "<>" or "!=" or "<" or ">" or "<=" or ">=" or "+" or "-" or "*" or "/":
                case TokenKind.LParen or TokenKind.RParen or TokenKind.Comma:
                    sb.Append(c.TextOf(t));
                    break;
                default:
                    return null;
            }
        }
        var text = sb.ToString().Trim();
        // SQLite keeps these as text; in PostgreSQL they are functions of the moment the row is written.
        return text.Length == 0 ? null : text.Equals("'now'", StringComparison.OrdinalIgnoreCase) ? "now()" : text;
    }
}
