using System.Diagnostics;
using Npgsql;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Reaches the test server named by SCHEMAFIRST_PG_URL (scripts/pg.sh start prints it) and makes throw-away databases.
/// </summary>
internal static class PostgresServer
{
    public static string? Url => Environment.GetEnvironmentVariable("SCHEMAFIRST_PG_URL");

    public static string? SkipReason =>
        Url == null && Environment.GetEnvironmentVariable("CI") != "true"
            ? "no PostgreSQL: run scripts/test.sh, or start one with scripts/pg.sh start and export SCHEMAFIRST_PG_URL"
            : null;

    public static string ConnectionString(string database)
    {
        var url = Url ?? throw new InvalidOperationException(
            "SCHEMAFIRST_PG_URL is not set, and CI=true requires a real PostgreSQL: run the tests through scripts/test.sh, which starts one");
        var uri = new Uri(url);
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = user.Length > 0 ? user : "postgres",
            Database = database,
            Pooling = false,
            Timeout = 15,
            CommandTimeout = 300,
        };
        if (uri.UserInfo.Contains(':')) builder.Password = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[1]);
        return builder.ConnectionString;
    }

    public static string UrlFor(string database)
    {
        var uri = new Uri(Url!);
        return $"{uri.Scheme}://{uri.UserInfo}@{uri.Host}:{uri.Port}/{database}";
    }

    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "sf_" + Guid.NewGuid().ToString("N")[..16];
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await cmd.ExecuteNonQueryAsync();
        return new TestDatabase(name);
    }

    /// <summary>Runs a command-line client (psql, pg_dump) and returns its standard output; fails on a non-zero exit.</summary>
    public static string RunTool(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {tool}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in 5 minutes");
        }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {p.ExitCode}:\n{stderr.Result}");
        return stdout.Result;
    }
}
