using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// An apply whose connection is cut in the middle of its transaction (a TCP proxy inside the test, on 127.0.0.1), and
/// one whose server restarts under it (a PostgreSQL 15 of the test's own, started by scripts/pg.sh): a clear message and
/// exit 4, nothing of the transaction in the database, no success recorded, and the next apply completes the plan.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class ConnectionFaultTests : TempDirectoryTest
{
    private const string Slow = """
        CREATE FUNCTION slow_ok(v integer) RETURNS boolean LANGUAGE sql AS $$ SELECT pg_sleep(1) IS NOT NULL $$;
        CREATE TABLE t (id integer PRIMARY KEY);
        """;

    private string Desired() => Write("slow.sql", Slow.Replace("(id integer PRIMARY KEY)", "(id integer PRIMARY KEY CHECK (slow_ok(id)), note text)", StringComparison.Ordinal)
        + "CREATE TABLE extra (id integer PRIMARY KEY);");

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task WaitForAsync(string connectionString, string sql, string what)
    {
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(connectionString, sql) is not true)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail("timed out waiting until " + what);
            await Task.Delay(50);
        }
    }

    private const string SlowRuns = "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%slow_ok%' AND state = 'active' AND pid <> pg_backend_pid())";

    /// <summary>Represents a TCP proxy to the test server that can cut every connection through it at once.</summary>
    private sealed class Proxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _open = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;

        public Proxy(int targetPort)
        {
            _listener.Start();
            _accepting = AcceptAsync(targetPort);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        private async Task AcceptAsync(int targetPort)
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, targetPort);
                lock (_open) _open.AddRange([client, server]);
                _ = Pump(client.GetStream(), server.GetStream());
                _ = Pump(server.GetStream(), client.GetStream());
            }
        }

        private static async Task Pump(NetworkStream from, NetworkStream to)
        {
            try
            {
                await from.CopyToAsync(to);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
            {
                // The connection was cut.
            }
        }

        /// <summary>Resets every connection through the proxy, as a network failure does.</summary>
        public void CutAll()
        {
            lock (_open)
            {
                foreach (var c in _open)
                {
                    c.Client.LingerState = new LingerOption(true, 0);
                    c.Close();
                }
                _open.Clear();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            CutAll();
            await _accepting;
        }
    }

    [PostgresFact]
    public async Task A_connection_cut_mid_transaction_applies_nothing_records_no_success_and_the_rerun_completes()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Slow + "INSERT INTO t SELECT generate_series(1, 5);");
        var desired = Desired();
        var direct = new Uri(db.Url);
        await using var proxy = new Proxy(direct.Port);
        var viaProxy = $"postgres://{direct.UserInfo}@127.0.0.1:{proxy.Port}/{db.Name}";
        var connection = PostgresServer.ConnectionString(db.Name);

        var apply = Task.Run(() => CliRunner.Run("apply", desired, "--db", viaProxy, "--auto-approve"));
        await WaitForAsync(connection, SlowRuns, "the apply runs its slow statement");
        proxy.CutAll();
        var (code, _, stderr) = await apply;
        Assert.Equal(4, code);
        Assert.True(stderr.Contains("schemafirst: apply failed (history #1)", StringComparison.Ordinal), stderr);
        Assert.Contains("nothing was applied; apply again to resume", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        // The server notices the dead client within about a second and rolls its transaction back.
        await WaitForAsync(connection, "SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schemafirst' AND pid <> pg_backend_pid())", "the cut session ends");
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_class WHERE relname = 'extra'"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));
        Assert.Equal("running", await ScalarAsync(connection, "SELECT status FROM schemafirst.history"));

        var (rerun, _, rerunErr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve");
        Assert.True(rerun == 0, rerunErr);
        Assert.Contains("apply #1 (started ", rerunErr, StringComparison.Ordinal);
        Assert.Equal("interrupted,succeeded", await ScalarAsync(connection, "SELECT string_agg(status, ',' ORDER BY id) FROM schemafirst.history"));
        Assert.Equal((0, "-- No changes.\n"), CliRunner.Run("plan", desired, "--db", db.Url) is var (c, o, _) ? (c, o) : default);
    }

    [PostgresFact]
    public async Task A_statement_past_the_statement_timeout_is_cancelled_with_a_clear_message_and_nothing_applied()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Slow + "INSERT INTO t SELECT generate_series(1, 3);");
        var desired = Desired();
        var (code, _, stderr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve", "--statement-timeout", "500ms");
        Assert.Equal(4, code);
        Assert.Contains("statement_timeout (500ms) reached: the statement was cancelled and nothing of the transaction took effect; raise --statement-timeout", stderr, StringComparison.Ordinal);
        var connection = PostgresServer.ConnectionString(db.Name);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_class WHERE relname = 'extra'"));
        Assert.Equal("failed", await ScalarAsync(connection, "SELECT status FROM schemafirst.history"));
        var (rerun, _, rerunErr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve", "--statement-timeout", "1min");
        Assert.True(rerun == 0, rerunErr);
        Assert.Equal("failed,succeeded", await ScalarAsync(connection, "SELECT string_agg(status, ',' ORDER BY id) FROM schemafirst.history"));
    }

    [PostgresFact]
    public async Task A_server_restarted_mid_apply_applies_nothing_and_the_rerun_completes()
    {
        // A server of the test's own: restarting the shared one would fail every other test running at the time.
        var dir = Path.Combine(Dir, "pg");
        var script = Path.Combine(TestPaths.Root, "scripts", "pg.sh");
        var started = PostgresServer.RunTool("bash", script, "start", dir);
        var url = started.Trim().Split('=', 2)[1];
        try
        {
            var port = new Uri(url).Port;
            var dbUrl = $"postgres://postgres@127.0.0.1:{port}/postgres";
            var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=15";
            await using (var conn = new NpgsqlConnection(connection))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand(Slow + "INSERT INTO t SELECT generate_series(1, 5);", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var desired = Desired();
            var apply = Task.Run(() => CliRunner.Run("apply", desired, "--db", dbUrl, "--auto-approve"));
            await WaitForAsync(connection, SlowRuns, "the apply runs its slow statement");
            var bin = Path.GetDirectoryName(PostgresServer.RunTool("bash", "-c", "dpkg -L postgresql-15 | grep '/bin/pg_ctl$' | head -n1").Trim())!;
            var ctl = Environment.UserName == "root" ? new[] { "runuser", "-u", "postgres", "--", Path.Combine(bin, "pg_ctl") } : [Path.Combine(bin, "pg_ctl")];
            PostgresServer.RunTool(ctl[0], [.. ctl[1..], "-D", Path.Combine(dir, "data"), "-m", "fast", "-w", "-t", "60", "restart", "-l", Path.Combine(dir, "server.log")]);
            var (code, _, stderr) = await apply;
            Assert.Equal(4, code);
            Assert.True(stderr.Contains("schemafirst: apply failed (history #1)", StringComparison.Ordinal), stderr);
            Assert.Contains("nothing was applied; apply again to resume", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_class WHERE relname = 'extra'"));
            Assert.NotEqual("succeeded", await ScalarAsync(connection, "SELECT status FROM schemafirst.history"));

            var (rerun, _, rerunErr) = CliRunner.Run("apply", desired, "--db", dbUrl, "--auto-approve");
            Assert.True(rerun == 0, rerunErr);
            Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM pg_class WHERE relname = 'extra'"));
            Assert.Equal((0, "-- No changes.\n"), CliRunner.Run("plan", desired, "--db", dbUrl) is var (c, o, _) ? (c, o) : default);
        }
        finally
        {
            PostgresServer.RunTool("bash", script, "stop", dir);
        }
    }
}

/// <summary>
/// Input apply must not trust: a saved plan edited or cut short, a schemafirst.yaml that is not valid, database URLs
/// that are malformed. Each is a clear error with exit 3 (4 for a server that cannot be reached), and nothing is applied.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class TamperedInputTests : TempDirectoryTest
{
    private const string Shop = "CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);\nCREATE TABLE orders (id integer PRIMARY KEY);\n";

    private static async Task<long> CountAsync(TestDatabase db, string sql)
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(db.Name));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [PostgresFact]
    public async Task A_saved_plan_edited_or_cut_short_is_refused_and_nothing_is_applied()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Shop);
        var desired = Write("v2.sql", Shop + "CREATE TABLE extra (id integer PRIMARY KEY);\n");
        var plan = Path.Combine(Dir, "plan.json");
        Assert.Equal(2, CliRunner.Run("plan", desired, "--db", db.Url, "-o", plan).Code);
        var json = await File.ReadAllTextAsync(plan);
        Assert.Contains("CREATE TABLE public.extra", json, StringComparison.Ordinal);

        // A reviewer approved CREATE TABLE; someone swaps in a DROP before apply.
        await File.WriteAllTextAsync(plan, json.Replace("CREATE TABLE public.extra (\\n    id integer NOT NULL,\\n    CONSTRAINT extra_pkey PRIMARY KEY (id)\\n)", "DROP TABLE public.customers", StringComparison.Ordinal));
        Assert.Contains("DROP TABLE public.customers", await File.ReadAllTextAsync(plan), StringComparison.Ordinal);
        var (code, _, stderr) = CliRunner.Run("apply", plan, "--db", db.Url, "--auto-approve", "--allow-destructive");
        Assert.Equal(3, code);
        Assert.Contains("was edited after it was planned", stderr, StringComparison.Ordinal);
        await File.WriteAllTextAsync(plan, json[..(json.Length / 2)]);
        (code, _, stderr) = CliRunner.Run("apply", plan, "--db", db.Url, "--auto-approve");
        Assert.Equal(3, code);
        Assert.Contains("is not a plan saved by 'schemafirst plan -o'", stderr, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync(db, "SELECT count(*) FROM pg_class WHERE relname = 'customers'"));
        Assert.Equal(0L, await CountAsync(db, "SELECT count(*) FROM pg_class WHERE relname IN ('extra', 'history')"));

        // The untouched plan applies.
        await File.WriteAllTextAsync(plan, json);
        (code, _, stderr) = CliRunner.Run("apply", plan, "--db", db.Url, "--auto-approve");
        Assert.True(code == 0, stderr);
        Assert.Equal(1L, await CountAsync(db, "SELECT count(*) FROM pg_class WHERE relname = 'extra'"));
    }

    [PostgresFact]
    public async Task A_malformed_config_or_url_is_an_error_and_nothing_is_applied()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        var desired = Write("project/schema/shop.sql", Shop);
        var project = Path.Combine(Dir, "project");
        Write("project/schemafirst.yaml", "dialect: postgres\nschema: [schema/\nenvironments:\n  prod: { url: x }\n");
        var (code, _, stderr) = CliRunner.RunIn(project, "apply", "--db", db.Url, "--auto-approve");
        Assert.Equal(3, code);
        Assert.StartsWith("schemafirst.yaml:2:9: error SF106", stderr, StringComparison.Ordinal);
        Assert.Contains("error SF106: schemafirst.yaml is not valid", stderr, StringComparison.Ordinal);

        foreach (var (url, expected) in new[]
        {
            ("postgres://app@127.0.0.1:99999/shop", "expected a URL like"),
            ("postgres://app@[::1/shop", "expected a URL like"),
            ("${SF_SURELY_UNSET_URL}", "environment variable SF_SURELY_UNSET_URL is not set"),
            ("postgress://app@127.0.0.1/shop", "expected a URL like"),
            ("sqlite://", "expected a URL like"),
        })
        {
            (code, _, stderr) = CliRunner.Run("apply", desired, "--db", url, "--auto-approve");
            Assert.True(code == 3, url + ": " + stderr);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
        }
        (code, _, stderr) = CliRunner.Run("apply", desired, "--db", "postgres://app@127.0.0.1:1/shop", "--auto-approve");
        Assert.Equal(4, code);
        Assert.Contains("cannot connect to postgres://app@127.0.0.1:1/shop", stderr, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(db, "SELECT count(*) FROM pg_class WHERE relname IN ('customers', 'history')"));
    }
}
