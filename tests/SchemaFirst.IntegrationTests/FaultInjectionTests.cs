using System.Diagnostics;
using Npgsql;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// An apply killed with SIGKILL at every boundary of a multi-statement plan (SCHEMAFIRST_TEST_KILL_AT makes the tool kill
/// itself at the N-th: history row written, before and after each statement, around the commit, after each progress
/// record), on real PostgreSQL and MariaDB. After each kill the database holds either the old schema or, for statements
/// that commit on their own, exactly what the history row says took effect; a rerun always ends at the desired schema,
/// and a plan after it is empty.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class FaultInjectionTests : TempDirectoryTest
{
    /// <summary>Runs the tool in a process of its own, killed at boundary <paramref name="at"/>: true when it was killed.</summary>
    private bool RunKilledAt(int at, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Dir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SchemaFirst.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["SCHEMAFIRST_TEST_KILL_AT"] = at.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "the apply did not end in 2 minutes");
        // SIGKILL: the runtime reports 137 (128 + 9).
        if (p.ExitCode == 137) return true;
        Assert.True(p.ExitCode == 0, $"boundary {at}: exit {p.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return false;
    }

    private static async Task<object?> PgScalarAsync(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    private const string PgV1 = """
        CREATE TYPE mood AS ENUM ('sad', 'ok');
        CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, feeling mood);
        CREATE TABLE pets (id integer PRIMARY KEY, owner_id integer);
        """;

    // Statements of all three phases: an enum value before the transaction, table changes in it, indexes built
    // CONCURRENTLY after it.
    private const string PgV2 = """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, feeling mood, email text);
        CREATE TABLE pets (id integer PRIMARY KEY, owner_id integer REFERENCES people (id), species text DEFAULT 'cat');
        CREATE TABLE visits (id integer PRIMARY KEY, pet_id integer NOT NULL REFERENCES pets (id), at timestamptz);
        CREATE INDEX people_email ON people (email);
        CREATE INDEX pets_owner ON pets (owner_id);
        """;

    [PostgresFact]
    public async Task PostgreSQL_killed_at_every_boundary_keeps_the_old_schema_or_a_recorded_state_and_a_rerun_finishes()
    {
        var v1 = Write("v1.sql", PgV1);
        var v2 = Write("v2.sql", PgV2);
        var boundaries = 0;
        for (var at = 1; at < 60; at++)
        {
            await using var db = await PostgresServer.CreateDatabaseAsync();
            var (setup, _, setupErr) = CliRunner.Run("apply", v1, "--db", db.Url, "--auto-approve");
            Assert.True(setup == 0, setupErr);
            await db.ExecuteAsync("INSERT INTO people VALUES (1, 'ann', 'ok'); INSERT INTO pets VALUES (1, 1);");
            if (!RunKilledAt(at, "apply", v2, "--db", db.Url, "--auto-approve", "--concurrent-indexes"))
            {
                boundaries = at - 1;
                break;
            }
            // The transaction is all or nothing: the new column, the new table and the foreign key together.
            var email = (long)(await PgScalarAsync(db.Name, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'people' AND column_name = 'email'"))!;
            var visits = (long)(await PgScalarAsync(db.Name, "SELECT count(*) FROM pg_class WHERE relname = 'visits'"))!;
            var fk = (long)(await PgScalarAsync(db.Name, "SELECT count(*) FROM pg_constraint WHERE conname = 'pets_owner_id_fkey'"))!;
            Assert.True(email == visits && visits == fk, $"boundary {at}: the transaction took effect in part (email {email}, visits {visits}, fk {fk})");
            // What ran outside it is what the history row says: an index only after the commit.
            var indexes = (long)(await PgScalarAsync(db.Name, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('people_email', 'pets_owner')"))!;
            Assert.True(indexes == 0 || email == 1, $"boundary {at}: an index was built without its transaction");
            // Killed after its last record, the apply had finished: otherwise its row is still 'running'.
            var status = (string)(await PgScalarAsync(db.Name, "SELECT string_agg(status, ',' ORDER BY id) FROM schemafirst.history"))!;
            Assert.Contains(status, new[] { "succeeded,running", "succeeded,succeeded" });
            var interrupted = status.EndsWith("running", StringComparison.Ordinal);
            // The data is still there.
            Assert.Equal("ann", await PgScalarAsync(db.Name, "SELECT name FROM people WHERE id = 1"));

            var (rerun, _, rerunErr) = CliRunner.Run("apply", v2, "--db", db.Url, "--auto-approve", "--concurrent-indexes");
            Assert.True(rerun == 0, $"boundary {at}: the rerun failed:\n{rerunErr}");
            Assert.Equal(interrupted, rerunErr.Contains("was interrupted after", StringComparison.Ordinal));
            var (plan, planOut, planErr) = CliRunner.Run("plan", v2, "--db", db.Url);
            Assert.True(plan == 0 && planOut == "-- No changes.\n", $"boundary {at}: after the rerun the plan is not empty:\n{planOut}{planErr}");
        }
        // history row, 1 enum statement before the transaction, its statements, the commit, 2 concurrent indexes, the end.
        Assert.InRange(boundaries, 15, 40);
    }

    private const string MyV1 = """
        CREATE TABLE people (id int PRIMARY KEY, name varchar(50) NOT NULL) ENGINE=InnoDB;
        CREATE TABLE pets (id int PRIMARY KEY, owner_id int) ENGINE=InnoDB;
        """;

    private const string MyV2 = """
        CREATE TABLE people (id int PRIMARY KEY, name varchar(50) NOT NULL, email varchar(100), KEY people_email (email)) ENGINE=InnoDB;
        CREATE TABLE pets (id int PRIMARY KEY, owner_id int, species varchar(20) DEFAULT 'cat', CONSTRAINT pets_owner FOREIGN KEY (owner_id) REFERENCES people (id)) ENGINE=InnoDB;
        CREATE TABLE visits (id int PRIMARY KEY, pet_id int NOT NULL, CONSTRAINT visits_pet FOREIGN KEY (pet_id) REFERENCES pets (id)) ENGINE=InnoDB;
        CREATE VIEW pet_owners AS SELECT p.id, o.name FROM pets p JOIN people o ON o.id = p.owner_id;
        """;

    /// <summary>How many of the plan's eight changes are in the database (each commits on its own).</summary>
    private static async Task<long> TookEffectAsync(MariaDbDatabase db)
    {
        var schema = $"TABLE_SCHEMA = '{db.Name}'";
        return await db.ScalarAsync($"SELECT count(*) FROM information_schema.TABLES WHERE {schema} AND TABLE_NAME IN ('visits', 'pet_owners')")
            + await db.ScalarAsync($"SELECT count(*) FROM information_schema.COLUMNS WHERE {schema} AND COLUMN_NAME IN ('email', 'species')")
            + await db.ScalarAsync($"SELECT count(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE {schema} AND INDEX_NAME IN ('people_email', 'pets_owner')")
            + await db.ScalarAsync($"SELECT count(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '{db.Name}' AND CONSTRAINT_NAME IN ('pets_owner', 'visits_pet')");
    }

    [MariaDbFact]
    public async Task MariaDB_killed_at_every_boundary_records_what_took_effect_and_a_rerun_finishes()
    {
        var v1 = Write("v1.sql", MyV1);
        var v2 = Write("v2.sql", MyV2);
        var boundaries = 0;
        for (var at = 1; at < 60; at++)
        {
            await using var db = await MariaDbServer.CreateDatabaseAsync();
            var uri = new Uri(MariaDbServer.Url!);
            var url = $"mysql://{uri.UserInfo}@{uri.Host}:{uri.Port}/{db.Name}";
            var (setup, _, setupErr) = CliRunner.Run("apply", v1, "--source-dialect", "mysql", "--db", url, "--auto-approve");
            Assert.True(setup == 0, setupErr);
            await db.ExecuteAsync("INSERT INTO people VALUES (1, 'ann'); INSERT INTO pets VALUES (1, 1);");
            if (!RunKilledAt(at, "apply", v2, "--source-dialect", "mysql", "--db", url, "--auto-approve"))
            {
                boundaries = at - 1;
                break;
            }
            // Each DDL statement commits on its own: the history row says how many did, and no more took effect.
            var running = await db.ScalarAsync("SELECT count(*) FROM schemafirst_history WHERE status = 'running'");
            Assert.Equal(running == 0 ? 2 : 1, await db.ScalarAsync("SELECT count(*) FROM schemafirst_history WHERE status = 'succeeded'"));
            if (running == 1)
            {
                var done = await db.ScalarAsync("SELECT statements_done FROM schemafirst_history WHERE status = 'running'");
                var total = await db.ScalarAsync("SELECT statements_total FROM schemafirst_history WHERE status = 'running'");
                Assert.InRange(done, 0, total);
                // No statement past the recorded ones took effect, save the one the kill may have cut between its commit and its record.
                var tookEffect = await TookEffectAsync(db);
                Assert.InRange(tookEffect, done, done + 1);
            }
            Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM people WHERE name = 'ann'"));

            var (rerun, _, rerunErr) = CliRunner.Run("apply", v2, "--source-dialect", "mysql", "--db", url, "--auto-approve");
            Assert.True(rerun == 0, $"boundary {at}: the rerun failed:\n{rerunErr}");
            Assert.Equal(running == 1, rerunErr.Contains("was interrupted after", StringComparison.Ordinal));
            var (plan, planOut, planErr) = CliRunner.Run("plan", v2, "--source-dialect", "mysql", "--db", url);
            Assert.True(plan == 0 && planOut == "-- No changes.\n", $"boundary {at}: after the rerun the plan is not empty:\n{planOut}{planErr}");
        }
        Assert.InRange(boundaries, 10, 40);
    }
}
