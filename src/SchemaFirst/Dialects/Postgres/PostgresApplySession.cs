using System.Data.Common;
using System.Globalization;
using SchemaFirst.Apply;
using SchemaFirst.Diff;
using SchemaFirst.Model;
using SchemaFirst.Planning;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Applies plans on PostgreSQL: a session advisory lock keeps a second apply out (refused at once, not queued),
/// lock_timeout and statement_timeout hold for every statement, the type-change pre-flight query gets its temporary
/// function, and an INVALID index left by a killed concurrent build is dropped before the build runs again.
/// </summary>
internal sealed class PostgresApplySession(DbConnection connection, ApplyOptions options, QualifiedName historyTable) : ApplySession(connection, options, historyTable)
{
    // pg_try_advisory_lock(key1, key2): "SF" and 1, the same on every database of the server; locks are per database.
    private const int LockClass = 0x5346;

    /// <summary>
    /// 1 for the default history table; for another (a tenant schema's own), a stable hash of its name, so applies to
    /// the tenant schemas of one database keep out of each other's way and not out of each other.
    /// </summary>
    private int LockObject { get; } = historyTable == new QualifiedName("schemafirst", "history") ? 1 : NameHash(historyTable.Schema + "." + historyTable.Name);

    private static int NameHash(string text)
    {
        // FNV-1a: string.GetHashCode differs between processes.
        var h = 2166136261u;
        foreach (var ch in text)
        {
            h = (h ^ ch) * 16777619u;
        }
        return (int)(h & 0x7FFFFFFF) | 2;
    }

    public override string HistoryTableSql => PostgresQuoting.Name(HistoryTable);

    public override string Now => "now()";

    public override string HistoryExistsSql => $"SELECT 1 WHERE pg_catalog.to_regclass({PostgresQuoting.Literal(HistoryTableSql)}) IS NOT NULL";

    public override async Task<string?> TryLockAsync(CancellationToken ct)
    {
        await ExecuteAsync($"SET lock_timeout = {Millis(Options.LockTimeout)}; SET statement_timeout = {Millis(Options.StatementTimeout)}", null, ct);
        if (int.Parse((string)(await ScalarAsync("SHOW server_version_num", null, ct))!, CultureInfo.InvariantCulture) >= 140000)
        {
            // If this process dies mid-statement, the server notices within a second and rolls back, instead of running on.
            await ExecuteAsync("SET client_connection_check_interval = 1000", null, ct);
        }
        if (await ScalarAsync($"SELECT pg_catalog.pg_try_advisory_lock({LockClass}, {LockObject})", null, ct) is true) return null;
        var holder = await ScalarAsync(
            "SELECT format('process %s (%s, connected as %s since %s)', a.pid, coalesce(nullif(a.application_name, ''), 'no application name'), a.usename, to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS \"UTC\"')) "
            + "FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
            + $"WHERE l.locktype = 'advisory' AND l.classid = {LockClass} AND l.objid = {LockObject} AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) AND l.granted LIMIT 1", null, ct);
        return holder as string ?? "another session";
    }

    public override Task UnlockAsync(CancellationToken ct) => ExecuteAsync($"SELECT pg_catalog.pg_advisory_unlock({LockClass}, {LockObject})", null, ct);

    public override IReadOnlyList<string> CreateHistory() =>
    [
        $"CREATE SCHEMA IF NOT EXISTS {PostgresQuoting.Quote(HistoryTable.Schema)}",
        $"CREATE TABLE IF NOT EXISTS {HistoryTableSql} (\n"
            + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
            + "    started_at timestamptz NOT NULL,\n"
            + "    finished_at timestamptz,\n"
            + "    status text NOT NULL,\n"
            + "    applied_by text NOT NULL,\n"
            + "    tool_version text NOT NULL,\n"
            + "    plan_hash text NOT NULL,\n"
            + "    source_fingerprint text,\n"
            + "    from_fingerprint text NOT NULL,\n"
            + "    to_fingerprint text NOT NULL,\n"
            + "    after_fingerprint text,\n"
            + "    statements_total integer NOT NULL,\n"
            + "    statements_done integer NOT NULL,\n"
            + "    statements text NOT NULL,\n"
            + "    error text\n)",
    ];

    public override async Task<string> DatabaseUserAsync(CancellationToken ct) => (string)(await ScalarAsync("SELECT current_user", null, ct))!;

    public override async Task BeginAsync(DbTransaction tx, CancellationToken ct)
    {
        await ExecuteAsync($"SET LOCAL lock_timeout = {Millis(Options.LockTimeout)}; SET LOCAL statement_timeout = {Millis(Options.StatementTimeout)}", tx, ct);
        await ExecuteAsync(PostgresMigrationSqlGenerator.CastableFunctionDdl, tx, ct);
    }

    public override async Task BeforeStatementAsync(PlannedStatement statement, CancellationToken ct)
    {
        if (IndexBuiltConcurrently(statement) is not { } index) return;
        var invalid = await ScalarAsync(
            "SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = @schema AND c.relname = @name AND NOT i.indisvalid", null, ct, ("schema", index.Schema), ("name", index.Name));
        if (invalid != null) await ExecuteAsync($"DROP INDEX CONCURRENTLY IF EXISTS {PostgresQuoting.Name(index)}", null, ct);
    }

    /// <summary>
    /// The index a CREATE INDEX CONCURRENTLY builds: from its change, or (a saved plan keeps no model) from its text, the
    /// index named after CONCURRENTLY in the schema of the table after ON.
    /// </summary>
    private static QualifiedName? IndexBuiltConcurrently(PlannedStatement statement)
    {
        if (!statement.Sql.Contains(" CONCURRENTLY ", StringComparison.Ordinal)) return null;
        if (statement.Change is AddIndex add) return add.Index.Name;
        var tokens = Sql.SqlLexer.Tokenize(statement.Sql);
        var c = new Sql.TokenCursor(statement.Sql, tokens);
        if (!c.Accept("create")) return null;
        c.Accept("unique");
        if (!c.Accept("index") || !c.Accept("concurrently")) return null;
        c.Accept("if", "not", "exists");
        try
        {
            var name = c.ExpectIdentifier("an index name");
            if (!c.Accept("on")) return null;
            c.Accept("only");
            var table = c.ExpectNameParts("a table name");
            return table.Count == 2 ? new QualifiedName(table[0], name) : null;
        }
        catch (Sql.ParseException)
        {
            return null;
        }
    }

    public override string DescribeFailure(Exception e) => e is DbException { SqlState: "55P03" }
        ? $"lock_timeout ({Display(Options.LockTimeout)}) reached: another session holds a lock this statement needs. Nothing of the transaction took effect; apply again when that session is done, or raise --lock-timeout"
        : e is DbException { SqlState: "57014" }
            ? $"statement_timeout ({Display(Options.StatementTimeout)}) reached: the statement was cancelled and nothing of the transaction took effect; raise --statement-timeout for a long rewrite"
            : DatabaseErrors.Describe(e);

    private static string Millis(TimeSpan t) => "'" + ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms'";

    internal static string Display(TimeSpan t) => t == TimeSpan.Zero ? "none"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? t.TotalHours.ToString(CultureInfo.InvariantCulture) + "h"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? t.TotalMinutes.ToString(CultureInfo.InvariantCulture) + "min"
        : t.TotalSeconds % 1 == 0 ? t.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s"
        : t.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
}
