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
    /// <summary>
    /// The source as the server prints it. What runs in the scratch database is the DDL SchemaFirst writes from the
    /// parsed model, not the files' own statements: every name in it is unqualified, so nothing a file says about
    /// another database (DROP TABLE shop.orders, USE shop) can reach the target's server, and no DEFINER is sent (the
    /// model has none; a user without SUPER could not send one). A statement the server refuses is reported at the
    /// place in the files of the object it makes.
    /// </summary>
    public static async Task<DevOutcome> NormalizeAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, IReadOnlyList<(string Path, string? Text)> sources, Database parsed, CancellationToken ct)
    {
        var map = MySqlReader.Read(sources.Select(s => (s.Path, s.Text ?? File.ReadAllText(s.Path))).ToList()).SourceMap;
        try
        {
            return await InScratchDatabaseAsync(url, connect, async (conn, server) =>
            {
                foreach (var (sql, _) in MySqlReader.Split(MySqlTarget.MySql.Generate(parsed with { Opaque = default }, new SqlGenerationOptions()).Text))
                {
                    try
                    {
                        await ExecuteAsync(conn, sql, ct);
                    }
                    catch (DbException e)
                    {
                        return new DevOutcome(null, Refused(sql, map, sources[0].Path, e), null, server);
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

    private static Diagnostic Refused(string sql, SourceMap map, string firstPath, DbException e)
    {
        // The object the statement makes: CREATE TABLE `t`, CREATE INDEX `i` ON `t`, ALTER TABLE `t`, CREATE VIEW `v` ...
        var names = ObjectName().Match(sql);
        var named = names.Groups[3].Success ? names.Groups[3].Value : names.Groups[2].Value;
        var name = names.Success ? new QualifiedName(MySqlReader.DefaultSchema, named.Replace("``", "`", StringComparison.Ordinal)) : null;
        var kind = names.Success && names.Groups[1].Value.Equals("VIEW", StringComparison.OrdinalIgnoreCase) ? SourceKind.View : SourceKind.Table;
        var at = (name != null ? map.Find(kind, name) ?? map.FindAny(SourceKind.Table, name) : null) ?? new SourceSpan(firstPath, 1, 1);
        return new Diagnostic(Severity.Error, DiagnosticCodes.DevDatabaseRefused, $"the dev database refused the DDL of this object: {e.Message}", at,
            "this is what the server itself says when the schema is made; 'schemafirst generate sql --dialect mysql' shows the statement");
    }

    [GeneratedRegex(@"^\s*(?:CREATE|ALTER)\s+(?:UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?(TABLE|VIEW|INDEX|TRIGGER|PROCEDURE|FUNCTION)\s+`((?:[^`]|``)+)`(?:.*?\bON\s+`((?:[^`]|``)+)`)?", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ObjectName();

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
