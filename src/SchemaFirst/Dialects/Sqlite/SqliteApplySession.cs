using System.Data.Common;
using System.Globalization;
using SchemaFirst.Apply;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Sqlite;

/// <summary>
/// Applies plans on SQLite: a lock file beside the database keeps a second apply out (the operating system lets it go
/// when the process dies), busy_timeout stands for the lock timeout, and <c>PRAGMA foreign_key_check</c> runs before
/// the commit, since a table rebuild runs with foreign keys off.
/// </summary>
internal sealed class SqliteApplySession(DbConnection connection, ApplyOptions options, QualifiedName historyTable) : ApplySession(connection, options, historyTable)
{
    private FileStream? _lock;

    public override string HistoryTableSql => SqliteQuoting.Quote(HistoryTable.Name);

    public override string HistoryExistsSql => $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = {SqliteQuoting.Literal(HistoryTable.Name)}";

    public override string Now => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    public override async Task<string?> TryLockAsync(CancellationToken ct)
    {
        await ExecuteAsync($"PRAGMA busy_timeout = {((long)Options.LockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}", null, ct);
        var file = Connection.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return null;
        var path = file + ".schemafirst-lock";
        try
        {
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (IOException)
        {
            return $"another process (it holds {path})";
        }
    }

    public override Task UnlockAsync(CancellationToken ct)
    {
        _lock?.Dispose();
        _lock = null;
        return Task.CompletedTask;
    }

    public override IReadOnlyList<string> CreateHistory() =>
    [
        $"CREATE TABLE IF NOT EXISTS {HistoryTableSql} (\n"
            + "    id INTEGER PRIMARY KEY,\n"
            + "    started_at TEXT NOT NULL,\n"
            + "    finished_at TEXT,\n"
            + "    status TEXT NOT NULL,\n"
            + "    applied_by TEXT NOT NULL,\n"
            + "    tool_version TEXT NOT NULL,\n"
            + "    plan_hash TEXT NOT NULL,\n"
            + "    source_fingerprint TEXT,\n"
            + "    from_fingerprint TEXT NOT NULL,\n"
            + "    to_fingerprint TEXT NOT NULL,\n"
            + "    after_fingerprint TEXT,\n"
            + "    statements_total INTEGER NOT NULL,\n"
            + "    statements_done INTEGER NOT NULL,\n"
            + "    statements TEXT NOT NULL,\n"
            + "    error TEXT\n)",
    ];

    public override Task<string> DatabaseUserAsync(CancellationToken ct) => Task.FromResult("sqlite");

    public override async Task<IReadOnlyList<string>> BeforeCommitAsync(DbTransaction tx, CancellationToken ct)
    {
        var found = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = Command("PRAGMA foreign_key_check", tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var key = $"{reader.GetString(0)}: {{0}} row(s) reference keys missing from {reader.GetString(2)}";
                found[key] = found.GetValueOrDefault(key) + 1;
            }
        }
        return found.Select(f => new Planning.DataCheck(string.Empty, f.Key + " (foreign_key_check)").Describe(f.Value)).ToList();
    }
}
