using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SchemaFirst.Model;
using SchemaFirst.Planning;

namespace SchemaFirst.Apply;

/// <summary>
/// Represents the history table: one row per apply with the plan's hash, the source and model fingerprints, the
/// statements, who ran it, when, with which version, how far it got and how it ended. A row is written (committed)
/// before the plan's transaction begins, so an apply that dies leaves a row "running" that the next apply reports and
/// marks interrupted.
/// </summary>
public sealed class ApplyHistory(ApplySession session)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Refused = "refused";
    public const string Interrupted = "interrupted";

    private string Table => session.HistoryTableSql;

    public async Task EnsureAsync(CancellationToken ct)
    {
        foreach (var sql in session.CreateHistory()) await session.ExecuteAsync(sql, null, ct);
    }

    /// <summary>Marks the rows of applies that died as interrupted, and says what each had done. Call with the apply lock held.</summary>
    public async Task<IReadOnlyList<string>> ClaimInterruptedAsync(CancellationToken ct)
    {
        var found = new List<string>();
        if (await session.ScalarAsync(session.HistoryExistsSql, null, ct) == null) return found;
        await using (var cmd = session.Command($"SELECT id, started_at, applied_by, statements_done, statements_total FROM {Table} WHERE status = '{Running}' ORDER BY id", null))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var started = reader.GetValue(1) is DateTime dt ? dt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture);
                found.Add($"apply #{reader.GetInt64(0)} (started {started} by {reader.GetString(2)}) was interrupted after {reader.GetInt32(3)} of {reader.GetInt32(4)} statements; "
                    + "its transaction was rolled back, and only statements that run outside it stayed");
            }
        }
        if (found.Count > 0) await session.ExecuteAsync($"UPDATE {Table} SET status = '{Interrupted}', finished_at = {session.Now} WHERE status = '{Running}'", null, ct);
        return found;
    }

    /// <summary>The newest row: its id, status and source fingerprint; null when there is no history yet.</summary>
    public async Task<(long Id, string Status, string? SourceFingerprint)?> LatestAsync(CancellationToken ct)
    {
        if (await session.ScalarAsync(session.HistoryExistsSql, null, ct) == null) return null;
        await using var cmd = session.Command($"SELECT id, status, source_fingerprint FROM {Table} ORDER BY id DESC LIMIT 1", null);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    public async Task<long> StartAsync(ApplyRecord record, IReadOnlyList<PlannedStatement> statements, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var value = await session.InsertReturningIdAsync(
            $"INSERT INTO {Table} (started_at, status, applied_by, tool_version, plan_hash, source_fingerprint, from_fingerprint, to_fingerprint, statements_total, statements_done, statements) "
            + $"VALUES ({session.Now}, '{Running}', @by, @version, @hash, @source, @from, @to, @total, 0, @statements)",
            ("by", record.AppliedBy), ("version", record.ToolVersion), ("hash", PlanHash(statements)), ("source", record.SourceFingerprint),
            ("from", record.FromFingerprint), ("to", record.ToFingerprint), ("total", statements.Count), ("statements", StatementsJson(statements)));
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public Task ProgressAsync(long id, int done, CancellationToken ct) =>
        session.ExecuteAsync($"UPDATE {Table} SET statements_done = @done WHERE id = @id", null, ct, ("done", done), ("id", id));

    public Task FinishAsync(long id, string status, int done, string? error, CancellationToken ct) =>
        session.ExecuteAsync($"UPDATE {Table} SET status = @status, statements_done = @done, error = @error, finished_at = {session.Now} WHERE id = @id", null, ct,
            ("status", status), ("done", done), ("error", error), ("id", id));

    public Task RecordAfterAsync(long id, string fingerprint, CancellationToken ct) =>
        session.ExecuteAsync($"UPDATE {Table} SET after_fingerprint = @after WHERE id = @id", null, ct, ("after", fingerprint), ("id", id));

    /// <summary>A hash of what the plan runs, in order: the same statements, the same hash.</summary>
    public static string PlanHash(IReadOnlyList<PlannedStatement> statements)
    {
        var sb = new StringBuilder();
        foreach (var s in statements) sb.Append(s.Phase).Append('\n').Append(s.Sql).Append("\n;\n");
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string StatementsJson(IReadOnlyList<PlannedStatement> statements) =>
        JsonSerializer.Serialize(statements.Select(s => new Dictionary<string, string> { ["phase"] = s.Phase.ToString().ToLowerInvariant(), ["sql"] = s.Sql }));
}

/// <summary>Represents what the history records about an apply besides its statements.</summary>
public sealed record ApplyRecord(string AppliedBy, string ToolVersion, string? SourceFingerprint, string FromFingerprint, string ToFingerprint);
