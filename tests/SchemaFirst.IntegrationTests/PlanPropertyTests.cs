using FsCheck;
using FsCheck.Fluent;
using SchemaFirst.Cli;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Project;
using SchemaFirst.Rendering;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// A property on a real PostgreSQL 15: for random sets of mutations of the examples' schema (columns dropped, added,
/// made NOT NULL or given defaults, indexes dropped and added, comments, new tables), a database holding the schema,
/// migrated by the plan to the mutated model, reads back as the mutated model, and planning again gives nothing.
/// FsCheck shrinks a failing set to the fewest mutations that still fail and prints how to replay it.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class PlanPropertyTests
{
    [PostgresFact]
    public void Any_set_of_mutations_is_planned_and_applied_exactly()
    {
        var mutations = Gen.Choose(0, 255).ArrayOf().Select(a => a.Take(12).ToArray()).ToArbitrary();
        // 30 random sets per run (about 25 s): each run tries new ones; a failure prints the seed that replays it.
        Prop.ForAll(mutations, ops => HoldsAsync(ops).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }

    private static async Task<bool> HoldsAsync(int[] ops)
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        db.ApplyFile(Concatenated());
        Assert.True(DatabaseUrl.TryParse(db.Url, out var url, out var error), error);
        var before = await PlanTestSupport.InspectAsync(url!);
        var desired = Mutate(before, ops);
        var plan = MigrationPlanner.Plan(before, desired, null, PostgresDialect.Instance);
        await PlanTestSupport.ApplyAsync(url!, plan);
        var after = await PlanTestSupport.InspectAsync(url!);
        ModelAssert.Equal(PlanTestSupport.WithColumnsByName(desired), PlanTestSupport.WithColumnsByName(after));
        var again = MigrationPlanner.Plan(after, desired, null, PostgresDialect.Instance);
        Assert.True(again.IsEmpty, $"mutations [{string.Join(", ", ops)}]: a second plan is not empty:\n" + PlanSqlWriter.Write(again));
        return true;
    }

    private static string Concatenated()
    {
        var path = Path.Combine(Path.GetTempPath(), "sf-examples-all.sql");
        File.WriteAllText(path, string.Concat(Directory.GetFiles(TestPaths.Examples, "*.sql").Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f) + "\n")));
        return path;
    }

    /// <summary>Applies the mutations one by one; each picks its target from the byte it was given.</summary>
    internal static Database Mutate(Database db, IEnumerable<int> ops)
    {
        var n = 0;
        foreach (var op in ops)
        {
            n++;
            var tables = db.Tables.Where(t => t.PartitionOf == null && t.PartitionBy == null && t.Inherits.IsEmpty).ToList();
            var t = tables[(op / 8) % tables.Count];
            var readByViews = db.Views.Any(v => v.Query.Contains(t.Name.Name, StringComparison.Ordinal));
            var free = t.Columns.Where(c => !Used(db, t, c.Name) && c.Identity == null && c.Generated == null).ToList();
            switch (op % 8)
            {
                case 0 when free.Count > 0 && !readByViews:
                    db = Replace(db, t, t with { Columns = t.Columns.Where(c => c.Name != free[op % free.Count].Name).ToEquatableArray() });
                    break;
                case 1:
                    var like = t.Columns[op % t.Columns.Count];
                    db = Replace(db, t, t with { Columns = t.Columns.Append(new Column($"added_{n}", like.Type)).ToEquatableArray() });
                    break;
                case 2 when free.FirstOrDefault(c => c.Default == null && c.Type.Text is "integer" or "text" or "boolean") is { } col:
                    var def = col.Type.Text switch { "integer" => "0", "text" => "'x'::text", _ => "false" };
                    db = Replace(db, t, t with { Columns = t.Columns.Select(c => c.Name == col.Name ? c with { Default = def } : c).ToEquatableArray() });
                    break;
                case 3 when db.Indexes.Where(i => i.Table == t.Name).ToList() is { Count: > 0 } idx:
                    var gone = idx[op % idx.Count];
                    db = db with { Indexes = db.Indexes.Where(i => i != gone).ToEquatableArray() };
                    break;
                case 4:
                    var on = t.Columns[op % t.Columns.Count].Name;
                    var index = new SchemaIndex(new QualifiedName(t.Name.Schema, $"prop_idx_{n}"), t.Name, false, "btree", new[] { new IndexElement(on, null) }.ToEquatableArray(), EquatableArray<string>.Empty, null);
                    db = db with { Indexes = db.Indexes.Append(index).OrderBy(i => i.Name).ToEquatableArray() };
                    break;
                case 5 when free.FirstOrDefault(c => !c.NotNull) is { } nullable:
                    db = Replace(db, t, t with { Columns = t.Columns.Select(c => c.Name == nullable.Name ? c with { NotNull = true } : c).ToEquatableArray() });
                    break;
                case 6:
                    db = Replace(db, t, t with { Comment = $"comment {n}" });
                    break;
                case 7:
                    var name = new QualifiedName(t.Name.Schema, $"prop_table_{n}");
                    var table = new Table(name, new[] { new Column("id", new DataType(TypeKind.Integer, "integer"), NotNull: true) }.ToEquatableArray(),
                        new PrimaryKey($"prop_table_{n}_pkey", new[] { "id" }.ToEquatableArray(), IndexOptions.None, new ConstraintTiming(false, false)));
                    db = db with { Tables = db.Tables.Append(table).OrderBy(x => x.Name).ToEquatableArray() };
                    break;
            }
        }
        return db;
    }

    private static bool Used(Database db, Table t, string column) =>
        t.PrimaryKey?.Columns.Contains(column) == true || t.Uniques.Any(u => u.Columns.Contains(column)) || t.ForeignKeys.Any(f => f.Columns.Contains(column))
        || t.Checks.Any(c => c.Expression.Contains(column, StringComparison.Ordinal)) || t.Exclusions.Count > 0
        || db.Tables.Any(o => o.ForeignKeys.Any(f => f.ReferencedTable == t.Name && f.ReferencedColumns.Contains(column)))
        || db.Indexes.Any(i => i.Table == t.Name && (i.Elements.Any(e => e.Column == column || (e.Expression?.Contains(column, StringComparison.Ordinal) ?? false)) || (i.Where?.Contains(column, StringComparison.Ordinal) ?? false)))
        || db.Triggers.Any(x => x.Table == t.Name) || db.Policies.Any(p => p.Table == t.Name);

    private static Database Replace(Database db, Table old, Table now) => db with { Tables = db.Tables.Select(x => x == old ? now : x).ToEquatableArray() };


}
