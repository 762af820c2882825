using System.Text;
using Npgsql;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The claim drift detection and plans stand on: a schema read from a live database and the same schema read from
/// its SQL source are the same model.
/// </summary>
public class InspectorTests
{
    public static TheoryData<string> ApplicableCorpus()
    {
        var data = new TheoryData<string>();
        foreach (var f in CorpusFiles.Postgres.Where(f => f.AppliesToPostgres15)) data.Add(f.Path);
        return data;
    }

    private static async Task<InspectResult> InspectAsync(TestDatabase db, InspectOptions? options = null)
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(db.Name));
        await conn.OpenAsync();
        var result = await PostgresInspector.InspectAsync(conn, options);
        Assert.True(!result.Load.HasErrors, "the inspected DDL did not parse:\n" + string.Join("\n", result.Load.Diagnostics.Select(d => d.Location + " " + d.Message)));
        return result;
    }

    private static async Task<string> WriteTempAsync(IEnumerable<string> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "sf-" + Guid.NewGuid().ToString("N") + ".sql");
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>Applies a corpus file as it is (less the lines that switch databases) to a fresh database.</summary>
    internal static async Task<TestDatabase> ApplyCorpusFileAsync(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Corpus, file)).Where(l =>
            !l.StartsWith("\\c", StringComparison.Ordinal) && !l.StartsWith("CREATE DATABASE", StringComparison.OrdinalIgnoreCase)
            && !l.StartsWith("DROP DATABASE", StringComparison.OrdinalIgnoreCase));
        var path = await WriteTempAsync(lines);
        var db = await PostgresServer.CreateDatabaseAsync();
        try
        {
            db.ApplyFile(path);
        }
        finally
        {
            File.Delete(path);
        }
        return db;
    }

    /// <summary>What a database cannot tell back, by nature: statements kept verbatim (the server does not keep their text).</summary>
    private static Database WithoutUnknowable(Database db) => db with { Opaque = default };

    /// <summary>
    /// Differences by nature, per file, each with its reason. Everything else in these files is compared as usual.
    /// </summary>
    private static readonly Dictionary<string, (string What, string Why)> KnownDifferences = new()
    {
        ["sakila_jooq/postgres-sakila-db/postgres-sakila-schema.sql"] = ("view and rule bodies",
            "the file was dumped by an older pg_dump under search_path = public; the server re-prints view and rule bodies with " +
            "qualified names and renames clashing inner aliases (fc becomes fc_1), which only the server itself (a dev database) can tell"),
    };

    [PostgresTheory]
    [MemberData(nameof(ApplicableCorpus))]
    public async Task A_corpus_file_read_from_the_database_equals_the_file_parsed(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var parsed = WithoutUnknowable(SqlSource.LoadPostgres([Path.Combine(TestPaths.Corpus, file)]).Model);
        await using var db = await ApplyCorpusFileAsync(file);
        var inspected = WithoutUnknowable((await InspectAsync(db)).Load.Model);
        if (KnownDifferences.TryGetValue(file, out var known) && known.What == "view and rule bodies")
        {
            // Same views and rules, on the same relations, with the same comments; only the body text is left out.
            Assert.Equal(parsed.Views.Select(v => v with { Query = string.Empty }), inspected.Views.Select(v => v with { Query = string.Empty }));
            Assert.Equal(parsed.Rules.Select(r => r with { Definition = string.Empty }), inspected.Rules.Select(r => r with { Definition = string.Empty }));
            parsed = parsed with { Views = default, Rules = default };
            inspected = inspected with { Views = default, Rules = default };
        }
        ModelAssert.Equal(parsed, inspected);
    }

    [PostgresTheory]
    [MemberData(nameof(ApplicableCorpus))]
    public async Task Inspect_render_apply_inspect_is_a_fixed_point(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        await using var first = await ApplyCorpusFileAsync(file);
        var once = (await InspectAsync(first)).Load.Model;
        await using var second = await PostgresServer.CreateDatabaseAsync();
        await second.ExecuteAsync(PostgresSqlGenerator.Generate(once));
        var twice = (await InspectAsync(second)).Load.Model;
        ModelAssert.Equal(once, twice);
    }

    /// <summary>Every kind of privilege the model holds, reached by the statements people write.</summary>
    private const string PrivilegeFixture = """
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int PRIMARY KEY, secret text, name text);
        CREATE VIEW app.v AS SELECT t.id FROM app.t;
        CREATE SEQUENCE app.s;
        CREATE TABLE app.ident (id bigint GENERATED ALWAYS AS IDENTITY);
        CREATE FUNCTION app.f(a integer) RETURNS integer LANGUAGE sql AS $$ SELECT a $$;
        CREATE FUNCTION app.f(a text) RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE PROCEDURE app.p() LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE TYPE app.mood AS ENUM ('a');
        CREATE DOMAIN app.pos AS integer CONSTRAINT pos_check CHECK (VALUE > 0);
        GRANT USAGE ON SCHEMA app TO sf_reader;
        GRANT USAGE, CREATE ON SCHEMA app TO "sf_Writer" WITH GRANT OPTION;
        GRANT SELECT ON ALL TABLES IN SCHEMA app TO sf_reader;
        GRANT ALL ON app.t TO "sf_Writer";
        REVOKE TRUNCATE, TRIGGER ON app.t FROM "sf_Writer";
        GRANT SELECT (id, name), UPDATE (name) ON app.t TO sf_clerk WITH GRANT OPTION;
        REVOKE GRANT OPTION FOR UPDATE (name) ON app.t FROM sf_clerk;
        GRANT ALL ON SEQUENCE app.s TO "sf_Writer" WITH GRANT OPTION;
        GRANT USAGE ON SEQUENCE app.ident_id_seq TO sf_reader;
        REVOKE EXECUTE ON FUNCTION app.f(integer) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION app.f(integer) TO sf_reader;
        REVOKE ALL ON FUNCTION app.f(text) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION app.f(text) TO PUBLIC;
        REVOKE EXECUTE ON PROCEDURE app.p() FROM PUBLIC;
        REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
        GRANT USAGE ON DOMAIN app.pos TO "sf_Writer";
        REVOKE USAGE ON SCHEMA public FROM PUBLIC;
        GRANT CREATE ON SCHEMA public TO sf_reader;
        ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO sf_reader;
        ALTER DEFAULT PRIVILEGES FOR ROLE "sf_Writer" IN SCHEMA app GRANT USAGE ON SEQUENCES TO sf_reader WITH GRANT OPTION;
        ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
        ALTER DEFAULT PRIVILEGES GRANT ALL ON SCHEMAS TO sf_clerk;
        ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO "sf_Writer";
        """;

    private static async Task CreateRolesAsync(TestDatabase db)
    {
        // Roles belong to the cluster and tests run in parallel: creating one that exists is not an error here.
        foreach (var role in new[] { "sf_reader", "sf_Writer", "sf_clerk" })
        {
            await db.ExecuteAsync($"DO $$ BEGIN CREATE ROLE \"{role}\" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
        }
    }

    [PostgresFact]
    public async Task Privileges_read_from_the_database_equal_the_state_the_source_leaves()
    {
        var load = SqlSource.ParsePostgres(PrivilegeFixture, "privileges.sql");
        Assert.False(load.HasErrors);
        var parsed = load.Model;
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await CreateRolesAsync(db);
        await db.ExecuteAsync(PrivilegeFixture);
        var inspected = (await InspectAsync(db)).Load.Model;
        ModelAssert.Equal(parsed, inspected);
        Assert.Contains(inspected.Grants, g => g is { ObjectKind: GrantObjectKind.Schema, Object: "public", Grantee: "public", Privilege: "USAGE", State: GrantState.Revoked });
        Assert.Contains(inspected.Grants, g => g is { Object: "app.t", Column: "name", Grantee: "sf_clerk", Privilege: "UPDATE", State: GrantState.Granted });
        Assert.Contains(inspected.Grants, g => g is { Object: "app.ident_id_seq", ObjectKind: GrantObjectKind.Sequence, Grantee: "sf_reader" });
        Assert.DoesNotContain(inspected.Grants, g => g.Object == "app.f(text)");
        Assert.Contains(inspected.DefaultPrivileges, d => d is { Role: null, Schema: null, Objects: DefaultPrivilegeObjects.Functions, Grantee: "public", State: GrantState.Revoked });
        Assert.Contains(inspected.DefaultPrivileges, d => d is { Role: "sf_Writer", Schema: "app", Objects: DefaultPrivilegeObjects.Sequences, State: GrantState.GrantedWithGrantOption });

        // Rendered and applied elsewhere, the privileges read back the same (inspect is a fixed point for them too).
        await using var second = await PostgresServer.CreateDatabaseAsync();
        await second.ExecuteAsync(PostgresSqlGenerator.Generate(inspected));
        var again = (await InspectAsync(second)).Load.Model;
        Assert.Equal((inspected.Grants, inspected.DefaultPrivileges), (again.Grants, again.DefaultPrivileges));

        // A schema filter leaves the privileges of the schemas it excludes out.
        var appOnly = (await InspectAsync(db, new InspectOptions(Schemas: ["app"]))).Load.Model;
        Assert.DoesNotContain(appOnly.Grants, g => g.Object == "public");
        Assert.Equal(parsed.Grants.Where(g => g.Object != "public"), appOnly.Grants);
        Assert.Equal(parsed.DefaultPrivileges, appOnly.DefaultPrivileges);
    }

    [PostgresFact]
    public async Task The_examples_read_back_as_they_were_written()
    {
        var parsed = SqlSource.LoadPostgres([TestPaths.Examples]).Model;
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(PostgresSqlGenerator.Generate(parsed));
        var inspected = (await InspectAsync(db)).Load.Model;
        var rendered = SqlSource.ParsePostgres(PostgresSqlGenerator.Generate(inspected), "again.sql").Model;
        ModelAssert.Equal(inspected, rendered);
        // Same objects, named the same, in the same places.
        Assert.Equal(parsed.Tables.Select(t => t.Name), inspected.Tables.Select(t => t.Name));
        Assert.Equal(parsed.Tables.Select(t => t.Columns.Select(c => c.Name + " " + c.Type.Text)), inspected.Tables.Select(t => t.Columns.Select(c => c.Name + " " + c.Type.Text)));
        Assert.Equal(parsed.Tables.SelectMany(t => t.ForeignKeys.Select(f => f.Name)), inspected.Tables.SelectMany(t => t.ForeignKeys.Select(f => f.Name)));
        Assert.Equal(parsed.Indexes.Select(i => i.Name), inspected.Indexes.Select(i => i.Name));
        Assert.Equal(parsed.Views.Select(v => v.Name), inspected.Views.Select(v => v.Name));
        Assert.Equal(parsed.Enums, inspected.Enums);
    }

    [PostgresFact]
    public async Task The_number_of_round_trips_does_not_grow_with_the_schema()
    {
        static string Schema(int tables)
        {
            var sb = new StringBuilder("CREATE TYPE mood AS ENUM ('a', 'b');\n");
            for (var i = 0; i < tables; i++)
            {
                sb.Append($"CREATE TABLE t{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, m mood DEFAULT 'a'{(i > 0 ? $", parent_id bigint REFERENCES t{i - 1} (id)" : string.Empty)});\n");
                sb.Append($"CREATE INDEX t{i}_name_idx ON t{i} (lower(name)) WHERE name <> '';\n");
                sb.Append($"COMMENT ON TABLE t{i} IS 'table {i}';\n");
            }
            sb.Append("CREATE VIEW v AS SELECT id FROM t0;\n");
            return sb.ToString();
        }

        await using var small = await PostgresServer.CreateDatabaseAsync();
        await small.ExecuteAsync(Schema(5));
        await using var large = await PostgresServer.CreateDatabaseAsync();
        await large.ExecuteAsync(Schema(5000));
        var a = await InspectAsync(small);
        var b = await InspectAsync(large);
        Assert.Equal(5, a.Load.Model.Tables.Count);
        Assert.Equal(5000, b.Load.Model.Tables.Count);
        Assert.Equal(a.RoundTrips, b.RoundTrips);
        Assert.Equal(SqlSource.ParsePostgres(Schema(5000)).Model.Tables.Count, b.Load.Model.Tables.Count);
    }

    [PostgresFact]
    public async Task Schema_filters_take_glob_patterns_and_system_and_extension_objects_stay_out()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE EXTENSION pg_trgm;
            CREATE SCHEMA app_core; CREATE SCHEMA app_audit; CREATE SCHEMA scratch;
            CREATE TABLE app_core.a (id int); CREATE TABLE app_audit.b (id int); CREATE TABLE scratch.c (id int);
            """);
        var only = (await InspectAsync(db, new InspectOptions(["app_*"], ["*audit"]))).Load.Model;
        Assert.Equal(["app_core.a"], only.Tables.Select(t => t.Name.Schema + "." + t.Name.Name));
        var all = (await InspectAsync(db)).Load.Model;
        Assert.Equal(3, all.Tables.Count);
        Assert.Empty(all.Routines); // pg_trgm's functions belong to the extension
        Assert.Equal("pg_trgm", Assert.Single(all.Extensions).Name);
    }
}
