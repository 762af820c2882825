using SchemaFirst.Model;
using SchemaFirst.Rendering.Types;

namespace SchemaFirst.Audit;

/// <summary>A table or view as the audit sees it: its columns (null when they cannot be known offline) and its table.</summary>
internal sealed record RelationDef(QualifiedName Name, bool IsView, IReadOnlyList<FieldShape>? Fields, Table? Table)
{
    public string Display => Name.ToString();
}

/// <summary>
/// Represents the schema an audit checks against: tables and views by name (view columns typed offline from their
/// query), names compared as the dialect compares them, the foreign keys that reference each table, and the search path.
/// </summary>
internal sealed class AuditSchema
{
    private readonly Dictionary<string, List<RelationDef>> _byName;

    public AuditSchema(Database model, string defaultSchema, IReadOnlyList<string>? searchPath = null)
    {
        Model = model;
        CaseInsensitive = model.SourceDialect is not "postgres";
        Comparer = CaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        SearchPath = searchPath is { Count: > 0 } ? searchPath : [defaultSchema];
        _byName = new Dictionary<string, List<RelationDef>>(Comparer);
        var shapes = RowShapes.Build(model, defaultSchema).ToDictionary(r => r.Name);
        var domains = model.Domains.ToDictionary(d => d.Name);
        foreach (var t in model.Tables)
        {
            var shape = shapes.GetValueOrDefault(t.Name) ?? RowShapes.FromTable(t, domains);
            Add(new RelationDef(t.Name, false, shape.Fields, t));
        }
        foreach (var v in model.Views)
        {
            var shape = shapes[v.Name];
            Add(new RelationDef(v.Name, true, ViewFields(v, shape, model.SourceDialect), null));
        }
        // A sequence reads as a one-row relation (SELECT last_value FROM seq).
        if (!CaseInsensitive)
        {
            foreach (var q in model.Sequences)
            {
                Add(new RelationDef(q.Name, true, [.. new[] { "last_value", "log_cnt", "is_called" }.Select(n => new FieldShape(n, null, false, true, true, null))], null));
            }
        }
        foreach (var t in model.Tables)
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (!Referencing.TryGetValue(fk.ReferencedTable, out var list)) Referencing[fk.ReferencedTable] = list = [];
                list.Add((t, fk));
            }
        }
    }

    /// <summary>
    /// A view's columns as the database names them: an alias, a column's own name, a function's name; when an item has
    /// none of these (PostgreSQL calls it ?column? or after a cast's type) its columns are not known here, so none is
    /// reported missing. A * takes the typed-code reading of the view.
    /// </summary>
    private static IReadOnlyList<FieldShape>? ViewFields(View v, RowShape shape, string dialect)
    {
        if (!v.ColumnNames.IsEmpty) return shape.Note != null ? null : shape.Fields;
        try
        {
            var d = Auditor.DialectOf(dialect);
            var tokens = Sql.SqlLexer.Tokenize(v.Query, Parsing.DmlParser.Quotes(d));
            var statement = Parsing.DmlParser.Parse(v.Query, tokens, 0, tokens.Count, d);
            var q = (statement as Parsing.QueryStatement)?.Query;
            while (q is Parsing.SetQuery set) q = set.Left;
            if (q is not Parsing.SelectQuery select) return null;
            if (select.Items.Any(i => i.Star != null)) return shape.Note != null ? null : shape.Fields;
            var fields = new List<FieldShape>();
            foreach (var item in select.Items)
            {
                var name = item.Alias ?? item.Expr?.Single?.Last ?? item.Expr?.Function;
                if (name == null) return null;
                fields.Add(shape.Fields.FirstOrDefault(f => f.Name == name) ?? new FieldShape(name, null, true, true, true, null));
            }
            return fields;
        }
        catch (Parsing.DmlParseException)
        {
            return null;
        }
    }

    public Database Model { get; }

    public bool CaseInsensitive { get; }

    public StringComparer Comparer { get; }

    public IReadOnlyList<string> SearchPath { get; }

    /// <summary>The foreign keys that reference each table, with the table that holds them.</summary>
    public Dictionary<QualifiedName, List<(Table Table, ForeignKey Key)>> Referencing { get; } = [];

    private void Add(RelationDef def)
    {
        if (!_byName.TryGetValue(def.Name.Name, out var list)) _byName[def.Name.Name] = list = [];
        list.Add(def);
    }

    /// <summary>Every table and view name, for suggestions.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>
    /// The relation a name stands for: qualified, in its schema; unqualified, the first schema of the search path that
    /// has it, else the only schema that has it (an application may set its own search path).
    /// </summary>
    public RelationDef? Find(IReadOnlyList<string> parts)
    {
        if (!_byName.TryGetValue(parts[^1], out var list)) return null;
        if (parts.Count >= 2) return list.FirstOrDefault(d => Comparer.Equals(d.Name.Schema, parts[^2]));
        foreach (var schema in SearchPath)
        {
            var hit = list.FirstOrDefault(d => Comparer.Equals(d.Name.Schema, schema));
            if (hit != null) return hit;
        }
        return list.Count == 1 ? list[0] : null;
    }

    /// <summary>Whether a name is the engine's own (catalogs, information_schema, MySQL's and SQLite's system tables): not checked.</summary>
    public bool IsSystem(IReadOnlyList<string> parts)
    {
        var name = parts[^1].ToLowerInvariant();
        if (parts.Count >= 2 && parts[^2].ToLowerInvariant() is "pg_catalog" or "information_schema" or "mysql" or "performance_schema" or "sys" or "pg_temp") return true;
        if (parts.Count == 1 && name is "dual") return true;
        return name.StartsWith("pg_", StringComparison.Ordinal) && _byName.ContainsKey(parts[^1]) is false
               || name.StartsWith("sqlite_", StringComparison.Ordinal);
    }
}
