using System.Diagnostics;
using Npgsql;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// <c>schemafirst apply</c> on a real PostgreSQL 15, as a user runs it: the history it keeps, what it refuses
/// (destructive changes, data that would make a statement fail, a saved plan the database has moved away from, a second
/// apply at the same time, a lock it cannot get), and an apply killed with SIGKILL in the middle of its transaction.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class ApplyTests : TempDirectoryTest
{
    private const string Shop = """
        CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
        CREATE TABLE orders (
            id integer PRIMARY KEY,
            customer_id integer,
            code text,
            qty integer,
            amount text
        );
        """;

    private static async Task<object?> ScalarAsync(string url, string sql)
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(new Uri(url).AbsolutePath.TrimStart('/')));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    [PostgresFact]
    public async Task Apply_migrates_keeps_history_and_a_second_apply_has_nothing_to_do()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        var v1 = Write("v1.sql", Shop);
        var (code, stdout, stderr) = CliRunner.Run("apply", v1, "--db", db.Url, "--auto-approve");
        Assert.True(code == 0, stderr);
        Assert.Contains("CREATE TABLE public.orders", stdout, StringComparison.Ordinal);
        Assert.Contains("schemafirst: applied ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", stderr, StringComparison.Ordinal);

        var (again, againOut, againErr) = CliRunner.Run("apply", v1, "--db", db.Url, "--auto-approve");
        Assert.Equal(0, again);
        Assert.Equal("-- No changes.\n", againOut);
        Assert.Contains("no changes", againErr, StringComparison.Ordinal);
        // The history table is the tool's, not the schema's: plan does not offer to drop it.
        var (plan, planOut, _) = CliRunner.Run("plan", v1, "--db", db.Url);
        Assert.Equal(0, plan);
        Assert.Equal("-- No changes.\n", planOut);

        var v2 = Write("v2.sql", Shop.Replace("    qty integer,", "    qty integer DEFAULT 1 NOT NULL,\n    note text,", StringComparison.Ordinal));
        var (edit, _, editErr) = CliRunner.Run("apply", v2, "--db", db.Url, "--auto-approve");
        Assert.True(edit == 0, editErr);
        Assert.Equal(1L, await ScalarAsync(db.Url, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'"));
        Assert.Equal("succeeded,succeeded", await ScalarAsync(db.Url, "SELECT string_agg(status, ',' ORDER BY id) FROM schemafirst.history"));
        Assert.Equal(true, await ScalarAsync(db.Url, "SELECT bool_and(after_fingerprint = to_fingerprint OR after_fingerprint IS NOT NULL) AND bool_and(statements_done = statements_total) AND bool_and(applied_by LIKE 'postgres (%') FROM schemafirst.history"));
        Assert.Equal(1L, await ScalarAsync(db.Url, "SELECT count(DISTINCT source_fingerprint) FROM schemafirst.history WHERE id = 2"));
    }

    [PostgresFact]
    public async Task Nobody_at_a_terminal_needs_auto_approve_and_dry_run_changes_nothing()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        var v1 = Write("v1.sql", Shop);
        var (code, _, stderr) = CliRunner.Run("apply", v1, "--db", db.Url);
        Assert.Equal(3, code);
        Assert.Contains("pass --auto-approve", stderr, StringComparison.Ordinal);
        var (dry, dryOut, dryErr) = CliRunner.Run("apply", v1, "--db", db.Url, "--dry-run");
        Assert.Equal(2, dry);
        Assert.Contains("CREATE TABLE public.customers", dryOut, StringComparison.Ordinal);
        Assert.Contains("dry run: 2 statements would run", dryErr, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(db.Url, "SELECT count(*) FROM pg_class WHERE relname IN ('customers', 'orders', 'history')"));
    }

    [PostgresFact]
    public async Task Destructive_changes_are_refused_unless_allowed_naming_each()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Shop + "INSERT INTO customers VALUES (1, 'Ada');");
        var v2 = Write("v2.sql", "CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, code text, qty integer);");
        var (code, _, stderr) = CliRunner.Run("apply", v2, "--db", db.Url, "--auto-approve");
        Assert.Equal(1, code);
        Assert.Contains("refused: the plan destroys data in 2 statements; nothing was applied", stderr, StringComparison.Ordinal);
        Assert.Contains("DS101 drop table public.customers", stderr, StringComparison.Ordinal);
        Assert.Contains("DS102 drop column public.orders.amount", stderr, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(db.Url, "SELECT count(*) FROM customers"));

        var (allowed, _, allowedErr) = CliRunner.Run("apply", v2, "--db", db.Url, "--auto-approve", "--allow-destructive");
        Assert.True(allowed == 0, allowedErr);
        Assert.Equal(0L, await ScalarAsync(db.Url, "SELECT count(*) FROM pg_class WHERE relname = 'customers'"));
    }

    [PostgresFact]
    public async Task Pre_flight_checks_refuse_with_counts_and_pass_once_the_data_is_fixed()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Shop + """
            INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');
            INSERT INTO orders VALUES
              (1, 1, 'A', 1, '10'), (2, NULL, 'A', 2, '12'), (3, NULL, 'B', 0, 'twelve'),
              (4, 7, 'C', -1, '3'), (5, 8, 'C', 5, '4'), (6, 9, 'C', 5, NULL), (7, 2, 'toolongcode', 1, '1');
            """);
        var desired = Write("v2.sql", """
            CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (
                id integer PRIMARY KEY,
                customer_id integer NOT NULL REFERENCES customers (id),
                code varchar(4) UNIQUE,
                qty integer CHECK (qty > 0),
                amount integer
            );
            """);
        var (code, _, stderr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve", "--allow-destructive");
        Assert.Equal(1, code);
        Assert.Contains("refused by the pre-flight checks; nothing was applied", stderr, StringComparison.Ordinal);
        Assert.Contains("public.orders.customer_id: 2 rows are NULL; SET NOT NULL would fail", stderr, StringComparison.Ordinal);
        Assert.Contains("public.orders (customer_id): 3 rows reference keys missing from public.customers; foreign key orders_customer_id_fkey would fail", stderr, StringComparison.Ordinal);
        Assert.Contains("public.orders (code): 2 values are held by more than one row; unique constraint orders_code_key would fail", stderr, StringComparison.Ordinal);
        Assert.Contains("public.orders: 2 rows fail CHECK", stderr, StringComparison.Ordinal);
        Assert.Contains("public.orders.amount: 1 value cannot be cast from text to integer; the type change would fail", stderr, StringComparison.Ordinal);
        Assert.Contains("public.orders.code: 1 value is longer than 4 characters; the type change would fail", stderr, StringComparison.Ordinal);
        Assert.Equal("text", await ScalarAsync(db.Url, "SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'amount'"));
        Assert.Equal("refused", await ScalarAsync(db.Url, "SELECT status FROM schemafirst.history ORDER BY id DESC LIMIT 1"));

        await db.ExecuteAsync("""
            UPDATE orders SET customer_id = 1 WHERE customer_id IS NULL OR customer_id > 2;
            UPDATE orders SET code = id::text, qty = 1, amount = '12' WHERE id > 1;
            """);
        var (fixedCode, _, fixedErr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve", "--allow-destructive");
        Assert.True(fixedCode == 0, fixedErr);
        Assert.Equal(12, await ScalarAsync(db.Url, "SELECT amount FROM orders WHERE id = 2"));
    }

    [PostgresFact]
    public async Task A_saved_plan_applies_only_to_the_database_it_was_planned_against()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Shop);
        var desired = Write("v2.sql", Shop.Replace("    qty integer,", "    qty integer,\n    note text,", StringComparison.Ordinal));
        var plan = Path.Combine(Dir, "plan.json");
        Assert.Equal(2, CliRunner.Run("plan", desired, "--db", db.Url, "-o", plan).Code);
        await db.ExecuteAsync("ALTER TABLE customers ADD COLUMN email text;");
        var (code, _, stderr) = CliRunner.Run("apply", plan, "--db", db.Url, "--auto-approve");
        Assert.Equal(1, code);
        Assert.Contains("has changed since", stderr, StringComparison.Ordinal);
        Assert.Contains("Changed since: add column public.customers.email", stderr, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(db.Url, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));

        await db.ExecuteAsync("ALTER TABLE customers DROP COLUMN email;");
        var (ok, okOut, okErr) = CliRunner.Run("apply", plan, "--db", db.Url, "--auto-approve");
        Assert.True(ok == 0, okErr);
        Assert.Contains("ALTER TABLE public.orders ADD COLUMN note text;", okOut, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(db.Url, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));

        File.WriteAllText(plan, "{\"dialect\": \"postgres\", \"statements\": 3}");
        var (bad, _, badErr) = CliRunner.Run("apply", plan, "--db", db.Url, "--auto-approve");
        Assert.Equal(3, bad);
        Assert.Contains("is not a plan saved by 'schemafirst plan -o'", badErr, StringComparison.Ordinal);
    }

    /// <summary>A schema whose next step takes seconds: a check that calls a function that sleeps for every row.</summary>
    private const string Slow = """
        CREATE FUNCTION slow_ok(v integer) RETURNS boolean LANGUAGE sql AS $$ SELECT pg_sleep(1) IS NOT NULL $$;
        CREATE TABLE t (id integer PRIMARY KEY);
        """;

    private async Task<(TestDatabase Db, string Desired)> SlowPlanAsync(int rows)
    {
        var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Slow + $"INSERT INTO t SELECT generate_series(1, {rows});");
        return (db, Write("slow.sql", Slow.Replace("(id integer PRIMARY KEY)", "(id integer PRIMARY KEY CHECK (slow_ok(id)), note text)", StringComparison.Ordinal)));
    }

    private static async Task WaitForAsync(string url, string sql, string what)
    {
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(url, sql) is not true)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail("timed out waiting until " + what);
            await Task.Delay(50);
        }
    }

    [PostgresFact]
    public async Task A_second_apply_is_refused_at_once_while_the_first_completes()
    {
        var (db, desired) = await SlowPlanAsync(3);
        await using var _ = db;
        var first = Task.Run(() => CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve"));
        await WaitForAsync(db.Url, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%slow_ok%' AND state = 'active' AND pid <> pg_backend_pid())", "the first apply runs its slow statement");
        var clock = Stopwatch.StartNew();
        var (code, _, stderr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve");
        Assert.Equal(4, code);
        Assert.Contains("another apply is running on", stderr, StringComparison.Ordinal);
        Assert.Contains("(schemafirst, connected as postgres", stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), "refused at once, not queued behind the first");
        var (firstCode, _, firstErr) = await first;
        Assert.True(firstCode == 0, firstErr);
        Assert.Equal(1L, await ScalarAsync(db.Url, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));
    }

    [PostgresFact]
    public async Task The_lock_timeout_on_a_busy_table_gives_a_clear_message_and_changes_nothing()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Shop);
        await using var holder = new NpgsqlConnection(PostgresServer.ConnectionString(db.Name));
        await holder.OpenAsync();
        await using (var cmd = new NpgsqlCommand("BEGIN; LOCK TABLE orders IN ACCESS SHARE MODE;", holder)) await cmd.ExecuteNonQueryAsync();
        var desired = Write("v2.sql", Shop.Replace("    qty integer,", "    qty integer,\n    note text,", StringComparison.Ordinal) + "CREATE TABLE extra (id integer);");
        var (code, _, stderr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve", "--lock-timeout", "300ms");
        Assert.Equal(4, code);
        Assert.Contains("lock_timeout (300ms) reached: another session holds a lock this statement needs. Nothing of the transaction took effect", stderr, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(db.Url, "SELECT count(*) FROM pg_class WHERE relname = 'extra'"));
        Assert.Equal("failed", await ScalarAsync(db.Url, "SELECT status FROM schemafirst.history"));
    }

    [PostgresFact]
    public async Task An_apply_killed_mid_transaction_leaves_the_old_schema_and_is_reported_as_interrupted()
    {
        var (db, desired) = await SlowPlanAsync(4);
        await using var _ = db;
        var cli = Path.Combine(AppContext.BaseDirectory, "SchemaFirst.Cli.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "apply", desired, "--db", db.Url, "--auto-approve" }) psi.ArgumentList.Add(a);
        using (var process = Process.Start(psi)!)
        {
            await WaitForAsync(db.Url, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%slow_ok%' AND state = 'active' AND pid <> pg_backend_pid())", "the apply runs its slow statement");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        // client_connection_check_interval: the server notices the dead client and rolls back within about a second.
        await WaitForAsync(db.Url, "SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schemafirst' AND pid <> pg_backend_pid())", "the killed apply's session ends");
        Assert.Equal(0L, await ScalarAsync(db.Url, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));
        Assert.Equal("running", await ScalarAsync(db.Url, "SELECT status FROM schemafirst.history"));

        var (code, _, stderr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve");
        Assert.True(code == 0, stderr);
        Assert.Contains("warning: apply #1 (started ", stderr, StringComparison.Ordinal);
        Assert.Contains("was interrupted after 0 of 2 statements", stderr, StringComparison.Ordinal);
        Assert.Equal("interrupted,succeeded", await ScalarAsync(db.Url, "SELECT string_agg(status, ',' ORDER BY id) FROM schemafirst.history"));
        Assert.Equal(1L, await ScalarAsync(db.Url, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));
    }

    [PostgresFact]
    public async Task An_index_left_invalid_by_a_failed_concurrent_build_is_built_again_by_the_next_apply()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Shop + "INSERT INTO orders (id, code) VALUES (1, 'A'), (2, 'A');");
        // What a killed or failed CREATE INDEX CONCURRENTLY leaves behind: an INVALID index.
        await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("CREATE UNIQUE INDEX CONCURRENTLY orders_code_key ON orders (code);"));
        Assert.Equal(false, await ScalarAsync(db.Url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_code_key'::regclass"));
        var desired = Write("v2.sql", Shop + "CREATE UNIQUE INDEX orders_code_key ON orders (code);");
        var (plan, planOut, planErr) = CliRunner.Run("plan", desired, "--db", db.Url, "--concurrent-indexes");
        Assert.Equal(2, plan);
        Assert.Contains("SF602: index public.orders_code_key is INVALID", planErr, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX CONCURRENTLY orders_code_key ON public.orders", planOut, StringComparison.Ordinal);
        await db.ExecuteAsync("UPDATE orders SET code = 'B' WHERE id = 2;");
        var (code, _, stderr) = CliRunner.Run("apply", desired, "--db", db.Url, "--auto-approve", "--concurrent-indexes");
        Assert.True(code == 0, stderr);
        Assert.Equal(true, await ScalarAsync(db.Url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_code_key'::regclass"));
        Assert.Equal((0, "-- No changes.\n"), CliRunner.Run("plan", desired, "--db", db.Url) is var (c, o, _) ? (c, o) : default);
    }

    [PostgresFact]
    public async Task No_password_appears_in_output_history_or_errors()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        const string secret = "s3cr3t-Pa55word";
        var u = new Uri(db.Url);
        var withPassword = $"postgres://{u.UserInfo}:{secret}@{u.Host}:{u.Port}{u.AbsolutePath}";
        var v1 = Write("v1.sql", Shop);
        var outputs = new List<string>();
        void Run(params string[] args)
        {
            var (_, o, e) = CliRunner.Run(args);
            outputs.Add(o);
            outputs.Add(e);
        }
        Run("apply", v1, "--db", withPassword, "--auto-approve");
        Run("apply", Write("v2.sql", "CREATE TABLE customers (id integer PRIMARY KEY);"), "--db", withPassword, "--auto-approve");
        Run("plan", v1, "--db", withPassword, "-o", Path.Combine(Dir, "plan.json"));
        outputs.Add(File.ReadAllText(Path.Combine(Dir, "plan.json")));
        Run("apply", v1, "--db", $"postgres://{u.UserInfo}:{secret}@127.0.0.1:1/nowhere", "--auto-approve");
        outputs.Add((string)(await ScalarAsync(db.Url, "SELECT string_agg(concat_ws(' ', applied_by, statements, error), ' ') FROM schemafirst.history"))!);
        Assert.Contains(outputs, o => o.Contains("cannot connect to postgres://", StringComparison.Ordinal));
        Assert.DoesNotContain(outputs, o => o.Contains(secret, StringComparison.Ordinal));
    }
}
