using SchemaFirst.Diagnostics;
using SchemaFirst.Diff;
using SchemaFirst.Model;

namespace SchemaFirst.Planning;

/// <summary>
/// Represents the part of a desired schema worth sending to a dev database when the current schema is a live database
/// of the same engine: what the offline normal form finds different from the database (the seeds), with what they
/// hang on (the support: tables their foreign keys, views and triggers name, partition and inheritance parents, every
/// type, routine and sequence), and nothing else. An object whose offline form already equals the database's printed
/// form reads back unchanged, so only the seeds need the server's form; at 5,000 tables and a few hundred changes that
/// is a small fraction of the schema to run on the scratch database.
/// </summary>
public sealed class DevSubset
{
    private readonly HashSet<QualifiedName> _tables = [];
    private readonly HashSet<QualifiedName> _views = [];
    private readonly HashSet<QualifiedName> _indexes = [];
    private readonly HashSet<(QualifiedName, string)> _constraints = [];
    private readonly HashSet<(QualifiedName, string)> _triggers = [];
    private readonly HashSet<(QualifiedName, string)> _policies = [];
    private readonly HashSet<(QualifiedName, string)> _rules = [];
    private readonly HashSet<QualifiedName> _types = [];
    private readonly HashSet<QualifiedName> _sequences = [];
    private readonly HashSet<QualifiedName> _routines = [];
    private readonly HashSet<string> _schemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _extensions = new(StringComparer.Ordinal);

    private DevSubset()
    {
    }

    /// <summary>The model to run on the scratch database: the seeds and their support.</summary>
    public Database Model { get; private set; } = Database.Empty;

    /// <summary>How many objects are seeds (none: the desired schema already reads as the database does).</summary>
    public int SeedCount => _tables.Count + _constraints.Count + _views.Count + _indexes.Count + _triggers.Count + _policies.Count + _rules.Count + _types.Count
        + _sequences.Count + _routines.Count + _schemas.Count + _extensions.Count;

    /// <summary>
    /// The subset of <paramref name="desired"/> (in the offline normal form) that differs from <paramref name="current"/>
    /// (inspected), or null when the schema holds what the subset cannot follow (statements kept verbatim, partition
    /// index attachments): then the whole source goes to the dev database.
    /// </summary>
    public static DevSubset? Select(Database current, Database desired, SourceMap? map)
    {
        if (desired.Opaque.Count > 0 || desired.IndexAttachments.Count > 0) return null;
        var s = new DevSubset();
        foreach (var change in SchemaDiffer.Compare(current, desired, map).Changes) s.Seed(change, desired);
        s.Expand(desired);
        s.Model = s.Build(desired);
        return s;
    }

    /// <summary>The subset of <paramref name="desired"/> that the given changes (to its objects) name, with what they need.</summary>
    public static DevSubset ForChanges(Database desired, IEnumerable<SchemaChange> changes)
    {
        var s = new DevSubset();
        foreach (var change in changes) s.Seed(change, desired);
        s.Expand(desired);
        s.Model = s.Build(desired);
        return s;
    }

