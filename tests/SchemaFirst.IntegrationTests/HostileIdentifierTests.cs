using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Names that attack generated SQL (quotes of every kind, semicolons, comment markers, dollar quotes, look-alike letters,
/// reserved words, names of the longest length the engine takes) and a default that reads like an injection: applied by
/// plan and apply on real PostgreSQL, SQLite and MariaDB, the SQL does exactly what the model says, an applied plan plans
/// nothing again, and a change to those objects applies too.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class HostileIdentifierTests : TempDirectoryTest
{
    private static string V1(int longest) => HostileNames.Schema(longest, "\"back`tick\"");

    private static string V2(int longest) => V1(longest)
        .Replace("    \"back`tick\" text\n", "    \"back`tick\" text,\n    \"new\"\"col;--\" text DEFAULT '*/ ''; --'\n", StringComparison.Ordinal)
        .Replace("CREATE INDEX \"idx;drop\"", "CREATE INDEX \"idx--2\"", StringComparison.Ordinal);

    private void RoundTrip(string url, int longest, params string[] more)
    {
        var v1 = Write("v1/schema.sql", V1(longest));
        var v2 = Write("v2/schema.sql", V2(longest));
        foreach (var desired in new[] { v1, v2 })
        {
            var (code, stdout, stderr) = CliRunner.Run(["apply", desired, "--db", url, "--auto-approve", "--allow-destructive", .. more]);
            Assert.True(code == 0, $"{desired}\n{stdout}\n{stderr}");
            Assert.DoesNotContain("remain", stderr, StringComparison.Ordinal);
            var (again, planned, againErr) = CliRunner.Run(["plan", desired, "--db", url, .. more]);
            Assert.True(again == 0 && planned == "-- No changes.\n", $"{desired}: the applied schema plans again:\n{planned}{againErr}");
        }
    }

    [PostgresFact]
    public async Task PostgreSQL_applies_hostile_names_as_written_and_plans_nothing_after()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        RoundTrip(db.Url, 63);
        await db.ExecuteAsync("INSERT INTO \"we\"\"ird;--table\" (id) VALUES (1)");
        await using var conn = new Npgsql.NpgsqlConnection(PostgresServer.ConnectionString(db.Name));
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT string_agg(relname, '|' ORDER BY relname COLLATE \"C\") FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace", conn);
        var tables = (string)(await cmd.ExecuteScalarAsync())!;
        Assert.Equal($"{new string('l', 63)}|we\"ird;--table|Ω_orders", tables);
    }

    [Fact]
    public void SQLite_applies_hostile_names_as_written_and_plans_nothing_after()
    {
        RoundTrip($"sqlite:///{Path.Combine(Dir, "hostile.db")}", 63);
    }

    [MariaDbFact]
    public async Task MariaDB_applies_hostile_names_as_written_and_plans_nothing_after()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var uri = new Uri(MariaDbServer.Url!);
        RoundTrip($"mysql://{uri.UserInfo}@{uri.Host}:{uri.Port}/{db.Name}", 63);
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_NAME = 'we\"ird;--table' AND COLUMN_NAME = 'new\"col;--'"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_NAME = '{new string('l', 63)}'"));
    }
}
