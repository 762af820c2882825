using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Validation;

/// <summary>
/// Represents the object counts of a model, counted the way PostgreSQL's catalog counts them: partitions are tables,
/// indexes include those behind primary key, unique and exclusion constraints, sequences include identity sequences.
/// </summary>
public sealed record SchemaSummary(IReadOnlyList<(string Name, long Count)> Counts)
{
    public static SchemaSummary Of(Database db, LoadStatistics? stats = null)
    {
        var schemas = new HashSet<string>(db.Schemas.Select(s => s.Name));
        foreach (var t in db.Tables) schemas.Add(t.Name.Schema);
        foreach (var v in db.Views) schemas.Add(v.Name.Schema);
        foreach (var s in db.Sequences) schemas.Add(s.Name.Schema);
        foreach (var r in db.Routines) schemas.Add(r.Name.Schema);
        foreach (var e in db.Enums) schemas.Add(e.Name.Schema);
        foreach (var d in db.Domains) schemas.Add(d.Name.Schema);
        var constraintIndexes = db.Tables.Sum(t => (t.PrimaryKey != null ? 1 : 0) + t.Uniques.Count + t.Exclusions.Count);
        // A foreign key on a partitioned table is cloned onto every partition, and one that references a
        // partitioned table gets a row per referenced partition: pg_constraint holds them all.
        var partitions = db.Tables.Where(t => t.PartitionOf != null).GroupBy(t => t.PartitionOf!.Parent).ToDictionary(g => g.Key, g => g.Select(t => t.Name).ToList());
        int Descendants(QualifiedName table, int depth = 0) =>
            depth > 32 || !partitions.TryGetValue(table, out var children) ? 0 : children.Sum(c => 1 + Descendants(c, depth + 1));
        var foreignKeys = db.Tables.Sum(t => t.ForeignKeys.Sum(fk => (1 + Descendants(t.Name)) * (1 + Descendants(fk.ReferencedTable))));
        var counts = new List<(string, long)>
        {
            ("schemas", schemas.Count),
            ("extensions", db.Extensions.Count),
            ("tables", db.Tables.Count),
            ("partitions", db.Tables.Count(t => t.PartitionOf != null)),
            ("columns", db.Tables.Sum(t => t.Columns.Count)),
            ("views", db.Views.Count(v => !v.Materialized)),
            ("materialized views", db.Views.Count(v => v.Materialized)),
            ("indexes", db.Indexes.Count + constraintIndexes),
            ("primary keys", db.Tables.Count(t => t.PrimaryKey != null)),
            ("unique constraints", db.Tables.Sum(t => t.Uniques.Count)),
            ("foreign keys", foreignKeys),
            ("check constraints", db.Tables.Sum(t => t.Checks.Count) + db.Domains.Sum(d => d.Checks.Count)),
            ("exclusion constraints", db.Tables.Sum(t => t.Exclusions.Count)),
            ("sequences", db.Sequences.Count + db.Tables.Sum(t => t.Columns.Count(c => c.Identity != null))),
            ("enum types", db.Enums.Count),
            ("domains", db.Domains.Count),
            ("composite types", db.CompositeTypes.Count),
            ("other types", db.OtherTypes.Count),
            ("functions", db.Routines.Count(r => r.Kind == RoutineKind.Function)),
            ("procedures", db.Routines.Count(r => r.Kind == RoutineKind.Procedure)),
            ("aggregates", db.Routines.Count(r => r.Kind == RoutineKind.Aggregate)),
            ("triggers", db.Triggers.Count),
            ("policies", db.Policies.Count),
            ("rules", db.Rules.Count),
            ("privileges", db.Grants.Count),
            ("default privileges", db.DefaultPrivileges.Count),
            ("kept verbatim (not understood)", db.Opaque.Count),
        };
        if (stats != null)
        {
            counts.Add(("skipped: data statements", stats.DataStatements));
            counts.Add(("skipped: COPY data rows", stats.CopyRows));
            counts.Add(("skipped: session settings", stats.SessionSettings));
            counts.Add(("skipped: ownership statements", stats.OwnershipStatements));
            counts.Add(("skipped: extension comments", stats.ExtensionComments));
            counts.Add(("skipped: transaction control", stats.TransactionStatements));
            counts.Add(("skipped: psql meta-commands", stats.MetaCommands));
            counts.Add(("skipped: schemafirst:skip", stats.SkippedByDirective));
        }
        return new SchemaSummary(counts);
    }

    public long this[string name] => Counts.First(c => c.Name == name).Count;
}