    private void Seed(SchemaChange change, Database desired)
    {
        switch (change)
        {
            case AddTable a: _tables.Add(a.Table.Name); break;
            case ModifyTable m: _tables.Add(m.To.Name); break;
            case RebuildTable r: _tables.Add(r.To.Name); break;
            case RenameTable r: _tables.Add(r.To); break;
            case AddColumn a: _tables.Add(a.Table); break;
            case ModifyColumn m: _tables.Add(m.Table); break;
            case RenameColumn r: _tables.Add(r.Table); break;
            // A constraint's printed form depends on its table's columns, not on the rest of the table: it goes alone.
            // What only the database has (a dropped column, constraint or index) needs no server's form.
            case AddConstraint a: _constraints.Add((a.Table, a.Name)); break;
            case RenameConstraint r: _constraints.Add((r.Table, r.To)); break;
            case AddIndex a: _indexes.Add(a.Index.Name); break;
            case RenameIndex r: _indexes.Add(r.To.Name); break;
            case AddView a: _views.Add(a.View.Name); break;
            case AddTrigger a: _triggers.Add((a.Trigger.Table, a.Trigger.Name)); break;
            case AddPolicy a: _policies.Add((a.Policy.Table, a.Policy.Name)); break;
            case AddRule a: _rules.Add((a.Rule.Table, a.Rule.Name)); break;
            case AddType a: _types.Add(a.Name); break;
            case AddEnumValue a: _types.Add(a.Enum.Name); break;
            case ModifyDomain m: _types.Add(m.To.Name); break;
            case RecreateEnum r: _types.Add(r.To.Name); break;
            case AddSequence a: _sequences.Add(a.Sequence.Name); break;
            case ModifySequence m: _sequences.Add(m.To.Name); break;
            case SetSequenceOwner o: _sequences.Add(o.Sequence); break;
            case AddRoutine a: _routines.Add(a.Routine.Name); break;
            case ReplaceRoutine r: _routines.Add(r.To.Name); break;
            case AddSchema a: _schemas.Add(a.Schema.Name); break;
            case AddExtension a: _extensions.Add(a.Extension.Name); break;
            case SetComment c:
                switch (c.Target.Kind)
                {
                    case SourceKind.Constraint when c.Target.Member != null:
                        _constraints.Add((c.Target.Name, c.Target.Member));
                        break;
                    case SourceKind.Table or SourceKind.Column or SourceKind.Constraint or SourceKind.Trigger or SourceKind.Policy or SourceKind.Rule:
                        if (desired.FindTable(c.Target.Name) != null) _tables.Add(c.Target.Name);
                        else _views.Add(c.Target.Name);
                        break;
                    case SourceKind.View: _views.Add(c.Target.Name); break;
                    case SourceKind.Index: _indexes.Add(c.Target.Name); break;
                    case SourceKind.Type: _types.Add(c.Target.Name); break;
                    case SourceKind.Sequence: _sequences.Add(c.Target.Name); break;
                    case SourceKind.Routine: _routines.Add(c.Target.Name); break;
                    case SourceKind.Schema: _schemas.Add(c.Target.Name.Schema); break;
                }
                break;
        }
    }

