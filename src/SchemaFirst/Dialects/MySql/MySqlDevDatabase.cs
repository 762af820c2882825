using System.Data.Common;
using System.Text.RegularExpressions;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Project;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Normalization by the server itself for MySQL and MariaDB (as Skeema's temporary workspace schema): the source's
/// statements run one by one in a scratch database created on the server and dropped afterwards, and the schema is
/// read back with SHOW CREATE, so types, defaults, checks, view bodies and implicit indexes (the one InnoDB makes for a
/// foreign key) come out exactly as the server prints them. What belongs to the server (databases, users, grants) and
/// data are not sent.
/// </summary>
internal static partial class MySqlDevDatabase
{
    public static async Task<DevOutcome> NormalizeAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, IReadOnlyList<(string Path, string? Text)> sources, Database parsed, CancellationToken ct)
    {
        try
        {
            return await InScratchDatabaseAsync(url, connect, async (conn, server) =>
            {
                foreach (var (path, text) in sources)
                {
                    foreach (var (sql, line) in MySqlReader.Split(text ?? await File.ReadAllTextAsync(path, ct)))
                    {
                        if (!DefinesSchema(sql)) continue;
                        try
                        {
                            await ExecuteAsync(conn, sql, ct);
                        }
                        catch (DbException e)
                        {
                            return new DevOutcome(null, Refused(path, line, e), null, server);
                        }
                    }
                }
                var normalized = (await MySqlInspector.InspectAsync(conn, new InspectOptions(), ct)).Load.Model;
                return new DevOutcome(normalized with { Opaque = parsed.Opaque }, null, null, server);
            }, ct);
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            return new DevOutcome(null, null, $"cannot use a scratch database on {url.Display}: {DatabaseErrors.Describe(e)} (the user needs CREATE and DROP on new databases: each run creates and drops one)", null);
        }
    }

    public static async Task<Database?> NormalizeModelAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database model, CancellationToken ct)
    {
        try
        {
            return await InScratchDatabaseAsync(url, connect, async (conn, _) =>
            {
                await RunScriptAsync(conn, MySqlTarget.MySql.Generate(model with { Opaque = default }, new SqlGenerationOptions()).Text, ct);
                return (await MySqlInspector.InspectAsync(conn, new InspectOptions(), ct)).Load.Model;
            }, ct);
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            return null;
        }
    }

    public static async Task<Database?> ReprintAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database normalized, CancellationToken ct)
    {
        var again = await NormalizeModelAsync(url, connect, normalized, ct);
        if (again == null) return null;
        again = again with { Opaque = normalized.Opaque };
        return again == normalized ? null : again;
    }

    private static async Task RunScriptAsync(DbConnection conn, string script, CancellationToken ct)
    {
        foreach (var (sql, _) in MySqlReader.Split(script)) await ExecuteAsync(conn, sql, ct);
    }

    /// <summary>
    /// Whether a statement belongs to the schema and is sent: not databases (CREATE DATABASE, USE), accounts and
    /// privileges, or data.
    /// </summary>
    internal static bool DefinesSchema(string sql)
    {
        var words = Words().Matches(sql).Take(3).Select(m => m.Value.ToLowerInvariant()).ToList();
        string W(int i) => i < words.Count ? words[i] : string.Empty;
        return W(0) switch
        {
            "use" or "insert" or "replace" or "update" or "delete" or "load" or "grant" or "revoke" or "lock" or "unlock" or "flush" or "truncate" or "call" or "handler" => false,
            "create" or "drop" or "alter" when W(1) is "database" or "schema" or "user" or "role" or "server" or "tablespace" or "logfile" => false,
            "set" when W(1) is "global" or "password" or "role" or "default" => false,
            _ => true,
        };
    }

    [GeneratedRegex(@"[A-Za-z_]+")]
    private static partial Regex Words();

    private static Diagnostic Refused(string path, int line, DbException e)
    {
        // The server says "... at line N" counting from the statement's first line.
        var at = AtLine().Match(e.Message);
        var where = at.Success && int.TryParse(at.Groups[1].Value, out var n) ? line + n - 1 : line;
        return new Diagnostic(Severity.Error, DiagnosticCodes.DevDatabaseRefused, $"the dev database refused this statement: {e.Message}", new SourceSpan(path, where, 1),
            "fix the statement: this is what the server itself says when the source is applied");
    }

    [GeneratedRegex(@"at line (\d+)\s*$")]
    private static partial Regex AtLine();

    private static async Task<T> InScratchDatabaseAsync<T>(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Func<DbConnection, string, Task<T>> work, CancellationToken ct)
    {
        await using var admin = connect(url);
        await admin.OpenAsync(ct);
        var version = await ScalarAsync(admin, "SELECT VERSION()", ct);
        var scratch = PostgresDevDatabase.ScratchDatabaseName();
        await ExecuteAsync(admin, $"CREATE DATABASE {MySqlQuoting.Quote(scratch)} DEFAULT CHARACTER SET {await ScalarAsync(admin, "SELECT @@character_set_database", ct)} COLLATE {await ScalarAsync(admin, "SELECT @@collation_database", ct)}", ct);
        try
        {
            await using var conn = connect(url with { Database = scratch });
            await conn.OpenAsync(ct);
            return await work(conn, $"{(version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ? "MariaDB" : "MySQL")} {version.Split('-')[0]} at {url.Host}:{url.Port}");
        }
        finally
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {MySqlQuoting.Quote(scratch)}", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string> ScalarAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
