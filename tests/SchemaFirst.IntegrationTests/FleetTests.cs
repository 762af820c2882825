using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// <c>apply --targets</c> and <c>drift --targets</c> on a real PostgreSQL 15: 200 tenant databases and 200 tenant schemas
/// in one database migrated, a broken tenant reported while the rest are done, a run killed halfway resumed, and a
/// target list that mixes URLs, queries and an unreachable server.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class FleetTests : TempDirectoryTest
{
    private const string Schema = """
        CREATE TYPE status AS ENUM ('new', 'paid');
        CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
        CREATE TABLE orders (
            id integer PRIMARY KEY,
            customer_id integer REFERENCES customers (id),
            state status DEFAULT 'new',
            total numeric(10,2) CHECK (total >= 0)
        );
        CREATE INDEX orders_customer ON orders (customer_id);
        CREATE VIEW paid_orders AS SELECT id, total FROM orders WHERE state = 'paid';
        """;

    /// <summary>A tenant the plan cannot migrate: a total that is no number, which the pre-flight check refuses to convert.</summary>
    private const string Broken = "CREATE TABLE orders (id integer PRIMARY KEY, total text); INSERT INTO orders VALUES (1, 'n/a');";

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    private static Dictionary<string, int> Summary(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("summary").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
    }

    private static JsonElement TargetNamed(string json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).Clone();
    }

    [PostgresFact]
    public async Task Two_hundred_tenant_databases_are_migrated_a_broken_one_reported_and_a_killed_run_resumed()
    {
        var prefix = "sf_fleet_" + Guid.NewGuid().ToString("N")[..8];
        var names = Enumerable.Range(1, 200).Select(i => $"{prefix}_{i:D3}").ToList();
        foreach (var name in names) await ExecuteAsync("postgres", $"CREATE DATABASE {name}");
        try
        {
            await ExecuteAsync(names[116], Broken);
            var schema = Write("schema/shop.sql", Schema);
            var targets = Write("targets.yaml", $"""
                targets:
                  - url: {PostgresServer.UrlFor("postgres")}
                    query: SELECT datname FROM pg_database WHERE datname LIKE '{prefix}\_%' ORDER BY 1
                """);

            // The first run is killed once 40 tenants are done, in a process of its own as a user's would be.
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Dir };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "SchemaFirst.Cli.dll"), "apply", schema, "--targets", targets, "--auto-approve", "--parallel", "4" }) psi.ArgumentList.Add(a);
            var seen = new List<string>();
            using (var process = Process.Start(psi)!)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                var clock = Stopwatch.StartNew();
                while (await process.StandardError.ReadLineAsync() is { } line)
                {
                    seen.Add(line);
                    if (line.StartsWith("schemafirst: [40/200] ", StringComparison.Ordinal)) break;
                    Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the first run did not reach 40 targets in 3 minutes:\n" + string.Join('\n', seen));
                }
                Assert.True(seen.Count > 0 && seen[^1].StartsWith("schemafirst: [40/200] ", StringComparison.Ordinal), string.Join('\n', seen));
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            var doneBeforeKill = seen.Count(l => l.Contains(": applied (history #", StringComparison.Ordinal));
            Assert.InRange(doneBeforeKill, 35, 40);

            var (code, json, stderr) = CliRunner.Run("apply", schema, "--targets", targets, "--auto-approve", "--resume", "--format", "json", "--parallel", "4");
            Assert.True(code == 1, stderr);
            var summary = Summary(json);
            Assert.Equal(200, summary["targets"]);
            Assert.Equal(1, summary["refused"]);
            // Every tenant applied before the kill is skipped by its history; those the kill cut short are applied now.
            Assert.InRange(summary["done earlier"], doneBeforeKill, 199);
            Assert.Equal(199, summary["done earlier"] + summary["applied"]);
            var broken = TargetNamed(json, names[116]);
            Assert.Equal("refused", broken.GetProperty("result").GetString());
            Assert.Contains("total", broken.GetProperty("log").GetString(), StringComparison.Ordinal);
            Assert.Contains("--- " + names[116], stderr, StringComparison.Ordinal);
            Assert.Equal(0L, await ScalarAsync(names[116], "SELECT count(*) FROM pg_class WHERE relname = 'customers'"));

            // A kill between a tenant's history row and its commit leaves a row 'running': the rerun says so and completes it.
            var interrupted = 0L;
            foreach (var name in names.Where(n => n != names[116]))
            {
                interrupted += (long)(await ScalarAsync(name, "SELECT count(*) FROM schemafirst.history WHERE status = 'interrupted'"))!;
                Assert.Equal(1L, await ScalarAsync(name, "SELECT count(*) FROM schemafirst.history WHERE status = 'succeeded'"));
            }
            Assert.InRange(interrupted, 0, 4);

            var (drift, driftJson, driftErr) = CliRunner.Run("drift", schema, "--targets", targets, "--format", "json");
            Assert.True(drift == 2, driftErr);
            Assert.Equal(199, Summary(driftJson)["in sync"]);
            Assert.Equal(1, Summary(driftJson)["drift"]);
            Assert.Equal("drift", TargetNamed(driftJson, names[116]).GetProperty("result").GetString());
        }
        finally
        {
            foreach (var name in names) await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    [PostgresFact]
    public async Task Two_hundred_tenant_schemas_in_one_database_each_get_the_schema_and_a_history_of_their_own()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(string.Concat(Enumerable.Range(1, 200).Select(i => $"CREATE SCHEMA tenant_{i:D3};")) + "SET search_path = tenant_117;" + Broken + "CREATE SCHEMA shared;");
        var schema = Write("shop.sql", Schema);
        var targets = Write("targets.yaml", $"""
            targets:
              - url: {db.Url}
                query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' ORDER BY 1
                each: schema
            """);
        var (code, json, stderr) = CliRunner.Run("apply", schema, "--targets", targets, "--auto-approve", "--format", "json");
        Assert.True(code == 1, stderr);
        var summary = Summary(json);
        Assert.Equal((200, 199, 1), (summary["targets"], summary["applied"], summary["refused"]));
        Assert.Equal("refused", TargetNamed(json, "tenant_117").GetProperty("result").GetString());
        // Every unqualified name of the file went to the tenant's schema: its type, tables, index and view.
        Assert.Equal(199L, await ScalarAsync(db.Name, "SELECT count(*) FROM pg_views WHERE viewname = 'paid_orders' AND pg_get_viewdef(format('%I.%I', schemaname, viewname)::regclass) LIKE '%' || schemaname || '.status%'"));
        Assert.Equal(199L, await ScalarAsync(db.Name, "SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_customer'"));
        Assert.Equal(0L, await ScalarAsync(db.Name, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'shared') AND c.relkind IN ('r', 'v')"));
        Assert.Equal(200L, await ScalarAsync(db.Name, "SELECT count(*) FROM pg_tables WHERE tablename = 'schemafirst_history'"));
        Assert.Equal("refused", await ScalarAsync(db.Name, "SELECT status FROM tenant_117.schemafirst_history"));

        // Listed one by one, with names of their own: a second run finds nothing to do, and drift nothing moved.
        var three = Write("three.yaml", $"""
            targets:
              - url: {db.Url}
                schema: tenant_001
              - name: second
                url: {db.Url}
                schema: tenant_002
              - url: {db.Url}
                schema: tenant_200
            """);
        var (again, table, againErr) = CliRunner.Run("apply", schema, "--targets", three, "--auto-approve");
        Assert.True(again == 0, againErr);
        Assert.Matches(@"^TARGET +DATABASE +RESULT +STATEMENTS +SECONDS +DETAIL\n", table);
        Assert.Contains("second ", table, StringComparison.Ordinal);
        Assert.Equal(3, table.Split('\n').Count(l => l.Contains(" unchanged ", StringComparison.Ordinal)));
        Assert.EndsWith("schemafirst: 3 targets: 3 unchanged\n", againErr, StringComparison.Ordinal);
        await db.ExecuteAsync("ALTER TABLE tenant_002.orders ADD COLUMN note text;");
        var (drift, driftTable, _) = CliRunner.Run("drift", schema, "--targets", three);
        Assert.Equal(2, drift);
        Assert.Contains("1 object: extra column tenant_002.orders.note", driftTable, StringComparison.Ordinal);
    }

    [MariaDbFact]
    public async Task MariaDB_tenant_databases_listed_by_a_query_are_migrated_and_checked_for_drift()
    {
        await using var a = await MariaDbServer.CreateDatabaseAsync();
        await using var b = await MariaDbServer.CreateDatabaseAsync();
        await using var c = await MariaDbServer.CreateDatabaseAsync();
        var uri = new Uri(MariaDbServer.Url!);
        var schema = Write("shop.sql", """
            CREATE TABLE customers (id int PRIMARY KEY, name varchar(100) NOT NULL) ENGINE=InnoDB;
            CREATE TABLE orders (id int PRIMARY KEY, customer_id int, state ENUM('new', 'paid') DEFAULT 'new',
              CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB;
            """);
        var targets = Write("targets.yaml", $"""
            targets:
              - url: mysql://{uri.UserInfo}@{uri.Host}:{uri.Port}/mysql
                query: SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN ('{a.Name}', '{b.Name}', '{c.Name}') ORDER BY 1
            """);
        var (code, table, stderr) = CliRunner.Run("apply", schema, "--source-dialect", "mysql", "--targets", targets, "--auto-approve", "--parallel", "3");
        Assert.True(code == 0, table + stderr);
        Assert.Equal(3, table.Split('\n').Count(l => l.Contains(" applied ", StringComparison.Ordinal)));
        Assert.Equal(1, await b.ScalarAsync("SELECT count(*) FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'FOREIGN KEY' AND TABLE_SCHEMA = DATABASE()"));
        await c.ExecuteAsync("ALTER TABLE orders ADD COLUMN note text");
        var (drift, driftTable, driftErr) = CliRunner.Run("drift", schema, "--source-dialect", "mysql", "--targets", targets);
        Assert.True(drift == 2, driftTable + driftErr);
        Assert.Contains($"1 object: extra column orders.note", driftTable, StringComparison.Ordinal);
        Assert.EndsWith("schemafirst: 3 targets: 2 in sync, 1 drift\n", driftErr, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_mixed_list_reports_an_unreachable_target_without_its_password_and_does_the_rest()
    {
        await using var a = await PostgresServer.CreateDatabaseAsync();
        await using var b = await PostgresServer.CreateDatabaseAsync();
        const string secret = "fleet-S3cret-pw";
        Environment.SetEnvironmentVariable("SF_FLEET_B_URL", b.Url);
        try
        {
            var schema = Write("shop.sql", Schema);
            var targets = Write("targets.yaml", $$"""
                targets:
                  - url: {{a.Url}}
                  - name: bee
                    url: ${SF_FLEET_B_URL}
                  - name: gone
                    url: postgres://app:{{secret}}@127.0.0.1:1/gone
                """);
            var (code, stdout, stderr) = CliRunner.Run("apply", schema, "--targets", targets, "--auto-approve", "--format", "json", "-o", Path.Combine(Dir, "result.json"));
            Assert.Equal(4, code);
            Assert.Equal(string.Empty, stdout);
            var json = await File.ReadAllTextAsync(Path.Combine(Dir, "result.json"));
            Assert.Equal((2, 1), (Summary(json)["applied"], Summary(json)["unreachable"]));
            Assert.Equal("postgres://app@127.0.0.1:1/gone", TargetNamed(json, "gone").GetProperty("database").GetString());
            Assert.Equal(4, TargetNamed(json, "gone").GetProperty("exit_code").GetInt32());
            Assert.Equal(6, TargetNamed(json, "bee").GetProperty("statements").GetInt32());
            Assert.DoesNotContain(secret, json + stdout + stderr, StringComparison.Ordinal);
            Assert.Equal(1L, await ScalarAsync(b.Name, "SELECT count(*) FROM pg_views WHERE viewname = 'paid_orders'"));

            var (drift, table, driftErr) = CliRunner.Run("drift", schema, "--targets", targets, "--parallel", "2");
            Assert.Equal(4, drift);
            Assert.Equal(2, table.Split('\n').Count(l => l.Contains(" in sync ", StringComparison.Ordinal)));
            Assert.Contains("--- gone (postgres://app@127.0.0.1:1/gone):", driftErr, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, table + driftErr, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SF_FLEET_B_URL", null);
        }
    }
}
