using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>
/// Keeps out of a comparison what is not the schema's: the history table apply writes, and objects other tools own
/// (drift.ignore globs over schema.name).
/// </summary>
public static class ModelFilter
{
    /// <summary>A relation's name as grants hold it (the object as SQL).</summary>
    private static string Sql(QualifiedName n) => SchemaFirst.Sql.CanonicalIdentifier.Quote(n.Schema) + "." + SchemaFirst.Sql.CanonicalIdentifier.Quote(n.Name);

    /// <summary>The model without the history table, its indexes, and its schema when nothing else is in it.</summary>
    public static Database Without(Database db, QualifiedName history)
    {
        if (db.FindTable(history) == null) return db;
        var tables = db.Tables.Where(t => t.Name != history).ToEquatableArray();
        bool Used(string schema) => tables.Any(t => t.Name.Schema == schema) || db.Views.Any(v => v.Name.Schema == schema) || db.Sequences.Any(s => s.Name.Schema == schema)
            || db.Routines.Any(r => r.Name.Schema == schema) || db.Enums.Any(e => e.Name.Schema == schema) || db.Domains.Any(d => d.Name.Schema == schema)
            || db.CompositeTypes.Any(c => c.Name.Schema == schema) || db.OtherTypes.Any(o => o.Name.Schema == schema);
        var keepSchema = Used(history.Schema) || db.Schemas.FirstOrDefault(s => s.Name == history.Schema)?.Comment != null;
        return db with
        {
            Tables = tables,
            Indexes = db.Indexes.Where(i => i.Table != history).ToEquatableArray(),
            Schemas = keepSchema ? db.Schemas : db.Schemas.Where(s => s.Name != history.Schema).ToEquatableArray(),
            Grants = db.Grants.Where(g => !(g.ObjectKind == GrantObjectKind.Table && g.Object == Sql(history))
                && (keepSchema || !(g.ObjectKind == GrantObjectKind.Schema && g.Object == SchemaFirst.Sql.CanonicalIdentifier.Quote(history.Schema)))).ToEquatableArray(),
        };
    }

    /// <summary>The model without the tables, views, sequences and types whose schema.name matches a glob, and what hangs on them.</summary>
    public static Database Ignoring(Database db, IReadOnlyList<string>? globs)
    {
        if (globs == null || globs.Count == 0) return db;
        bool Ignored(QualifiedName n) => globs.Any(g => SchemaFirst.Sql.Glob.IsMatch(g, n.Schema + "." + n.Name));
        var gone = db.Tables.Select(t => t.Name).Concat(db.Views.Select(v => v.Name)).Concat(db.Sequences.Select(q => q.Name)).Where(Ignored).Select(Sql).ToHashSet(StringComparer.Ordinal);
        return db with
        {
            Grants = db.Grants.Where(g => g.ObjectKind is not (GrantObjectKind.Table or GrantObjectKind.Sequence) || !gone.Contains(g.Object)).ToEquatableArray(),
            Tables = db.Tables.Where(t => !Ignored(t.Name)).ToEquatableArray(),
            Views = db.Views.Where(v => !Ignored(v.Name)).ToEquatableArray(),
            Sequences = db.Sequences.Where(s => !Ignored(s.Name)).ToEquatableArray(),
            Indexes = db.Indexes.Where(i => !Ignored(i.Table) && !Ignored(i.Name)).ToEquatableArray(),
            Triggers = db.Triggers.Where(t => !Ignored(t.Table)).ToEquatableArray(),
            Policies = db.Policies.Where(p => !Ignored(p.Table)).ToEquatableArray(),
            Rules = db.Rules.Where(r => !Ignored(r.Table)).ToEquatableArray(),
            Enums = db.Enums.Where(e => !Ignored(e.Name)).ToEquatableArray(),
            Routines = db.Routines.Where(r => !Ignored(r.Name)).ToEquatableArray(),
        };
    }
}
