using SchemaFirst.Model;

namespace SchemaFirst.Tests;

/// <summary>
/// Asserts model equality and, when it fails, names the first object that differs instead of dumping two models.
/// </summary>
internal static class ModelAssert
{
    public static void Equal(Database expected, Database actual)
    {
        if (expected == actual) return;
        Compare("schemas", expected.Schemas, actual.Schemas);
        Compare("extensions", expected.Extensions, actual.Extensions);
        Compare("enums", expected.Enums, actual.Enums);
        Compare("domains", expected.Domains, actual.Domains);
        Compare("composite types", expected.CompositeTypes, actual.CompositeTypes);
        Compare("other types", expected.OtherTypes, actual.OtherTypes);
        Compare("sequences", expected.Sequences, actual.Sequences);
        Compare("tables", expected.Tables, actual.Tables);
        Compare("indexes", expected.Indexes, actual.Indexes);
        Compare("index attachments", expected.IndexAttachments, actual.IndexAttachments);
        Compare("views", expected.Views, actual.Views);
        Compare("routines", expected.Routines, actual.Routines);
        Compare("triggers", expected.Triggers, actual.Triggers);
        Compare("policies", expected.Policies, actual.Policies);
        Compare("rules", expected.Rules, actual.Rules);
        Compare("grants", expected.Grants, actual.Grants);
        Compare("default privileges", expected.DefaultPrivileges, actual.DefaultPrivileges);
        Compare("kept statements", expected.Opaque, actual.Opaque);
        Assert.Fail("models differ");
    }

    private static string TableDifference(Table a, Table b)
    {
        for (var i = 0; i < Math.Min(a.Columns.Count, b.Columns.Count); i++)
        {
            if (a.Columns[i] != b.Columns[i]) return $"column differs:\n  expected: {a.Columns[i]}\n  actual:   {b.Columns[i]}";
        }
        if (a.Columns.Count != b.Columns.Count) return $"expected {a.Columns.Count} columns, got {b.Columns.Count}";
        foreach (var (name, x, y) in new (string, object?, object?)[]
        {
            ("primary key", a.PrimaryKey, b.PrimaryKey), ("uniques", a.Uniques, b.Uniques), ("foreign keys", a.ForeignKeys, b.ForeignKeys),
            ("checks", a.Checks, b.Checks), ("exclusions", a.Exclusions, b.Exclusions),
        })
        {
            if (!Equals(x, y)) return $"{name} differ:\n  expected: {x}\n  actual:   {y}";
        }
        return $"\n  expected: {a with { Columns = default }}\n  actual:   {b with { Columns = default }}";
    }

    private static void Compare<T>(string what, EquatableArray<T> a, EquatableArray<T> b)
    {
        if (a == b) return;
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (Equals(a[i], b[i])) continue;
            if (a[i] is Table ta && b[i] is Table tb) Assert.Fail($"table {ta.Name}: {TableDifference(ta, tb)}");
            Assert.Fail($"{what} differ at #{i}:\n  expected: {a[i]}\n  actual:   {b[i]}");
        }
        Assert.Fail($"{what}: expected {a.Count}, got {b.Count}");
    }
}
