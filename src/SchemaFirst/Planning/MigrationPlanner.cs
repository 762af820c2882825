using System.Security.Cryptography;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Diff;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Planning;

/// <summary>
/// Plans a migration: diffs two models, adds what the changes force (views recreated around the columns they read,
/// foreign keys dropped and re-added around the keys and types they depend on), puts the changes in a fixed phase order
/// (EF Core's: drop dependants, drop, create in dependency order, then constraints, views, comments, privileges), and
/// lets the dialect's migration generator write each one. Same inputs, same plan, byte for byte.
/// </summary>
public static class MigrationPlanner
{
    /// <param name="toReprinted">The desired schema as the engine reads its own printed form again, where that differs.</param>
    /// <param name="fingerprints">The fingerprints of the same two models from an earlier plan, so they are not rendered again.</param>
    public static MigrationPlan Plan(Database from, Database to, SourceMap? toSourceMap, ISqlDialect dialect, PlanOptions? options = null, Database? toReprinted = null,
        (string From, string To)? fingerprints = null)
    {
        options ??= new PlanOptions();
        if (dialect is not IMigrationDialect migrations)
        {
            throw new NotSupportedException($"SchemaFirst does not plan migrations for {dialect.DisplayName} yet");
        }
        // The fingerprints render both models in full: on other cores while the diff runs.
        var current = from;
        var fromText = fingerprints is not null ? null : Task.Run(() => dialect.Generate(current, new SqlGenerationOptions()).Text);
        var fromPrint = fingerprints is { } known ? Task.FromResult(known.From) : fromText!.ContinueWith(t => FingerprintOf(t.Result), TaskScheduler.Default);
        var toPrint = fingerprints is { } knownTo ? Task.FromResult(knownTo.To) : Task.Run(() => Fingerprint(dialect, to));
        if (toReprinted != null) from = SchemaDiffer.Aligned(from, to, toReprinted);
        var diff = SchemaDiffer.Compare(from, to, toSourceMap);
        var changes = Expand(diff.Changes.ToList(), from, to);
        Restore(changes, from, to, dialect);
        var generator = migrations.CreateMigrationGenerator(from, to, options);
        changes = generator.Rewrite(changes);
        var ordered = Order(changes, from, to);
        var statements = new List<PlannedStatement>();
        foreach (var change in ordered) statements.AddRange(generator.Generate(change));
        if (statements.Count > 0)
        {
            var preamble = generator.Preamble(ordered);
            if (preamble.Count > 0) statements.InsertRange(0, preamble.Select(p => new PlannedStatement(p, ordered[0], [])));
        }
        return new MigrationPlan(dialect.Name, ordered, statements, diff.Diagnostics, diff.Suggestions, fromPrint.GetAwaiter().GetResult(), toPrint.GetAwaiter().GetResult())
        {
            FromSchema = fromText?.GetAwaiter().GetResult(),
        };
    }

    /// <summary>A hash of the model's canonical DDL: equal models, equal fingerprints.</summary>
    public static string Fingerprint(ISqlDialect dialect, Database model) => FingerprintOf(dialect.Generate(model, new SqlGenerationOptions()).Text);

