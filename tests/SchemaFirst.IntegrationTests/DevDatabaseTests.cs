using Npgsql;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// --dev-url: the engine itself normalizes the source. With it, every applicable corpus file meets its inspected
/// database with no difference at all, the one file whose view bodies the offline normalizer cannot know included.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class DevDatabaseTests : TempDirectoryTest
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private static async Task<List<string>> ScratchDatabasesAsync()
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'schemafirst\\_dev\\_%'", conn);
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    [PostgresTheory]
    [MemberData(nameof(InspectorTests.ApplicableCorpus), MemberType = typeof(InspectorTests))]
    public async Task A_corpus_file_normalized_by_a_dev_database_equals_the_file_applied_and_inspected(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var path = Path.Combine(TestPaths.Corpus, file);
        var parsed = SqlSource.LoadPostgres([path]).Model;
        await using var dev = await PostgresServer.CreateDatabaseAsync();
        Database normalized;
        await using (var conn = new NpgsqlConnection(PostgresServer.ConnectionString(dev.Name)))
        {
            await conn.OpenAsync();
            var refused = await PostgresDevDatabase.ApplyAsync(conn, PostgresDevDatabase.StatementsToApply([path]));
            Assert.Null(refused);
            normalized = PostgresDevDatabase.Merge((await PostgresInspector.InspectAsync(conn)).Load.Model, parsed);
        }
        await using var applied = await InspectorTests.ApplyCorpusFileAsync(file);
        await using var conn2 = new NpgsqlConnection(PostgresServer.ConnectionString(applied.Name));
        await conn2.OpenAsync();
        var inspected = (await PostgresInspector.InspectAsync(conn2)).Load.Model;
        ModelAssert.Equal(inspected with { Opaque = default }, normalized with { Opaque = default });
    }

    [PostgresFact]
    public async Task Generate_with_a_dev_url_prints_what_inspect_prints_and_leaves_no_database_behind()
    {
        const string file = "sakila_jooq/postgres-sakila-db/postgres-sakila-schema.sql";
        if (!TestPaths.CorpusAvailable()) return;
        var (code, generated, stderr) = Run("generate", "sql", Path.Combine(TestPaths.Corpus, file), "--dev-url", PostgresServer.Url!);
        Assert.True(code == 0, stderr);
        await using var applied = await InspectorTests.ApplyCorpusFileAsync(file);
        var (code2, inspected, stderr2) = Run("inspect", applied.Url);
        Assert.True(code2 == 0, stderr2);
        // Everything but the statements kept verbatim (inspect cannot read those back) is the same text, byte for byte.
        var opaque = generated.IndexOf("-- Statements SchemaFirst does not model", StringComparison.Ordinal);
        Assert.Equal(inspected.TrimEnd(), (opaque >= 0 ? generated[..opaque] : generated).TrimEnd());
        Assert.Empty(await ScratchDatabasesAsync());
    }

    [PostgresFact]
    public async Task What_the_server_refuses_is_reported_at_its_place_and_the_scratch_database_is_dropped()
    {
        var bad = Write("bad.sql", "CREATE TABLE t (id int);\nCREATE VIEW v AS\n  SELECT id, nope FROM t;\n");
        var (code, _, stderr) = Run("validate", "-q", bad, "--dev-url", PostgresServer.Url!);
        Assert.Equal(1, code);
        Assert.Contains($"{bad}:3:14: error SF311: the dev database refused this statement: column \"nope\" does not exist (SQLSTATE 42703)", stderr);
        Assert.Contains("  SELECT id, nope FROM t;", stderr);

        var role = Write("role.sql", "CREATE TABLE t (id int);\nCREATE POLICY p ON t TO sf_no_such_role USING (true);\n");
        (code, _, stderr) = Run("generate", "sql", role, "--dev-url", PostgresServer.Url!);
        Assert.Equal(1, code);
        Assert.Contains($"{role}:2:1: error SF311:", stderr);
        Assert.Contains("create the role on the dev server", stderr);
        Assert.Empty(await ScratchDatabasesAsync());

        var good = Write("good.sql", "CREATE TABLE t (id int PRIMARY KEY);\nGRANT SELECT ON t TO sf_no_such_role;\nALTER TABLE t OWNER TO sf_no_such_role;\n");
        (code, var stdout, stderr) = Run("validate", good, "--dev-url", PostgresServer.Url!);
        Assert.True(code == 0, stderr);
        Assert.Contains("Dev database: applied to a scratch database on PostgreSQL", stdout);
    }

    [Fact]
    public void A_dev_url_that_cannot_be_reached_is_one_line_and_exit_4()
    {
        var good = Write("good.sql", "CREATE TABLE t (id int);\n");
        var (code, _, stderr) = Run("validate", good, "--dev-url", "postgres://nobody:secret@127.0.0.1:1/dev");
        Assert.Equal(4, code);
        Assert.StartsWith("schemafirst: cannot use the dev database at postgres://nobody@127.0.0.1:1/dev:", stderr);
        Assert.DoesNotContain("secret", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
