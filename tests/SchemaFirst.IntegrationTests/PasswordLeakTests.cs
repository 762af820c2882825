using Npgsql;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// A database password reaches no output: every command that takes a database URL is run with a password in it (on
/// success and on each kind of failure), and its stdout, stderr, every file it wrote and every row of the history table
/// are searched for the password, whole and URL-escaped.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class PasswordLeakTests : TempDirectoryTest
{
    // Characters a password URL must escape, so the escaped form is searched for too.
    private const string Secret = "Pw-leak_9f2#x/y";

    private const string Shop = """
        CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
        CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id), total numeric(10,2));
        """;

    [PostgresFact]
    public async Task No_command_prints_writes_or_records_the_password_of_a_database_url()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await using var dev = await PostgresServer.CreateDatabaseAsync();
        var u = new Uri(db.Url);
        var escaped = Uri.EscapeDataString(Secret);
        string Url(string database, int? port = null) => $"postgres://{u.UserInfo}:{escaped}@{u.Host}:{port ?? u.Port}/{database}";
        var url = Url(db.Name);
        Environment.SetEnvironmentVariable("SF_LEAK_URL", url);
        var outputs = new List<string>();
        var codes = new List<int>();
        void Run(params string[] args)
        {
            var (code, o, e) = CliRunner.Run(args);
            codes.Add(code);
            outputs.Add($"$ {string.Join(' ', args.Select(a => a.Replace(Secret, "<secret>", StringComparison.Ordinal).Replace(escaped, "<secret>", StringComparison.Ordinal)))}\n{o}{e}");
        }
        try
        {
            var v1 = Write("schema/shop.sql", Shop);
            var v2 = Write("v2/shop.sql", Shop + "CREATE TABLE extra (id integer PRIMARY KEY);");
            var narrow = Write("v3/shop.sql", "CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, code text NOT NULL);");
            var app = Write("app/repo.py", "cur.execute(\"SELECT name, nickname FROM customers\")\n");
            var targets = Write("targets.yaml", $"targets:\n  - url: {url}\n  - name: gone\n    url: {Url("nowhere", 1)}\n  - url: ${{SF_LEAK_URL}}\n    schema: tenant_a\n");

            Run("apply", v1, "--db", url, "--auto-approve");
            await db.ExecuteAsync("INSERT INTO customers VALUES (1, 'ann');");
            Run("apply", v2, "--db", "${SF_LEAK_URL}", "--dry-run");
            Run("apply", narrow, "--db", url, "--auto-approve");
            Run("apply", narrow, "--db", url, "--auto-approve", "--allow-destructive");
            Run("apply", v1, "--db", Url("nowhere", 1), "--auto-approve");
            Run("apply", v1, "--db", Url("no_such_database"), "--auto-approve");
            Run("apply", v2, "--targets", targets, "--auto-approve", "--format", "json", "-o", Path.Combine(Dir, "out", "fleet.json"));
            Run("apply", v2, "--targets", targets, "--auto-approve");
            Run("drift", v1, "--targets", targets);
            Run("inspect", url);
            Run("inspect", url, "--format", "json", "-o", Path.Combine(Dir, "out", "inspect.json"));
            Run("validate", url);
            Run("validate", v1, "--dev-url", Url(dev.Name));
            foreach (var format in new[] { "sql", "json", "md" }) Run("plan", v2, "--db", url, "--format", format);
            Run("plan", v2, "--db", url, "-o", Path.Combine(Dir, "out", "plan.json"));
            Run("plan", v2, "--db", url, "--format", "flyway", "-o", Path.Combine(Dir, "out", "migrations"));
            Run("plan", v2, "--db", url, "--dev-url", Url(dev.Name), "--lint");
            Run("apply", Path.Combine(Dir, "out", "plan.json"), "--db", url, "--auto-approve");
            Run("diff", url, v1, "--format", "json");
            Run("diff", v1, url);
            foreach (var format in new[] { "text", "json", "md", "github", "sarif" }) Run("drift", v1, "--db", url, "--format", format);
            Run("drift", v1, "--db", url, "-o", Path.Combine(Dir, "out", "drift.sarif"), "--format", "sarif");
            Run("lint", "--db", url);
            Run("audit", Path.Combine(Dir, "app"), "--db", url, "--format", "sarif");

            Run("generate", "sql", url, "--dialect", "mysql");
            Run("generate", "docs", url, "-o", Path.Combine(Dir, "out", "docs"), "--no-svg");
            Run("generate", "types", url, "--lang", "typescript", "-o", Path.Combine(Dir, "out", "types.ts"));
            Run("generate", "compose", url, "-o", Path.Combine(Dir, "out", "compose.yaml"));
            // init and check read and write the current folder: a process of their own, in a project folder.
            var project = Path.Combine(Dir, "project");
            Directory.CreateDirectory(project);
            foreach (var args in new[] { new[] { "init", "--from", url }, ["check", "--db", url], ["plan", "--db", url] })
            {
                var (code, o, e) = CliRunner.RunIn(project, args);
                codes.Add(code);
                outputs.Add($"$ {args[0]} (in {project})\n{o}{e}");
            }

            // The runs above did what they were asked: applied, refused, failed to connect, found drift.
            Assert.Contains(0, codes);
            Assert.Contains(1, codes);
            Assert.Contains(2, codes);
            Assert.Contains(4, codes);
            Assert.Contains(outputs, o => o.Contains($"cannot connect to postgres://{u.UserInfo}@{u.Host}:1/nowhere", StringComparison.Ordinal));
            foreach (var file in Directory.EnumerateFiles(Dir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("targets.yaml", StringComparison.Ordinal)))
            {
                outputs.Add($"file {file}\n{await File.ReadAllTextAsync(file)}");
            }
            await using (var conn = new NpgsqlConnection(PostgresServer.ConnectionString(db.Name)))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("SELECT string_agg(h::text, E'\\n') FROM (SELECT * FROM schemafirst.history UNION ALL SELECT * FROM tenant_a.schemafirst_history) h", conn);
                outputs.Add("history\n" + await cmd.ExecuteScalarAsync());
            }
            foreach (var o in outputs)
            {
                Assert.False(o.Contains(Secret, StringComparison.Ordinal) || o.Contains(escaped, StringComparison.Ordinal), "the password appears in:\n" + o);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("SF_LEAK_URL", null);
        }
    }
}
