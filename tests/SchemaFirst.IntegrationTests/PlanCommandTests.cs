using System.Text.Json;
using Npgsql;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// <c>schemafirst plan</c> as a user runs it against a real PostgreSQL 15: no changes on the schema the database was
/// made from, the migration of an edit with exit code 2, a saved JSON plan, and a role that cannot create the
/// scratch database planning from the offline normal form with a warning instead of failing.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class PlanCommandTests : TempDirectoryTest
{
    private const string Schema = """
        CREATE TABLE customers (
            id integer PRIMARY KEY,
            phone text,
            kind varchar(10) CHECK (kind IN ('person', 'company'))
        );
        CREATE INDEX customers_phone_idx ON customers (phone);
        """;

    [PostgresFact]
    public async Task Plan_reports_no_changes_then_the_migration_of_an_edit_and_saves_it_as_json()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Schema);
        var source = Write("schema.sql", Schema);
        var (same, sameOut, sameErr) = CliRunner.Run("plan", source, "--db", db.Url);
        Assert.True(same == 0, sameErr);
        Assert.Equal("-- No changes.\n", sameOut);

        var edited = Write("edited.sql", Schema.Replace("    phone text,", "    mobile text, -- schemafirst:renamed-from phone\n    email text NOT NULL DEFAULT '',", StringComparison.Ordinal)
            .Replace("(phone)", "(mobile)", StringComparison.Ordinal));
        var (code, stdout, stderr) = CliRunner.Run("plan", edited, "--db", db.Url);
        Assert.Equal(2, code);
        Assert.Contains("ALTER TABLE public.customers RENAME COLUMN phone TO mobile;", stdout, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE public.customers ADD COLUMN email text DEFAULT ''::text NOT NULL;", stdout, StringComparison.Ordinal);
        Assert.Contains("schemafirst: 2 changes, 2 statements", stderr, StringComparison.Ordinal);

        var saved = Path.Combine(Dir, "plan.json");
        var (savedCode, savedOut, _) = CliRunner.Run("plan", edited, "--db", db.Url, "-o", saved);
        Assert.Equal(2, savedCode);
        Assert.Equal(string.Empty, savedOut);
        using var json = JsonDocument.Parse(File.ReadAllText(saved));
        Assert.Equal(["RenameColumn", "AddColumn"], json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal("BC101", json.RootElement.GetProperty("statements")[0].GetProperty("hazards")[0].GetProperty("code").GetString());
    }

    [PostgresFact]
    public async Task A_role_that_cannot_create_databases_plans_from_the_offline_normal_form_with_a_warning()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(Schema + "\nDO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sf_no_createdb') THEN CREATE ROLE sf_no_createdb LOGIN NOCREATEDB; END IF; END $$;");
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString(db.Name));
        var url = $"postgres://sf_no_createdb@{builder.Host}:{builder.Port}/{db.Name}";
        // An edit needs the dev database: without CREATEDB the plan falls back to the offline normal form, and says so.
        var (code, stdout, stderr) = CliRunner.Run("plan", Write("schema.sql", Schema.Replace("phone text,", "phone text, note varchar(10) CHECK (note <> ''),", StringComparison.Ordinal)), "--db", url);
        Assert.Contains("schemafirst: warning: cannot use the dev database at", stderr, StringComparison.Ordinal);
        Assert.Contains("comparing with the offline normal form instead", stderr, StringComparison.Ordinal);
        Assert.True(code is 0 or 2, stderr);
        Assert.StartsWith("-- ", stdout, StringComparison.Ordinal);
        var (offline, _, offlineErr) = CliRunner.Run("plan", Write("schema2.sql", Schema), "--db", url, "--offline");
        Assert.True(offline is 0 or 2, offlineErr);
        Assert.DoesNotContain("warning", offlineErr, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Bare_string_defaults_and_default_operator_classes_read_offline_as_the_server_prints_them()
    {
        var file = Write("normal.sql", """
            CREATE TYPE status AS ENUM ('pending', 'done');
            CREATE TABLE t (id int PRIMARY KEY, s status NOT NULL DEFAULT 'pending', v varchar(10) DEFAULT 'a', c char(2) DEFAULT 'xy',
                tx text DEFAULT '', j json DEFAULT '{}', n text, k varchar(5), at timestamptz);
            CREATE INDEX t_n ON t (n text_ops);
            CREATE INDEX t_k ON t (k varchar_ops, id int4_ops, at timestamptz_ops);
            CREATE INDEX t_p ON t (n text_pattern_ops);
            """);
        var (offline, offlineOut, offlineErr) = CliRunner.Run("generate", "sql", file);
        Assert.True(offline == 0, offlineErr);
        var (server, serverOut, serverErr) = CliRunner.Run("generate", "sql", file, "--dev-url", PostgresServer.Url!);
        Assert.True(server == 0, serverErr);
        Assert.Equal(serverOut, offlineOut);
        Assert.Contains("DEFAULT 'pending'::public.status", offlineOut, StringComparison.Ordinal);
        Assert.Contains("(n text_pattern_ops)", offlineOut, StringComparison.Ordinal);
    }
}
