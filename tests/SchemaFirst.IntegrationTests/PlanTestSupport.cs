using System.Data.Common;
using SchemaFirst.Cli;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Project;

namespace SchemaFirst.IntegrationTests;

/// <summary>What the plan tests share: reading a database back, and comparing models whose column order a plan cannot keep.</summary>
internal static class PlanTestSupport
{
    /// <summary>Each case folder under <paramref name="root"/> (a.sql, b.sql), once from a to b and once back.</summary>
    public static TheoryData<string, bool> BothWays(string root)
    {
        var data = new TheoryData<string, bool>();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir), false);
            data.Add(Path.GetFileName(dir), true);
        }
        return data;
    }

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

    /// <summary>What apply will do, on a new connection to <paramref name="url"/>.</summary>
    public static async Task ApplyAsync(DatabaseUrl url, MigrationPlan plan)
    {
        await using var conn = Drivers.Connect(url, writable: true);
        await conn.OpenAsync();
        await ApplyAsync(conn, plan);
    }

    /// <summary>What apply does, without its history and checks: the statements that run before the transaction, the transaction, then the statements after it.</summary>
    public static async Task ApplyAsync(DbConnection conn, MigrationPlan plan)
    {
        foreach (var s in plan.Statements.Where(s => s.Phase == StatementPhase.Before)) await ExecuteAsync(conn, null, s);
        await using (var tx = await conn.BeginTransactionAsync())
        {
            foreach (var s in plan.Statements.Where(s => s.Transactional)) await ExecuteAsync(conn, tx, s);
            await tx.CommitAsync();
        }
        foreach (var s in plan.Statements.Where(s => s.Phase == StatementPhase.After)) await ExecuteAsync(conn, null, s);
    }

    private static async Task ExecuteAsync(DbConnection conn, DbTransaction? tx, PlannedStatement s)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = s.Sql;
        try
        {
            await cmd.ExecuteNonQueryAsync();
        }
        catch (DbException e)
        {
            Assert.Fail($"the plan failed at ({s.Change.Describe()}):\n{s.Sql}\n{e.Message}");
        }
    }
}
