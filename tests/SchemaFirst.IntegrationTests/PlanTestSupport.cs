using SchemaFirst.Cli;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Project;

namespace SchemaFirst.IntegrationTests;

/// <summary>What the plan tests share: reading a database back, and comparing models whose column order a plan cannot keep.</summary>
internal static class PlanTestSupport
{
    /// <summary>Columns cannot move in place, so a plan leaves added columns at the end: the order is not compared.</summary>
    public static Database WithColumnsByName(Database db) => db with
    {
        Tables = db.Tables.Select(t => t with { Columns = t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray() }).ToEquatableArray(),
    };

    /// <summary>The database read back with the PostgreSQL inspector, which must report nothing it could not read.</summary>
    public static async Task<Database> InspectAsync(DatabaseUrl url)
    {
        await using var conn = Drivers.Connect(url);
        await conn.OpenAsync();
        var result = await PostgresDialect.Instance.InspectAsync(conn, new InspectOptions());
        Assert.DoesNotContain(result.Load.Diagnostics, d => d.Severity != Severity.Info);
        return result.Load.Model;
    }
}
