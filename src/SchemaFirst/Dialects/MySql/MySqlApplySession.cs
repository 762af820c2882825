using System.Data.Common;
using System.Globalization;
using SchemaFirst.Apply;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Applies plans on MySQL and MariaDB. Their DDL commits statement by statement, so every statement runs on its own and
/// is recorded as done in the history the moment it is (a rerun plans only what is left). A named lock per database
/// (GET_LOCK, released by the server when the connection ends) keeps a second apply out at once, lock_wait_timeout
/// bounds the wait for a table's metadata lock, and MariaDB's max_statement_time bounds each statement.
/// </summary>
internal sealed class MySqlApplySession(DbConnection connection, ApplyOptions options, QualifiedName historyTable) : ApplySession(connection, options, historyTable)
{
    // One name per database, within GET_LOCK's 64 characters whatever the database is called.
    private const string LockName = "CONCAT('schemafirst:', SHA1(DATABASE()))";

    public override string HistoryTableSql => MySqlQuoting.Quote(HistoryTable.Name);

    public override string HistoryExistsSql =>
        $"SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {MySqlQuoting.Literal(HistoryTable.Name)}";

    public override string Now => "UTC_TIMESTAMP(6)";

    public override async Task<string?> TryLockAsync(CancellationToken ct)
    {
        // lock_wait_timeout is whole seconds (at least 1); a zero setting means "as long as the server allows".
        var wait = Options.LockTimeout == TimeSpan.Zero ? 31536000 : Math.Max(1, (long)Math.Ceiling(Options.LockTimeout.TotalSeconds));
        await ExecuteAsync($"SET SESSION lock_wait_timeout = {wait.ToString(CultureInfo.InvariantCulture)}", null, ct);
        if (await IsMariaDbAsync(ct))
        {
            await ExecuteAsync($"SET SESSION max_statement_time = {Options.StatementTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}", null, ct);
        }
        if (Convert.ToInt64(await ScalarAsync($"SELECT GET_LOCK({LockName}, 0)", null, ct), CultureInfo.InvariantCulture) == 1) return null;
        var holder = await ScalarAsync(
            "SELECT CONCAT('connection ', p.ID, ' (', p.USER, '@', p.HOST, ', connected for ', p.TIME, ' s)') FROM information_schema.PROCESSLIST p "
            + $"WHERE p.ID = IS_USED_LOCK({LockName})", null, ct);
        return holder as string ?? "another connection";
    }

    private async Task<bool> IsMariaDbAsync(CancellationToken ct) =>
        (await ScalarAsync("SELECT VERSION()", null, ct) as string ?? string.Empty).Contains("MariaDB", StringComparison.OrdinalIgnoreCase);

    public override Task UnlockAsync(CancellationToken ct) => ExecuteAsync($"DO RELEASE_LOCK({LockName})", null, ct);

    public override IReadOnlyList<string> CreateHistory() =>
    [
        $"CREATE TABLE IF NOT EXISTS {HistoryTableSql} (\n"
            + "    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
            + "    started_at DATETIME(6) NOT NULL,\n"
            + "    finished_at DATETIME(6) NULL,\n"
            + "    status VARCHAR(16) NOT NULL,\n"
            + "    applied_by VARCHAR(255) NOT NULL,\n"
            + "    tool_version VARCHAR(64) NOT NULL,\n"
            + "    plan_hash VARCHAR(80) NOT NULL,\n"
            + "    source_fingerprint VARCHAR(80) NULL,\n"
            + "    from_fingerprint VARCHAR(80) NOT NULL,\n"
            + "    to_fingerprint VARCHAR(80) NOT NULL,\n"
            + "    after_fingerprint VARCHAR(80) NULL,\n"
            + "    statements_total INT NOT NULL,\n"
            + "    statements_done INT NOT NULL,\n"
            + "    statements LONGTEXT NOT NULL,\n"
            + "    error LONGTEXT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    ];

    public override async Task<string> DatabaseUserAsync(CancellationToken ct) => (string)(await ScalarAsync("SELECT CURRENT_USER()", null, ct))!;

    /// <summary>MySQL has no INSERT ... RETURNING: the id is the connection's LAST_INSERT_ID().</summary>
    public override async Task<object?> InsertReturningIdAsync(string insert, params (string Name, object? Value)[] parameters)
    {
        await ExecuteAsync(insert, null, CancellationToken.None, parameters);
        return await ScalarAsync("SELECT LAST_INSERT_ID()", null, CancellationToken.None);
    }

    public override string DescribeFailure(Exception e) => e is DbException db && Number(db) switch
    {
        1205 => $"lock_wait_timeout ({Postgres.PostgresApplySession.Display(Options.LockTimeout)}) reached: another session holds a lock on a table this statement changes. "
            + "The statements before it are done and recorded; apply again when that session is done (the plan then holds only what is left), or raise --lock-timeout",
        1969 => $"max_statement_time ({Postgres.PostgresApplySession.Display(Options.StatementTimeout)}) reached: the statement was stopped. The statements before it are done and recorded; "
            + "raise --statement-timeout for a long table copy and apply again",
        _ => null,
    } is { } message
        ? message
        : DatabaseErrors.Describe(e) + " (MySQL commits each DDL statement on its own: those before this one are done, and apply again plans only what is left)";

    /// <summary>The server's error number (MySqlException.Number) without a reference to the driver.</summary>
    private static int Number(DbException e) => e.GetType().GetProperty("Number")?.GetValue(e) is int n ? n : e.ErrorCode;
}