    /// <summary>The fingerprint of a model's canonical DDL text.</summary>
    public static string FingerprintOf(string canonicalDdl) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalDdl)));

    /// <summary>Adds the changes the diff forces on objects that did not change themselves.</summary>
    private static List<SchemaChange> Expand(List<SchemaChange> changes, Database from, Database to)
    {
        var droppedTables = changes.OfType<DropTable>().Select(c => c.Table.Name).ToHashSet();
        var droppedConstraints = changes.OfType<DropConstraint>().Select(c => (c.Table, c.Name)).ToHashSet();
        var addedConstraints = changes.OfType<AddConstraint>().Select(c => (c.Table, c.Name)).ToHashSet();
        var toTables = to.Tables.ToDictionary(t => t.Name);
        var fromTables = from.Tables.ToDictionary(t => t.Name);
        var extra = new List<SchemaChange>();
        void DropAndRestore(Table t, ForeignKey fk)
        {
            if (!droppedConstraints.Add((t.Name, fk.Name))) return;
            extra.Add(new DropConstraint(t.Name, fk.Name, fk));
            if (toTables.GetValueOrDefault(t.Name)?.ForeignKeys.FirstOrDefault(f => f.Name == fk.Name) is { } kept && !addedConstraints.Contains((t.Name, fk.Name)))
            {
                extra.Add(new AddConstraint(t.Name, kept.Name, kept with { Comment = null }));
            }
        }
        // Foreign keys between tables that go: dropped first, so the tables can go in any order.
        foreach (var t in from.Tables.Where(t => droppedTables.Contains(t.Name)))
        {
            foreach (var fk in t.ForeignKeys.Where(f => droppedTables.Contains(f.ReferencedTable) && f.ReferencedTable != t.Name))
            {
                if (droppedConstraints.Add((t.Name, fk.Name))) extra.Add(new DropConstraint(t.Name, fk.Name, fk));
            }
        }
        // A key that is dropped (or re-made) takes the foreign keys that depend on it; they come back if they stay.
        var retyped = changes.OfType<ModifyColumn>().Where(c => (c.Changes & (ColumnChange.Type | ColumnChange.Collation)) != 0)
            .Select(c => (c.Table, c.From.Name)).ToHashSet();
        var droppedKeys = changes.OfType<DropConstraint>().Where(d => d.Constraint is PrimaryKey or UniqueConstraint).ToLookup(d => d.Table);
        foreach (var t in from.Tables.Where(t => !droppedTables.Contains(t.Name)))
        {
            foreach (var fk in t.ForeignKeys)
            {
                var keyDropped = fromTables.ContainsKey(fk.ReferencedTable) && droppedKeys[fk.ReferencedTable].Any(d => KeyColumns(d.Constraint).ToHashSet().SetEquals(fk.ReferencedColumns));
                var typeChanged = fk.Columns.Any(c => retyped.Contains((t.Name, c))) || fk.ReferencedColumns.Any(c => retyped.Contains((fk.ReferencedTable, c)));
                if (keyDropped || typeChanged) DropAndRestore(t, fk);
            }
        }
        changes.AddRange(extra);
        // Indexes of a view (materialized) that is dropped go with it; a view made again gets them back.
        var goneViews = changes.OfType<DropView>().Select(c => c.View.Name).ToHashSet();
        changes.RemoveAll(c => c is DropIndex d && goneViews.Contains(d.Index.Table));
        var addedIndexes = changes.OfType<AddIndex>().Select(a => a.Index.Name).ToHashSet();
        foreach (var v in changes.OfType<AddView>().Where(a => goneViews.Contains(a.View.Name)).ToList())
        {
            foreach (var i in to.Indexes.Where(i => i.Table == v.View.Name && addedIndexes.Add(i.Name))) changes.Add(new AddIndex(i));
        }
        // A sequence owned by a column goes with the column (or its table): dropping it again would fail.
        var droppedColumns = changes.OfType<DropColumn>().Select(c => (c.Table, c.Column.Name)).ToHashSet();
        changes.RemoveAll(c => c is DropSequence { Sequence.OwnedBy: { } owner } && (droppedTables.Contains(owner.Table) || droppedColumns.Contains((owner.Table, owner.Column))));
        // Views that read a table whose columns change type or go are dropped and re-created around the change.
        var touched = changes.OfType<ModifyColumn>().Where(c => (c.Changes & (ColumnChange.Type | ColumnChange.Collation | ColumnChange.Generated)) != 0).Select(c => c.Table)
            .Concat(changes.OfType<DropColumn>().Select(c => c.Table)).Concat(droppedTables).ToHashSet();
        var droppedViews = changes.OfType<DropView>().Select(c => c.View.Name).ToHashSet();
        var references = from.Views.ToDictionary(v => v.Name, v => ReferencedNames(v.Query));
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var v in from.Views)
            {
                if (droppedViews.Contains(v.Name)) continue;
                if (!touched.Any(t => Mentions(references[v.Name], t)) && !droppedViews.Any(w => Mentions(references[v.Name], w))) continue;
                droppedViews.Add(v.Name);
                changes.Add(new DropView(v));
                if (to.Views.FirstOrDefault(x => x.Name == v.Name) is { } again && !changes.OfType<AddView>().Any(a => a.View.Name == v.Name)) changes.Add(new AddView(again));
                grew = true;
            }
        }
        return changes;
    }

    /// <summary>
    /// An object that is dropped and created again loses its comments and privileges: they are set again from the
    /// desired schema, unless the diff sets them already.
    /// </summary>
    private static void Restore(List<SchemaChange> changes, Database from, Database to, ISqlDialect dialect)
    {
        var comments = changes.OfType<SetComment>().Select(c => c.Target).ToHashSet();
        var grants = changes.OfType<GrantPrivilege>().Select(c => c.Grant).ToHashSet();
        var fromViews = from.Views.Select(v => v.Name).ToHashSet();
        var fromIndexes = from.Indexes.Select(i => i.Name).ToHashSet();
        var fromTables = from.Tables.ToDictionary(t => t.Name);
        var toTables = to.Tables.ToDictionary(t => t.Name);
        var grantsByObject = to.Grants.ToLookup(g => g.Object);
        var extra = new List<SchemaChange>();
        void Comment(CommentTarget target, string? text)
        {
            if (text != null && comments.Add(target)) extra.Add(new SetComment(target, null, text));
        }
        void Grants(string objectName)
        {
            foreach (var g in grantsByObject[objectName].Where(grants.Add)) extra.Add(new GrantPrivilege(g));
        }
        foreach (var change in changes)
        {
            switch (change)
            {
                case AddView a when fromViews.Contains(a.View.Name):
                    Comment(new CommentTarget(SourceKind.View, a.View.Name), a.View.Comment);
                    foreach (var c in a.View.ColumnComments) Comment(new CommentTarget(SourceKind.Column, a.View.Name, c.Column), c.Comment);
                    Grants(dialect.QuoteName(a.View.Name));
                    break;
                case AddIndex a when fromIndexes.Contains(a.Index.Name):
                    Comment(new CommentTarget(SourceKind.Index, a.Index.Name), a.Index.Comment);
                    break;
                case AddConstraint a when fromTables.GetValueOrDefault(a.Table) is { } t && ConstraintNames(t).Contains(a.Name):
                    Comment(new CommentTarget(SourceKind.Constraint, a.Table, a.Name), ConstraintComment(toTables.GetValueOrDefault(a.Table), a.Name));
                    break;
                case AddTrigger a when from.Triggers.Any(t => t.Table == a.Trigger.Table && t.Name == a.Trigger.Name):
                    Comment(new CommentTarget(SourceKind.Trigger, a.Trigger.Table, a.Trigger.Name), a.Trigger.Comment);
                    break;
                case AddPolicy a when from.Policies.Any(p => p.Table == a.Policy.Table && p.Name == a.Policy.Name):
                    Comment(new CommentTarget(SourceKind.Policy, a.Policy.Table, a.Policy.Name), a.Policy.Comment);
                    break;
                case AddRoutine a when from.Routines.Any(r => r.Name == a.Routine.Name && r.ArgumentTypes == a.Routine.ArgumentTypes):
                    Comment(new CommentTarget(SourceKind.Routine, a.Routine.Name, a.Routine.ArgumentTypes), a.Routine.Comment);
                    Grants(dialect.QuoteName(a.Routine.Name) + "(" + a.Routine.ArgumentTypes + ")");
                    break;
                case AddType a when from.Enums.Any(e => e.Name == a.Name) || from.Domains.Any(d => d.Name == a.Name) || from.CompositeTypes.Any(c => c.Name == a.Name):
                    var typeComment = a.Definition switch { DomainType d => d.Comment, CompositeType ct => ct.Comment, EnumType e => e.Comment, _ => null };
                    Comment(new CommentTarget(SourceKind.Type, a.Name, a.Definition is DomainType ? "domain" : null), typeComment);
                    Grants(dialect.QuoteName(a.Name));
                    break;
            }
        }
        changes.AddRange(extra);
    }

    private static HashSet<string> ConstraintNames(Table t)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (t.PrimaryKey != null) names.Add(t.PrimaryKey.Name);
        foreach (var n in t.Uniques.Select(u => u.Name).Concat(t.ForeignKeys.Select(f => f.Name)).Concat(t.Checks.Select(c => c.Name)).Concat(t.Exclusions.Select(x => x.Name))) names.Add(n);
        return names;
    }

    private static string? ConstraintComment(Table? t, string name) =>
        t == null ? null
        : t.PrimaryKey?.Name == name ? t.PrimaryKey.Comment
        : t.Uniques.FirstOrDefault(u => u.Name == name)?.Comment ?? t.ForeignKeys.FirstOrDefault(f => f.Name == name)?.Comment
          ?? t.Checks.FirstOrDefault(c => c.Name == name)?.Comment ?? t.Exclusions.FirstOrDefault(x => x.Name == name)?.Comment;

    private static IEnumerable<string> KeyColumns(object constraint) => constraint switch
    {
        PrimaryKey p => p.Columns,
        UniqueConstraint u => u.Columns,
        _ => [],
    };

    /// <summary>The identifiers a query names (unqualified and qualified), to find what it reads.</summary>
    internal static HashSet<string> ReferencedNames(string query)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var tokens = SqlLexer.Tokenize(query);
        var c = new TokenCursor(query, tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier)) continue;
            var name = c.IdentifierValue(tokens[i]);
            names.Add(name);
            if (i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.Dot && tokens[i + 2].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
            {
                names.Add(name + "." + c.IdentifierValue(tokens[i + 2]));
            }
        }
        return names;
    }

    internal static bool Mentions(HashSet<string> names, QualifiedName relation) => names.Contains(relation.Schema + "." + relation.Name) || names.Contains(relation.Name);

    // The phase of each kind of change; within a phase, dependencies between objects decide, then the differ's order.
    private static int Rank(SchemaChange c) => c switch
    {
        DropTrigger or DropPolicy or DropRule => 1,
        DropView => 2,
        DropConstraint { Constraint: ForeignKey } => 3,
        DropConstraint => 4,
        DropIndex => 5,
        // An aggregate goes before the functions it is made of, and comes after them.
        DropRoutine { Routine.Kind: RoutineKind.Aggregate } => 5,
        DropRoutine => 6,
        DropTable => 7,
        DropColumn => 8,
        DropType => 10,
        AddSchema or AddExtension => 11,
        AddType or RecreateEnum => 12,
        AddEnumValue => 13,
        AddSequence or ModifySequence or ModifyDomain => 14,
        RenameTable => 15,
        RenameColumn or RenameConstraint or RenameIndex => 16,
        AddRoutine or ReplaceRoutine => 17,
        AddTable or AddRoutine { Routine.Kind: RoutineKind.Aggregate } => 18,
        AddColumn => 19,
        // A partition detached from a parent that goes would go with it: it is detached first.
        ModifyTable { From.PartitionOf: not null, To.PartitionOf: null } => 6,
        ModifyColumn or ModifyTable or RebuildTable => 20,
        AddConstraint { Constraint: not ForeignKey } => 21,
        AddIndex => 22,
        AddConstraint => 23,
        AddView => 24,
        AddTrigger or AddPolicy or AddRule => 25,
        // After the column defaults that used it are changed (a serial made an identity column).
        SetSequenceOwner or DropSequence or DropRetiredType => 26,
        SetComment => 27,
        RevokePrivilege or RevokeDefaultPrivilege => 28,
        GrantPrivilege or GrantDefaultPrivilege => 29,
        DropSchema or DropExtension => 30,
        _ => 31,
    };

    private static List<SchemaChange> Order(List<SchemaChange> changes, Database from, Database to)
    {
        var order = new DependencyOrder<SchemaChange>();
        var keys = new Dictionary<SchemaChange, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < changes.Count; i++)
        {
            var key = i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            keys[changes[i]] = key;
            order.Add(changes[i], Rank(changes[i]), key);
        }
        // Views: a view is created after the views it reads, and dropped before them.
        var adds = changes.OfType<AddView>().ToList();
        foreach (var a in adds)
        {
            var names = ReferencedNames(a.View.Query);
            foreach (var b in adds.Where(b => b != a && Mentions(names, b.View.Name))) order.Depend(keys[a], keys[b]);
        }
        var drops = changes.OfType<DropView>().ToList();
        foreach (var a in drops)
        {
            var names = ReferencedNames(a.View.Query);
            foreach (var b in drops.Where(b => b != a && Mentions(names, b.View.Name))) order.Depend(keys[b], keys[a]);
        }
        // Tables: partitions and inheriting tables are created after their parents, and dropped before them (dropping a
        // parent takes its partitions along).
        static IEnumerable<QualifiedName> Parents(Table t) => t.PartitionOf != null ? t.Inherits.Append(t.PartitionOf.Parent) : t.Inherits;
        var newTables = changes.OfType<AddTable>().ToDictionary(c => c.Table.Name, c => (SchemaChange)c);
        var goneTables = changes.OfType<DropTable>().ToDictionary(c => c.Table.Name, c => (SchemaChange)c);
        foreach (var t in changes.OfType<AddTable>())
        {
            foreach (var p in Parents(t.Table).Where(newTables.ContainsKey)) order.Depend(keys[t], keys[newTables[p]]);
        }
        foreach (var t in changes.OfType<DropTable>())
        {
            foreach (var p in Parents(t.Table).Where(goneTables.ContainsKey)) order.Depend(keys[goneTables[p]], keys[t]);
        }
        // A routine whose arguments or result name a new table, view or type (RETURNS SETOF t) comes after it.
        var relations = changes.OfType<AddTable>().Select(c => (c.Table.Name, (SchemaChange)c)).Concat(changes.OfType<AddView>().Select(c => (c.View.Name, (SchemaChange)c)))
            .Concat(changes.OfType<AddType>().Select(c => (c.Name, (SchemaChange)c))).ToList();
        foreach (var r in changes.Where(c => c is AddRoutine or ReplaceRoutine))
        {
            var routine = r is AddRoutine a ? a.Routine : ((ReplaceRoutine)r).To;
            var head = routine.Definition.IndexOf('\n', StringComparison.Ordinal) is var nl and >= 0 ? routine.Definition[..nl] : routine.Definition;
            var names = ReferencedNames(head);
            foreach (var (name, change) in relations.Where(x => Mentions(names, x.Name))) order.Depend(keys[r], keys[change]);
        }
        // An index on a view is made after the view.
        var newViews = changes.OfType<AddView>().ToDictionary(c => c.View.Name);
        foreach (var i in changes.OfType<AddIndex>())
        {
            if (newViews.TryGetValue(i.Index.Table, out var view)) order.Depend(keys[i], keys[view]);
        }
        // Types: a domain after its base type, a composite after the types of its attributes.
        var newTypes = changes.OfType<AddType>().ToDictionary(c => c.Name);
        foreach (var t in newTypes.Values)
        {
            var uses = t.Definition switch
            {
                DomainType d => [d.BaseType.UserType],
                CompositeType ct => ct.Attributes.Select(a => a.Type.UserType),
                _ => [],
            };
            foreach (var u in uses)
            {
                if (u != null && newTypes.TryGetValue(u, out var dep)) order.Depend(keys[t], keys[dep]);
            }
        }
        return order.Sort();
    }
}
