using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

internal partial class PostgresParser
{
    private const int MaxIdentifierBytes = 63;

    private protected List<string> _searchPath = ["public"];

    /// <summary>Whether a SET search_path ever named another schema: an unqualified name in a view then cannot be placed after the fact.</summary>
    private protected bool _searchPathMoved;
    private readonly Dictionary<string, SchemaDef> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Extension> _extensions = new(StringComparer.Ordinal);
    private readonly Dictionary<QualifiedName, EnumType> _enums = new();
    private readonly Dictionary<QualifiedName, DomainType> _domains = new();
    private readonly Dictionary<QualifiedName, CompositeType> _composites = new();
    private readonly Dictionary<QualifiedName, OtherType> _otherTypes = new();
    private readonly Dictionary<QualifiedName, Sequence> _sequences = new();
    private readonly Dictionary<QualifiedName, Table> _tables = new();
    private readonly Dictionary<QualifiedName, SchemaIndex> _indexes = new();
    private readonly List<IndexAttachment> _attachments = new();
    private readonly Dictionary<QualifiedName, View> _views = new();
    private readonly Dictionary<(QualifiedName, string), Routine> _routines = new();
    private protected readonly Dictionary<(QualifiedName, string), Trigger> _triggers = new();
    private readonly Dictionary<(QualifiedName, string), Policy> _policies = new();
    private readonly Dictionary<(QualifiedName, string), Rule> _rules = new();
    private readonly List<OpaqueStatement> _opaque = new();

    // Names in use, as PostgreSQL checks them when it chooses a default name: relations (tables, views, sequences,
    // indexes) per schema, and constraint names per schema.
    private readonly HashSet<QualifiedName> _relationNames = new();
    private readonly HashSet<QualifiedName> _constraintNames = new();

    private string CreationSchema(List<string> parts)
    {
        if (parts.Count >= 2) return parts[^2];
        foreach (var s in _searchPath)
        {
            if (s != "pg_catalog" && s != "$user") return s;
        }
        return "public";
    }

    private QualifiedName QualifyForCreate(List<string> parts) => new(CreationSchema(parts), parts[^1]);

    private IEnumerable<string> LookupSchemas(List<string> parts)
    {
        if (parts.Count >= 2)
        {
            yield return parts[^2];
            yield break;
        }
        foreach (var s in _searchPath)
        {
            if (s != "$user") yield return s;
        }
    }

    /// <summary>Resolves a relation (table, view, sequence, index) through the search path, or guesses the creation schema.</summary>
    private protected QualifiedName ResolveRelation(List<string> parts)
    {
        foreach (var schema in LookupSchemas(parts))
        {
            var q = new QualifiedName(schema, parts[^1]);
            if (_tables.ContainsKey(q) || _views.ContainsKey(q) || _sequences.ContainsKey(q) || _indexes.ContainsKey(q) || _relationNames.Contains(q)) return q;
        }
        return QualifyForCreate(parts);
    }

    private QualifiedName? FindTable(List<string> parts)
    {
        foreach (var schema in LookupSchemas(parts))
        {
            var q = new QualifiedName(schema, parts[^1]);
            if (_tables.ContainsKey(q)) return q;
        }
        return null;
    }

    private (QualifiedName Name, TypeKind Kind)? ResolveType(List<string> parts)
    {
        foreach (var schema in LookupSchemas(parts))
        {
            var q = new QualifiedName(schema, parts[^1]);
            if (_enums.ContainsKey(q)) return (q, TypeKind.Enum);
            if (_domains.ContainsKey(q)) return (q, TypeKind.Domain);
            if (_composites.ContainsKey(q)) return (q, TypeKind.Composite);
            if (_otherTypes.ContainsKey(q)) return (q, TypeKind.User);
            if (_tables.ContainsKey(q) || _views.ContainsKey(q)) return (q, TypeKind.Composite);
        }
        return null;
    }

    private DataType ParseType(TokenCursor c, out bool serial)
    {
        serial = false;
        return ParseColumnType(c, out serial);
    }

    private DataType ParseType(TokenCursor c) => ParseType(c, out _);

    /// <summary>PostgreSQL's makeObjectName: name1_name2_label, clipped to 63 bytes by shortening the longer part first.</summary>
    internal static string MakeObjectName(string name1, string? name2, string? label)
    {
        var b1 = Encoding.UTF8.GetBytes(name1);
        var b2 = name2 == null ? [] : Encoding.UTF8.GetBytes(name2);
        var overhead = (name2 != null ? 1 : 0) + (label != null ? Encoding.UTF8.GetByteCount(label) + 1 : 0);
        var avail = MaxIdentifierBytes - overhead;
        int n1 = b1.Length, n2 = b2.Length;
        while (n1 + n2 > avail)
        {
            if (n1 > n2) n1--;
            else n2--;
        }
        var sb = new StringBuilder();
        sb.Append(ClipUtf8(b1, n1));
        if (name2 != null) sb.Append('_').Append(ClipUtf8(b2, n2));
        if (label != null) sb.Append('_').Append(label);
        return sb.ToString();
    }

