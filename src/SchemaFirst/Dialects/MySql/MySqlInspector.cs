using System.Data.Common;
using System.Diagnostics;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Reads a live MySQL or MariaDB database: the names from information_schema, then each object as the server itself
/// prints it (SHOW CREATE TABLE, VIEW, TRIGGER, PROCEDURE, FUNCTION), replayed through the MySQL reader, so a database
/// and a file of its DDL become one model by one parser. Objects are read in name order (triggers in their table's
/// firing order), so the same database always gives the same model.
/// </summary>
internal static class MySqlInspector
{
    public static async Task<InspectResult> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var trips = 0;
        var database = await ScalarAsync(connection, "SELECT DATABASE()", ct);
        trips++;
        if (string.IsNullOrEmpty(database))
        {
            var error = new Diagnostic(Severity.Error, DiagnosticCodes.NoInput, "the URL names no database", null, "write it as mysql://user@host:3306/name");
            return new InspectResult(new LoadResult(Database.Empty with { SourceDialect = "mysql" }, new SourceMap(), [error], new LoadStatistics()), trips);
        }
        var script = new StringBuilder();
        script.Append("-- ").Append(database).Append(", as the server prints it\n");
        var relations = await RowsAsync(connection, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME", ct);
        trips++;
        foreach (var (name, type) in relations.Where(r => r[1] is "BASE TABLE" or "SYSTEM VERSIONED").Select(r => (r[0], r[1])))
        {
            script.Append(await ShowAsync(connection, $"SHOW CREATE TABLE {MySqlQuoting.Quote(name)}", 1, ct)).Append(";\n\n");
            trips++;
        }
        foreach (var name in relations.Where(r => r[1] == "VIEW").Select(r => r[0]))
        {
            script.Append(await ShowAsync(connection, $"SHOW CREATE VIEW {MySqlQuoting.Quote(name)}", 1, ct)).Append(";\n\n");
            trips++;
        }
        // Bodies hold semicolons: each is its own DELIMITER block, as mysqldump writes them.
        var triggers = await RowsAsync(connection, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, TRIGGER_NAME", ct);
        trips++;
        var unreadable = new List<Diagnostic>();
        async Task BlockAsync(string kind, string name)
        {
            var ddl = await ShowAsync(connection, $"SHOW CREATE {kind} {MySqlQuoting.Quote(name)}", 2, ct);
            trips++;
            if (ddl.Length == 0)
            {
                // The server shows a body only to its definer or to a user with SHOW_ROUTINE (or SUPER): read as missing, it
                // would be made again by every plan.
                unreadable.Add(new Diagnostic(Severity.Error, DiagnosticCodes.NoInput, $"the server shows no definition of {kind.ToLowerInvariant()} {name} to this user", new SourceSpan($"database {database}", 1, 1),
                    "connect as its definer, or grant SHOW_ROUTINE (MySQL 8) or SELECT on mysql.proc (MariaDB)"));
                return;
            }
            script.Append("DELIMITER ;;\n").Append(ddl).Append(";;\nDELIMITER ;\n\n");
        }
        foreach (var name in triggers.Select(r => r[0])) await BlockAsync("TRIGGER", name);
        var routines = await RowsAsync(connection, "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_TYPE, ROUTINE_NAME", ct);
        trips++;
        foreach (var (name, type) in routines.Select(r => (r[0], r[1]))) await BlockAsync(type, name);
        // A view's query names its tables with the database (`shop`.`orders`): without it, the same view reads alike in
        // any database, a scratch one included.
        script.Replace(MySqlQuoting.Quote(database) + ".", string.Empty);
        var queried = clock.Elapsed;
        var load = MySqlReader.Read([($"database {database}", script.ToString())]);
        if (unreadable.Count > 0) load = load with { Diagnostics = [.. load.Diagnostics, .. unreadable] };
        return new InspectResult(load, trips, queried, clock.Elapsed - queried);
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string[]>> RowsAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<string[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The DDL column of a SHOW CREATE statement (its place differs: 1 for tables and views, 2 for triggers and routines).</summary>
    private static async Task<string> ShowAsync(DbConnection connection, string sql, int column, CancellationToken ct)
    {
        var rows = await RowsAsync(connection, sql, ct);
        return rows.Count == 0 ? string.Empty : rows[0][column];
    }
}
