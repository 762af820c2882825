using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Diff;
using SchemaFirst.Model;
using SchemaFirst.Planning;

namespace SchemaFirst.Drift;

/// <summary>
/// Compares a live database with its source at the level of columns and definitions: the differ's changes turned into
/// missing, extra and changed objects (a drop and an add of the same object are one changed object), each with what
/// differs, its place in the source, its definition on both sides, and the SQL that would bring the database back.
/// Column order is not drift.
/// </summary>
public static class DriftAnalyzer
{
    /// <param name="database">The live database, inspected.</param>
    /// <param name="source">The source in the same dialect's normal form.</param>
    /// <param name="reprinted">The source as the server reads its own printed form again, where that differs.</param>
    public static DriftReport Analyze(string sourceName, string databaseName, Database database, Database source, SourceMap? map, ISqlDialect dialect, Database? reprinted = null)
    {
        var db = reprinted != null ? SchemaDiffer.Aligned(database, source, reprinted) : database;
        var diff = SchemaDiffer.Compare(db, source, map);
        var migrations = dialect as IMigrationDialect;
        var forward = migrations?.CreateMigrationGenerator(db, source, new PlanOptions());
        var backward = migrations?.CreateMigrationGenerator(source, db, new PlanOptions());
        var items = new List<DriftItem>();
        var changes = diff.Changes.ToList();
        var adds = changes.Where(c => c.Verb == "add" && ObjectKey(c) != null).GroupBy(c => ObjectKey(c)!).ToDictionary(g => g.Key, g => g.First());
        var paired = new HashSet<SchemaChange>(ReferenceEqualityComparer.Instance);
        foreach (var change in changes)
        {
            if (paired.Contains(change)) continue;
            // A column moved over to its enum made again keeps its type's name: the enum's item says what changed.
            if (change is ModifyColumn { Changes: ColumnChange.Type } same && same.From.Type.Text == same.To.Type.Text) continue;
            if (change.Verb == "drop" && ObjectKey(change) is { } key && adds.TryGetValue(key, out var add))
            {
                paired.Add(add);
                var (dbSql, sourceSql) = (Sql(backward, Inverse(change)), Sql(forward, add));
                // Dropped and added around another change (an enum made again): not drift of its own.
                if (dbSql != null && dbSql == sourceSql) continue;
                items.Add(Item(DriftState.Changed, add, [Definitions(dbSql, sourceSql)], map, dbSql, sourceSql, [.. Fix(forward, change), .. Fix(forward, add)]));
                continue;
            }
            items.Add(change switch
            {
                _ when change.Verb == "add" => Item(DriftState.Missing, change, Details(change), map, null, Sql(forward, change), Fix(forward, change)),
                _ when change.Verb == "drop" => Item(DriftState.Extra, change, Details(change), map, Sql(backward, Inverse(change)), null, Fix(forward, change)),
                ReplaceRoutine r => Item(DriftState.Changed, change, ["definition differs"], map, Sql(backward, new AddRoutine(r.From)), Sql(forward, new AddRoutine(r.To)), Fix(forward, change)),
                _ => Item(DriftState.Changed, change, Details(change), map, null, null, Fix(forward, change)),
            });
        }
        var ordered = items.OrderBy(i => i.Location?.Path ?? "\uffff", StringComparer.Ordinal).ThenBy(i => i.Location?.Line ?? 0).ThenBy(i => i.Location?.Column ?? 0)
            .ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Object, StringComparer.Ordinal).ThenBy(i => i.State).ToList();
        return new DriftReport(sourceName, databaseName, ordered, diff.Diagnostics);
    }

    private static DriftItem Item(DriftState state, SchemaChange change, IReadOnlyList<string> details, SourceMap? map, string? databaseSql, string? sourceSql, IReadOnlyList<string> fix)
    {
        var subject = change.Subject;
        if (change is ModifyColumn or ModifyTable && subject.LastIndexOf(": ", StringComparison.Ordinal) is var colon and > 0) subject = subject[..colon];
        var space = subject.IndexOf(' ', StringComparison.Ordinal);
        var (kind, name) = space > 0 ? (subject[..space], subject[(space + 1)..]) : (subject, string.Empty);
        return new DriftItem(state, kind, name, details, Locate(change, map), databaseSql, sourceSql, fix);
    }

    private static List<string> Details(SchemaChange change)
    {
        static string Or(string? value, string none = "none") => value ?? none;
        var details = new List<string>();
        switch (change)
        {
            case ModifyColumn m:
                var (a, b) = (m.From, m.To);
                if (m.Changes.HasFlag(ColumnChange.Type)) details.Add($"type: the database has {a.Type.Text}, the source {b.Type.Text}");
                if (m.Changes.HasFlag(ColumnChange.Nullability)) details.Add(b.NotNull ? "nullability: the database allows NULL, the source says NOT NULL" : "nullability: the database says NOT NULL, the source allows NULL");
                if (m.Changes.HasFlag(ColumnChange.Default)) details.Add($"default: the database has {Or(a.Default)}, the source {Or(b.Default)}");
                if (m.Changes.HasFlag(ColumnChange.Identity)) details.Add($"identity: the database has {IdentityText(a.Identity)}, the source {IdentityText(b.Identity)}");
                if (m.Changes.HasFlag(ColumnChange.Generated)) details.Add($"generated: the database has {Or(a.Generated?.Expression)}, the source {Or(b.Generated?.Expression)}");
                if (m.Changes.HasFlag(ColumnChange.Collation)) details.Add($"collation: the database has {Or(a.Collation, "the default")}, the source {Or(b.Collation, "the default")}");
                if (m.Changes.HasFlag(ColumnChange.Storage)) details.Add($"storage: the database has {Or(a.Storage, "the type's")}, the source {Or(b.Storage, "the type's")}");
                if (m.Changes.HasFlag(ColumnChange.Compression)) details.Add($"compression: the database has {Or(a.Compression, "the default")}, the source {Or(b.Compression, "the default")}");
                if (m.Changes.HasFlag(ColumnChange.OnUpdate)) details.Add($"on update: the database has {Or(a.OnUpdate, "none")}, the source {Or(b.OnUpdate, "none")}");
                break;
            case ModifyTable t:
                if (t.Changes.HasFlag(TableChange.RowLevelSecurity)) details.Add($"row-level security: the database has it {(t.From.RowLevelSecurity ? "on" : "off")}, the source {(t.To.RowLevelSecurity ? "on" : "off")}");
                if (t.Changes.HasFlag(TableChange.ForceRowLevelSecurity)) details.Add($"forced row-level security: the database has it {(t.From.ForceRowLevelSecurity ? "on" : "off")}, the source {(t.To.ForceRowLevelSecurity ? "on" : "off")}");
                if (t.Changes.HasFlag(TableChange.StorageParameters)) details.Add($"storage parameters: the database has {t.From.With ?? "none"}, the source {t.To.With ?? "none"}");
                if (t.Changes.HasFlag(TableChange.Persistence)) details.Add($"persistence: the database has it {t.From.Persistence.ToString().ToLowerInvariant()}, the source {t.To.Persistence.ToString().ToLowerInvariant()}");
                if (t.Changes.HasFlag(TableChange.Tablespace)) details.Add($"tablespace: the database has {t.From.Tablespace ?? "the default"}, the source {t.To.Tablespace ?? "the default"}");
                if (t.Changes.HasFlag(TableChange.AccessMethod)) details.Add($"access method: the database has {t.From.AccessMethod ?? "heap"}, the source {t.To.AccessMethod ?? "heap"}");
                if (t.Changes.HasFlag(TableChange.Partition)) details.Add($"partition of: the database has {(t.From.PartitionOf is { } f ? f.Parent + " " + f.Bound : "none")}, the source {(t.To.PartitionOf is { } p ? p.Parent + " " + p.Bound : "none")}");
                if (t.Changes.HasFlag(TableChange.Inheritance)) details.Add($"inherits: the database has ({string.Join(", ", t.From.Inherits)}), the source ({string.Join(", ", t.To.Inherits)})");
                if (t.Changes.HasFlag(TableChange.Options)) details.Add($"table options: the database has {t.From.Options ?? "none"}, the source {t.To.Options ?? "none"}");
                break;
            case SetComment c:
                details.Add($"comment: the database has {(c.From != null ? "'" + c.From + "'" : "none")}, the source {(c.To != null ? "'" + c.To + "'" : "none")}");
                break;
            case ModifySequence q:
                var (x, y) = (q.From.Options, q.To.Options);
                void Option(string name, object? db, object? src, string unset)
                {
                    if (!Equals(db, src)) details.Add($"{name}: the database has {db ?? unset}, the source {src ?? unset}");
                }
                Option("type", x.DataType, y.DataType, "bigint");
                Option("increment", x.Increment, y.Increment, "1");
                Option("minvalue", x.MinValue, y.MinValue, "the default");
                Option("maxvalue", x.MaxValue, y.MaxValue, "the default");
                Option("start", x.Start, y.Start, "the default");
                Option("cache", x.Cache, y.Cache, "1");
                Option("cycle", x.Cycle ? "CYCLE" : "NO CYCLE", y.Cycle ? "CYCLE" : "NO CYCLE", string.Empty);
                if (details.Count == 0) details.Add("sequence options differ");
                break;
            case RecreateEnum e:
                details.Add($"values: the database has ({string.Join(", ", e.From.Labels.Select(l => "'" + l + "'"))}), the source ({string.Join(", ", e.To.Labels.Select(l => "'" + l + "'"))})");
                break;
            case ModifyDomain d:
                if (d.From.Default != d.To.Default) details.Add($"default: the database has {d.From.Default ?? "none"}, the source {d.To.Default ?? "none"}");
                if (d.From.NotNull != d.To.NotNull) details.Add(d.To.NotNull ? "nullability: the database allows NULL, the source says NOT NULL" : "nullability: the database says NOT NULL, the source allows NULL");
                if (d.From.Checks.Select(k => k with { Comment = null }).ToHashSet().SetEquals(d.To.Checks.Select(k => k with { Comment = null })) is false) details.Add("checks differ");
                break;
            case RenameTable r:
                details.Add($"the database still names it {r.From}; the source renames it (renamed-from)");
                break;
            case RenameColumn r:
                details.Add($"the database still names it {QualifiedName.Display(r.From)}; the source renames it (renamed-from)");
                break;
        }
        return details;
    }

    /// <summary>Both definitions when each fits on a line (an index, a check, a policy); otherwise just that they differ (the JSON has both).</summary>
    private static string Definitions(string? database, string? source)
    {
        static bool Short(string? sql) => sql != null && sql.Length <= 200 && !sql.Contains('\n', StringComparison.Ordinal);
        return Short(database) && Short(source) ? $"definition: the database has {database!.TrimEnd(';')}, the source {source!.TrimEnd(';')}" : "definition differs";
    }

    private static string IdentityText(Identity? identity) => identity == null ? "none" : identity.Always ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT";

    /// <summary>The add that makes again what a drop removes: how the database side of an object is written as SQL.</summary>
    private static SchemaChange? Inverse(SchemaChange drop) => drop switch
    {
        DropTable d => new AddTable(d.Table),
        DropColumn d => new AddColumn(d.Table, d.Column),
        DropConstraint d => new AddConstraint(d.Table, d.Name, d.Constraint),
        DropIndex d => new AddIndex(d.Index),
        DropView d => new AddView(d.View),
        DropRoutine d => new AddRoutine(d.Routine),
        DropTrigger d => new AddTrigger(d.Trigger),
        DropPolicy d => new AddPolicy(d.Policy),
        DropRule d => new AddRule(d.Rule),
        DropType d => new AddType(d.Name, d.Definition),
        DropSequence d => new AddSequence(d.Sequence),
        DropSchema d => new AddSchema(d.Schema),
        DropExtension d => new AddExtension(d.Extension),
        RevokePrivilege r => new GrantPrivilege(r.Grant),
        _ => null,
    };

    /// <summary>What identifies an object across a drop and an add of it.</summary>
    public static object? ObjectKey(SchemaChange c) => c switch
    {
        AddConstraint a => ("constraint", a.Table, a.Name),
        DropConstraint d => ("constraint", d.Table, d.Name),
        AddIndex a => ("index", a.Index.Name),
        DropIndex d => ("index", d.Index.Name),
        AddView a => ("view", a.View.Name),
        DropView d => ("view", d.View.Name),
        AddPolicy a => ("policy", a.Policy.Table, a.Policy.Name),
        DropPolicy d => ("policy", d.Policy.Table, d.Policy.Name),
        AddTrigger a => ("trigger", a.Trigger.Table, a.Trigger.Name),
        DropTrigger d => ("trigger", d.Trigger.Table, d.Trigger.Name),
        AddRule a => ("rule", a.Rule.Table, a.Rule.Name),
        DropRule d => ("rule", d.Rule.Table, d.Rule.Name),
        AddType a => ("type", a.Name),
        DropType d => ("type", d.Name),
        AddRoutine a => ("routine", a.Routine.Name),
        DropRoutine d => ("routine", d.Routine.Name),
        AddSequence a => ("sequence", a.Sequence.Name),
        DropSequence d => ("sequence", d.Sequence.Name),
        AddTable a => ("table", a.Table.Name),
        DropTable d => ("table", d.Table.Name),
        _ => null,
    };

    private static string? Sql(MigrationSqlGenerator? generator, SchemaChange? change)
    {
        if (generator == null || change == null) return null;
        var statements = Fix(generator, change);
        return statements.Count > 0 ? string.Join("\n", statements.Select(s => s + ";")) : null;
    }

    private static IReadOnlyList<string> Fix(MigrationSqlGenerator? generator, SchemaChange change)
    {
        if (generator == null) return [];
        try
        {
            return generator.Generate(change).Select(s => s.Sql).ToList();
        }
        catch (NotSupportedException)
        {
            // SQLite makes some changes only by rebuilding the table: 'schemafirst plan' writes that.
            return [];
        }
    }

    /// <summary>Where the object is declared in the source; for what only the database has, its table's declaration.</summary>
    private static SourceSpan? Locate(SchemaChange change, SourceMap? map)
    {
        if (map == null) return null;
        SourceSpan? Table(QualifiedName t) => map.Find(SourceKind.Table, t);
        SourceSpan? Member(SourceKind kind, QualifiedName t, string name) => map.Find(kind, t, name) ?? Table(t);
        return change switch
        {
            AddTable a => Table(a.Table.Name),
            ModifyTable m => Table(m.To.Name),
            RenameTable r => Table(r.To),
            AddColumn a => Member(SourceKind.Column, a.Table, a.Column.Name),
            DropColumn d => Table(d.Table),
            ModifyColumn m => Member(SourceKind.Column, m.Table, m.To.Name),
            RenameColumn r => Member(SourceKind.Column, r.Table, r.To),
            AddConstraint a => Member(SourceKind.Constraint, a.Table, a.Name),
            DropConstraint d => Table(d.Table),
            RenameConstraint r => Member(SourceKind.Constraint, r.Table, r.To),
            AddIndex a => map.Find(SourceKind.Index, a.Index.Name) ?? Table(a.Index.Table),
            DropIndex d => Table(d.Index.Table),
            RenameIndex r => map.Find(SourceKind.Index, r.To.Name),
            AddView a => map.Find(SourceKind.View, a.View.Name),
            AddRoutine a => map.FindAny(SourceKind.Routine, a.Routine.Name),
            ReplaceRoutine r => map.FindAny(SourceKind.Routine, r.To.Name),
            AddTrigger a => Member(SourceKind.Trigger, a.Trigger.Table, a.Trigger.Name),
            DropTrigger d => Table(d.Trigger.Table),
            AddPolicy a => Member(SourceKind.Policy, a.Policy.Table, a.Policy.Name),
            DropPolicy d => Table(d.Policy.Table),
            AddRule a => Member(SourceKind.Rule, a.Rule.Table, a.Rule.Name),
            AddType a => map.Find(SourceKind.Type, a.Name),
            AddEnumValue a => map.Find(SourceKind.Type, a.Enum.Name),
            AddSequence a => map.Find(SourceKind.Sequence, a.Sequence.Name),
            ModifySequence m => map.Find(SourceKind.Sequence, m.To.Name),
            ModifyDomain m => map.Find(SourceKind.Type, m.To.Name),
            RecreateEnum r => map.Find(SourceKind.Type, r.To.Name),
            AddSchema a => map.Find(SourceKind.Schema, new QualifiedName(a.Schema.Name, a.Schema.Name)),
            SetComment c => c.Target.Member != null ? map.Find(c.Target.Kind, c.Target.Name, c.Target.Member) ?? Table(c.Target.Name) : map.FindAny(c.Target.Kind, c.Target.Name),
            _ => null,
        };
    }
}