    private static string ClipUtf8(byte[] bytes, int length)
    {
        // Do not cut a multi-byte character in half.
        while (length > 0 && length < bytes.Length && (bytes[length] & 0xC0) == 0x80) length--;
        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private string ChooseRelationName(string schema, string name1, string? name2, string label)
    {
        var pass = 0;
        var candidate = MakeObjectName(name1, name2, label);
        while (_relationNames.Contains(new QualifiedName(schema, candidate)))
        {
            candidate = MakeObjectName(name1, name2, label + (++pass).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        _relationNames.Add(new QualifiedName(schema, candidate));
        return candidate;
    }

    private string ChooseConstraintName(string schema, string name1, string? name2, string label)
    {
        var pass = 0;
        var candidate = MakeObjectName(name1, name2, label);
        while (_constraintNames.Contains(new QualifiedName(schema, candidate)))
        {
            candidate = MakeObjectName(name1, name2, label + (++pass).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        _constraintNames.Add(new QualifiedName(schema, candidate));
        return candidate;
    }

    /// <summary>PostgreSQL's ChooseIndexNameAddition: the column names joined by underscores, up to the name limit.</summary>
    private static string JoinNames(IEnumerable<string> names)
    {
        var sb = new StringBuilder();
        foreach (var n in names)
        {
            if (sb.Length > 0) sb.Append('_');
            sb.Append(n);
            if (Encoding.UTF8.GetByteCount(sb.ToString()) >= MaxIdentifierBytes) break;
        }
        return sb.ToString();
    }

    private void ReserveConstraintName(string schema, string name) => _constraintNames.Add(new QualifiedName(schema, name));

    private void ReserveRelationName(string schema, string name) => _relationNames.Add(new QualifiedName(schema, name));

    /// <summary>Builds the immutable, canonically ordered model.</summary>
    private Database Freeze()
    {
        _frozenViews = new Dictionary<QualifiedName, (View, IReadOnlyList<(string, DataType)>?)>();
        var tables = _tables.Values.Select(FreezeTable).OrderBy(t => t.Name).ToEquatableArray();
        return new Database(
            // The public schema exists in every database: it is part of the model only when it has a comment of its own.
            Schemas: _schemas.Values.Where(s => !(s.Name == "public" && s.Comment is null or "standard public schema"))
                .OrderBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray(),
            Extensions: _extensions.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            Enums: _enums.Values.OrderBy(e => e.Name).ToEquatableArray(),
            Domains: _domains.Values.Select(FreezeDomain).OrderBy(d => d.Name).ToEquatableArray(),
            CompositeTypes: _composites.Values.Select(ct => ct with
            {
                Attributes = ct.Attributes.Select(a => a with { Type = FreezeType(a.Type) }).ToEquatableArray(),
            }).OrderBy(c => c.Name).ToEquatableArray(),
            OtherTypes: _otherTypes.Values.OrderBy(t => t.Name).ToEquatableArray(),
            Sequences: _sequences.Values.OrderBy(s => s.Name).ToEquatableArray(),
            Tables: tables,
            Indexes: _indexes.Values.Select(FreezeIndex).OrderBy(i => i.Name).ToEquatableArray(),
            IndexAttachments: _attachments.OrderBy(a => a.ChildIndex).ThenBy(a => a.ParentIndex).ToEquatableArray(),
            Views: _views.Values.Select(FreezeView).OrderBy(v => v.Name).ToEquatableArray(),
            Routines: _routines.Values.OrderBy(r => r.Name).ThenBy(r => r.ArgumentTypes, StringComparer.Ordinal).ToEquatableArray(),
            Triggers: _triggers.Values.OrderBy(t => t.Table).ThenBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray(),
            Policies: _policies.Values.Select(FreezePolicy).OrderBy(p => p.Table).ThenBy(p => p.Name, StringComparer.Ordinal).ToEquatableArray(),
            Rules: _rules.Values.OrderBy(r => r.Table).ThenBy(r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
            Grants: FinishGrants(),
            Opaque: _opaque.ToEquatableArray(),
            SourceDialect: DialectName,
            DefaultPrivileges: FinishDefaultPrivileges());
    }

    /// <summary>
    /// Types, operator classes and functions of the common extensions, which the server prints qualified with the
    /// extension's schema (the inspector reads with an empty search path): public.citext, public.gin_trgm_ops,
    /// public.uuid_generate_v4(). Written without their schema in a file that creates the extension, they are the same objects.
    /// </summary>
    private static readonly Dictionary<string, (string Extension, char Kind)> ExtensionMembers = new(StringComparer.Ordinal)
    {
        ["citext"] = ("citext", 't'), ["hstore"] = ("hstore", 't'), ["ltree"] = ("ltree", 't'), ["lquery"] = ("ltree", 't'),
        ["ltxtquery"] = ("ltree", 't'), ["cube"] = ("cube", 't'), ["geometry"] = ("postgis", 't'), ["geography"] = ("postgis", 't'),
        ["gin_trgm_ops"] = ("pg_trgm", 'o'), ["gist_trgm_ops"] = ("pg_trgm", 'o'),
        ["uuid_generate_v1"] = ("uuid-ossp", 'f'), ["uuid_generate_v1mc"] = ("uuid-ossp", 'f'), ["uuid_generate_v3"] = ("uuid-ossp", 'f'),
        ["uuid_generate_v4"] = ("uuid-ossp", 'f'), ["uuid_generate_v5"] = ("uuid-ossp", 'f'), ["uuid_nil"] = ("uuid-ossp", 'f'),
        ["gen_random_bytes"] = ("pgcrypto", 'f'), ["crypt"] = ("pgcrypto", 'f'), ["gen_salt"] = ("pgcrypto", 'f'), ["digest"] = ("pgcrypto", 'f'), ["hmac"] = ("pgcrypto", 'f'),
    };

    /// <summary>The schema of the extension that holds <paramref name="name"/>, when the model creates that extension.</summary>
    private string? ExtensionSchema(string name, char kind) =>
        ExtensionMembers.TryGetValue(name, out var m) && m.Kind == kind && _extensions.TryGetValue(m.Extension, out var e) ? e.Schema ?? "public" : null;

    /// <summary>Calls of extension functions written without their schema, qualified as the server prints them.</summary>
    private string QualifyExtensionCalls(string expression)
    {
        var tokens = SqlLexer.Tokenize(expression);
        StringBuilder? sb = null;
        var last = 0;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || tokens[i + 1].Kind != TokenKind.LParen || (i > 0 && tokens[i - 1].Kind == TokenKind.Dot)) continue;
            if (ExtensionSchema(expression.Substring(tokens[i].Start, tokens[i].Length).ToLowerInvariant(), 'f') is not { } schema) continue;
            sb ??= new StringBuilder();
            sb.Append(expression, last, tokens[i].Start - last).Append(PostgresQuoting.Quote(schema)).Append('.');
            last = tokens[i].Start;
        }
        return sb == null ? expression : sb.Append(expression, last, expression.Length - last).ToString();
    }

    private DataType FreezeType(DataType type)
    {
        if (type is { Kind: TypeKind.User, UserType: null, ArrayDimensions: 0 } && ExtensionSchema(type.Text, 't') is { } extensionSchema)
        {
            return type with { Text = PostgresQuoting.Quote(extensionSchema) + "." + type.Text };
        }
        if (type.Kind is not (TypeKind.User or TypeKind.Array) || type.UserType == null) return type;
        var q = type.UserType;
        var kind = _enums.ContainsKey(q) ? TypeKind.Enum
            : _domains.ContainsKey(q) ? TypeKind.Domain
            : _composites.ContainsKey(q) ? TypeKind.Composite
            : TypeKind.User;
        return type.Kind == TypeKind.Array ? type : type with { Kind = kind };
    }

    private Table FreezeTable(Table t)
    {
        var fks = t.ForeignKeys.Select(fk =>
        {
            if (!fk.ReferencedColumns.IsEmpty) return fk;
            // REFERENCES t without columns means t's primary key, which may be declared after this table.
            return _tables.TryGetValue(fk.ReferencedTable, out var target) && target.PrimaryKey != null
                ? fk with { ReferencedColumns = target.PrimaryKey.Columns }
                : fk;
        });
        return t with
        {
            Columns = t.Columns.Select(col => col with
            {
                Type = FreezeType(col.Type),
                Default = col.Default != null ? QualifyExtensionCalls(col.Default) : null,
            }).ToEquatableArray(),
            Uniques = t.Uniques.OrderBy(u => u.Name, StringComparer.Ordinal).ToEquatableArray(),
            ForeignKeys = fks.OrderBy(f => f.Name, StringComparer.Ordinal).ToEquatableArray(),
            Checks = t.Checks.Select(c => c with { Expression = ServerForm(c.Expression, t) }).OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(),
            Exclusions = t.Exclusions.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    /// <summary>A domain with its default and checks as the server prints them back, VALUE being of the domain's base type.</summary>
    private DomainType FreezeDomain(DomainType d)
    {
        var baseType = FreezeType(d.BaseType);
        var valueType = baseType;
        for (var hops = 0; valueType.Kind == TypeKind.Domain && valueType.UserType is { } inner && _domains.TryGetValue(inner, out var outer) && hops < 16; hops++) valueType = FreezeType(outer.BaseType);
        var value = new Dictionary<string, DataType>(StringComparer.Ordinal) { ["value"] = valueType };
        return d with
        {
            BaseType = baseType,
            Default = d.Default != null ? ColumnDefault(d.Default, valueType) : null,
            Checks = d.Checks.Select(c => c with { Expression = PostgresServerForm.Rewrite(c.Expression, value) }).OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    /// <summary>A check or index expression on a table as the server prints it back, where that is certain offline.</summary>
    private string ServerForm(string expression, Table table)
    {
        var columns = new Dictionary<string, DataType>(StringComparer.Ordinal);
        foreach (var c in table.Columns) columns[c.Name] = FreezeType(c.Type);
        return PostgresServerForm.Rewrite(expression, columns);
    }

    private Dictionary<QualifiedName, (View View, IReadOnlyList<(string Name, DataType Type)>? Columns)> _frozenViews = new();

    /// <summary>A view's query as the server prints it back, where that is certain offline.</summary>
    private View FreezeView(View view) => FrozenView(view, 0).View;

    /// <summary>
    /// A view rewritten to the server's form, with its columns and their types for the views that read it; views are
    /// rewritten before the views over them, once each. A column list renames the targets (the server prints them with
    /// AS), and a recursive view is the server's business: both are left as written.
    /// </summary>
    private (View View, IReadOnlyList<(string Name, DataType Type)>? Columns) FrozenView(View view, int depth)
    {
        if (_frozenViews.TryGetValue(view.Name, out var done)) return done;
        var result = (view, (IReadOnlyList<(string, DataType)>?)null);
        // Until it is done, a view reads as unknown: a cycle ends there.
        _frozenViews[view.Name] = result;
        if (!view.Recursive && view.ColumnNames.IsEmpty && depth < 32)
        {
            var query = PostgresServerForm.RewriteView(view.Query, (schema, name) => Shape(schema, name, depth), out var columns);
            if (!ReferenceEquals(query, view.Query)) result = (view with { Query = SqlNormalizer.NormalizeText(query) }, columns);
        }
        _frozenViews[view.Name] = result;
        return result;
    }

    /// <summary>A table or a rewritten view a query names, schema null meaning the search path's (public unless the file moved it).</summary>
    private RelationShape? Shape(string? schema, string name, int depth)
    {
        if (schema == null && _searchPathMoved) return null;
        var q = new QualifiedName(schema ?? "public", name);
        if (_tables.TryGetValue(q, out var t)) return new RelationShape(q, t.Columns.Select(c => (c.Name, FreezeType(c.Type))).ToList());
        return _views.TryGetValue(q, out var v) && FrozenView(v, depth + 1).Columns is { } columns ? new RelationShape(q, columns) : null;
    }

    /// <summary>A policy's USING and WITH CHECK expressions as the server prints them back, where that is certain offline.</summary>
    private Policy FreezePolicy(Policy policy)
    {
        if (!_tables.TryGetValue(policy.Table, out var table)) return policy;
        return policy with
        {
            Using = policy.Using != null ? ServerForm(policy.Using, table) : null,
            WithCheck = policy.WithCheck != null ? ServerForm(policy.WithCheck, table) : null,
        };
    }

    private SchemaIndex FreezeIndex(SchemaIndex index)
    {
        if (!_tables.TryGetValue(index.Table, out var table)) return index;
        return index with
        {
            Elements = index.Elements.Select(e => e.Expression != null ? e with { Expression = ServerForm(e.Expression, table) } : e)
                .Select(e => e.OperatorClass is { } opclass && !opclass.Contains('.', StringComparison.Ordinal) && ExtensionSchema(opclass, 'o') is { } schema ? e with { OperatorClass = PostgresQuoting.Quote(schema) + "." + opclass } : e)
                .ToEquatableArray(),
            Where = index.Where != null ? ServerForm(index.Where, table) : null,
        };
    }
}