    /// <summary>A seed table brings its indexes, triggers, policies and rules; a view that reads a seed is a seed too.</summary>
    private void Expand(Database desired)
    {
        foreach (var i in desired.Indexes.Where(i => _tables.Contains(i.Table))) _indexes.Add(i.Name);
        foreach (var t in desired.Triggers.Where(t => _tables.Contains(t.Table))) _triggers.Add((t.Table, t.Name));
        foreach (var p in desired.Policies.Where(p => _tables.Contains(p.Table))) _policies.Add((p.Table, p.Name));
        foreach (var r in desired.Rules.Where(r => _tables.Contains(r.Table))) _rules.Add((r.Table, r.Name));
        var references = desired.Views.ToDictionary(v => v.Name, v => MigrationPlanner.ReferencedNames(v.Query));
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var v in desired.Views.Where(v => !_views.Contains(v.Name)))
            {
                if (!_tables.Any(t => MigrationPlanner.Mentions(references[v.Name], t)) && !_views.Any(w => MigrationPlanner.Mentions(references[v.Name], w))) continue;
                _views.Add(v.Name);
                grew = true;
            }
        }
        // Indexes, triggers and rules on views (materialized views' indexes, INSTEAD OF triggers) go with them.
        foreach (var i in desired.Indexes.Where(i => _views.Contains(i.Table))) _indexes.Add(i.Name);
        foreach (var t in desired.Triggers.Where(t => _views.Contains(t.Table))) _triggers.Add((t.Table, t.Name));
        foreach (var r in desired.Rules.Where(r => _views.Contains(r.Table))) _rules.Add((r.Table, r.Name));
    }

    private Database Build(Database desired)
    {
        var tables = desired.Tables.ToDictionary(t => t.Name);
        var views = desired.Views.ToDictionary(v => v.Name);
        var supportTables = new HashSet<QualifiedName>(_tables);
        var supportViews = new HashSet<QualifiedName>(_views);
        var pending = new Queue<QualifiedName>();
        void NeedRelation(QualifiedName name)
        {
            if (tables.ContainsKey(name) && supportTables.Add(name)) pending.Enqueue(name);
            else if (views.ContainsKey(name) && supportViews.Add(name)) pending.Enqueue(name);
        }
        void NeedMentioned(string query)
        {
            var names = MigrationPlanner.ReferencedNames(query);
            foreach (var t in desired.Tables.Where(t => MigrationPlanner.Mentions(names, t.Name))) NeedRelation(t.Name);
            foreach (var v in desired.Views.Where(v => MigrationPlanner.Mentions(names, v.Name))) NeedRelation(v.Name);
        }
        foreach (var name in supportTables.Concat(supportViews).ToList()) pending.Enqueue(name);
        foreach (var (table, name) in _constraints)
        {
            NeedRelation(table);
            if (tables.TryGetValue(table, out var t) && t.ForeignKeys.FirstOrDefault(f => f.Name == name) is { } fk) NeedRelation(fk.ReferencedTable);
        }
        foreach (var i in desired.Indexes.Where(i => _indexes.Contains(i.Name))) NeedRelation(i.Table);
        foreach (var t in desired.Triggers.Where(t => _triggers.Contains((t.Table, t.Name)))) NeedRelation(t.Table);
        foreach (var p in desired.Policies.Where(p => _policies.Contains((p.Table, p.Name)))) NeedRelation(p.Table);
        foreach (var r in desired.Rules.Where(r => _rules.Contains((r.Table, r.Name))))
        {
            NeedRelation(r.Table);
            NeedMentioned(r.Definition);
        }
        foreach (var s in desired.Sequences.Where(s => _sequences.Contains(s.Name) && s.OwnedBy != null)) NeedRelation(s.OwnedBy!.Table);
        while (pending.TryDequeue(out var name))
        {
            if (tables.TryGetValue(name, out var t))
            {
                if (t.PartitionOf != null) NeedRelation(t.PartitionOf.Parent);
                foreach (var parent in t.Inherits) NeedRelation(parent);
                if (_tables.Contains(name))
                {
                    foreach (var fk in t.ForeignKeys) NeedRelation(fk.ReferencedTable);
                }
            }
            else if (views.TryGetValue(name, out var v))
            {
                NeedMentioned(v.Query);
            }
        }
        // A table that is only support keeps what others need of it (columns, keys, checks), not its foreign keys to
        // tables outside the subset; a sequence keeps its owner only when the owner is there.
        var subsetTables = desired.Tables.Where(t => supportTables.Contains(t.Name))
            .Select(t => _tables.Contains(t.Name) ? t : t with { ForeignKeys = t.ForeignKeys.Where(f => _constraints.Contains((t.Name, f.Name)) && supportTables.Contains(f.ReferencedTable)).ToEquatableArray() })
            .ToEquatableArray();
        return desired with
        {
            Tables = subsetTables,
            Views = desired.Views.Where(v => supportViews.Contains(v.Name)).ToEquatableArray(),
            Indexes = desired.Indexes.Where(i => _indexes.Contains(i.Name) || (i.Unique && supportTables.Contains(i.Table))).ToEquatableArray(),
            Triggers = desired.Triggers.Where(t => _triggers.Contains((t.Table, t.Name))).ToEquatableArray(),
            Policies = desired.Policies.Where(p => _policies.Contains((p.Table, p.Name))).ToEquatableArray(),
            Rules = desired.Rules.Where(r => _rules.Contains((r.Table, r.Name))).ToEquatableArray(),
            Sequences = desired.Sequences.Select(s => s.OwnedBy != null && !supportTables.Contains(s.OwnedBy.Table) ? s with { OwnedBy = null } : s).ToEquatableArray(),
            Grants = default,
            DefaultPrivileges = default,
            Opaque = default,
            IndexAttachments = default,
        };
    }

    /// <summary>
    /// The desired schema with each seed in the form the dev database gave it (<paramref name="normalized"/>, the subset
    /// read back); everything else keeps its offline form, which already matched the database.
    /// </summary>
    public Database Splice(Database desired, Database normalized)
    {
        EquatableArray<T> Replace<T, TKey>(EquatableArray<T> mine, EquatableArray<T> theirs, Func<T, TKey> key, Func<TKey, bool> seed, Func<IEnumerable<T>, IOrderedEnumerable<T>> order)
            where T : IEquatable<T> =>
            order(mine.Where(x => !seed(key(x))).Concat(theirs.Where(x => seed(key(x))))).ToEquatableArray();
        return desired with
        {
            Schemas = Replace(desired.Schemas, normalized.Schemas, s => s.Name, _schemas.Contains, x => x.OrderBy(s => s.Name, StringComparer.Ordinal)),
            Extensions = Replace(desired.Extensions, normalized.Extensions, e => e.Name, _extensions.Contains, x => x.OrderBy(e => e.Name, StringComparer.Ordinal)),
            Enums = Replace(desired.Enums, normalized.Enums, e => e.Name, _types.Contains, x => x.OrderBy(e => e.Name)),
            Domains = Replace(desired.Domains, normalized.Domains, d => d.Name, _types.Contains, x => x.OrderBy(d => d.Name)),
            CompositeTypes = Replace(desired.CompositeTypes, normalized.CompositeTypes, c => c.Name, _types.Contains, x => x.OrderBy(c => c.Name)),
            OtherTypes = Replace(desired.OtherTypes, normalized.OtherTypes, o => o.Name, _types.Contains, x => x.OrderBy(o => o.Name)),
            Sequences = Replace(desired.Sequences, normalized.Sequences, s => s.Name, _sequences.Contains, x => x.OrderBy(s => s.Name)),
            Tables = Replace(desired.Tables, normalized.Tables, t => t.Name, _tables.Contains, x => x.OrderBy(t => t.Name)).Select(t => WithConstraints(t, normalized)).ToEquatableArray(),
            Indexes = Replace(desired.Indexes, normalized.Indexes, i => i.Name, _indexes.Contains, x => x.OrderBy(i => i.Name)),
            Views = Replace(desired.Views, normalized.Views, v => v.Name, _views.Contains, x => x.OrderBy(v => v.Name)),
            Routines = Replace(desired.Routines, normalized.Routines, r => r.Name, _routines.Contains, x => x.OrderBy(r => r.Name).ThenBy(r => r.ArgumentTypes, StringComparer.Ordinal)),
            Triggers = Replace(desired.Triggers, normalized.Triggers, t => (t.Table, t.Name), _triggers.Contains, x => x.OrderBy(t => t.Table).ThenBy(t => t.Name, StringComparer.Ordinal)),
            Policies = Replace(desired.Policies, normalized.Policies, p => (p.Table, p.Name), _policies.Contains, x => x.OrderBy(p => p.Table).ThenBy(p => p.Name, StringComparer.Ordinal)),
            Rules = Replace(desired.Rules, normalized.Rules, r => (r.Table, r.Name), _rules.Contains, x => x.OrderBy(r => r.Table).ThenBy(r => r.Name, StringComparer.Ordinal)),
        };
    }

    /// <summary>A table that is not a seed, with its seed constraints in the form the dev database gave them.</summary>
    private Table WithConstraints(Table table, Database normalized)
    {
        if (_tables.Contains(table.Name) || !_constraints.Any(c => c.Item1 == table.Name) || normalized.FindTable(table.Name) is not { } server) return table;
        bool Seed(string name) => _constraints.Contains((table.Name, name));
        EquatableArray<T> Swap<T>(EquatableArray<T> mine, EquatableArray<T> theirs, Func<T, string> name)
            where T : IEquatable<T> =>
            mine.Select(x => Seed(name(x)) && theirs.FirstOrDefault(y => name(y) == name(x)) is { } y ? y : x).ToEquatableArray();
        return table with
        {
            PrimaryKey = table.PrimaryKey is { } pk && Seed(pk.Name) && server.PrimaryKey is { } spk && spk.Name == pk.Name ? spk : table.PrimaryKey,
            Uniques = Swap(table.Uniques, server.Uniques, u => u.Name),
            ForeignKeys = Swap(table.ForeignKeys, server.ForeignKeys, f => f.Name),
            Checks = Swap(table.Checks, server.Checks, c => c.Name),
            Exclusions = Swap(table.Exclusions, server.Exclusions, e => e.Name),
        };
    }
}
