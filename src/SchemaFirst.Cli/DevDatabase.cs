using Npgsql;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Cli;

/// <summary>
/// <c>--dev-url</c>: applies the source to a scratch database created on the named PostgreSQL server (from template0,
/// so nothing of the server's template1 leaks in), reads it back, and drops it, whatever happened.
/// </summary>
internal static class DevDatabase
{
    internal sealed record Outcome(Database? Model, Diagnostic? Refused, string? Failure, string? Server);

    public static async Task<Outcome> NormalizeAsync(string devUrl, IReadOnlyList<string> inputs, Database parsed, CancellationToken ct)
    {
        if (!DatabaseUrl.TryParse(devUrl, out var url, out var error) || url!.IsSqlite)
        {
            return new Outcome(null, null, $"--dev-url takes a postgres:// URL{(error != null ? " (" + error + ")" : string.Empty)}", null);
        }
        var scratch = PostgresDevDatabase.ScratchDatabaseName();
        var created = false;
        try
        {
            await using var admin = new NpgsqlConnection(url.ToNpgsqlConnectionString());
            await admin.OpenAsync(ct);
            var server = $"PostgreSQL {admin.PostgreSqlVersion} at {url.Host}:{url.Port}";
            try
            {
                await ExecuteAsync(admin, $"CREATE DATABASE {Identifier.Quote(scratch)} TEMPLATE template0", ct);
                created = true;
                Database normalized;
                await using (var conn = new NpgsqlConnection((url with { Database = scratch }).ToNpgsqlConnectionString()))
                {
                    await conn.OpenAsync(ct);
                    var files = SourceFiles.Expand(inputs, new List<Diagnostic>());
                    var refused = await PostgresDevDatabase.ApplyAsync(conn, PostgresDevDatabase.StatementsToApply(files), ct);
                    if (refused != null) return new Outcome(null, refused, null, server);
                    normalized = (await PostgresInspector.InspectAsync(conn, null, ct)).Load.Model;
                }
                return new Outcome(PostgresDevDatabase.Merge(normalized, parsed), null, null, server);
            }
            finally
            {
                if (created)
                {
                    var force = admin.PostgreSqlVersion.Major >= 13 ? " WITH (FORCE)" : string.Empty;
                    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Identifier.Quote(scratch)}{force}", CancellationToken.None);
                }
            }
        }
        catch (PostgresException e) when (e.SqlState == "42501")
        {
            return new Outcome(null, null, $"cannot use the dev database at {url.Display}: {e.MessageText} (the role needs CREATEDB: each run creates and drops a scratch database)", null);
        }
        catch (Exception e) when (ConnectionError.Is(e))
        {
            return new Outcome(null, null, $"cannot use the dev database at {url.Display}: {ConnectionError.Describe(e)}", null);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
