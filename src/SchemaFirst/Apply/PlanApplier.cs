using System.Data.Common;
using System.Globalization;
using SchemaFirst.Planning;

namespace SchemaFirst.Apply;

/// <summary>
/// Applies a plan's statements: those that cannot run in a transaction before it, one by one; everything else in one
/// transaction; the statements that must follow the commit (an index built CONCURRENTLY) after it, one by one, each
/// recorded, so a rerun resumes where a failure stopped. Data-dependent statements are preceded by their pre-flight
/// queries: first all of them against the database as it is (in a transaction that is rolled back), then, for those
/// that name objects the plan makes first, inside the transaction just before their statement. Any finding refuses the
/// apply with its count, and the database keeps its schema.
/// </summary>
public sealed class PlanApplier(ApplySession session, ApplyHistory history, TextWriter progress)
{
    public async Task<ApplyOutcome> ApplyAsync(IReadOnlyList<PlannedStatement> statements, ApplyRecord record, CancellationToken ct)
    {
        var id = await history.StartAsync(record, statements, ct);
        FaultInjection.Boundary();
        var done = 0;
        PlannedStatement? current = null;
        try
        {
            var deferred = await PreflightAsync(statements, ct);
            if (deferred.Findings.Count > 0)
            {
                await history.FinishAsync(id, ApplyHistory.Refused, 0, string.Join("\n", deferred.Findings), ct);
                return new ApplyOutcome(ApplyStatus.Refused, id, 0, deferred.Findings, null, null);
            }
            foreach (var s in statements.Where(s => s.Phase == StatementPhase.Before))
            {
                current = s;
                if (await DeferredFindingsAsync(s, deferred.Checks, null, ct) is { Count: > 0 } before)
                {
                    await history.FinishAsync(id, ApplyHistory.Refused, done, string.Join("\n", before), ct);
                    return new ApplyOutcome(ApplyStatus.Refused, id, done, before, null, null);
                }
                await RunAsync(s, null, ct);
                await history.ProgressAsync(id, ++done, ct);
                FaultInjection.Boundary();
            }
            await using (var tx = await session.Connection.BeginTransactionAsync(ct))
            {
                await session.BeginAsync(tx, ct);
                var inTransaction = 0;
                foreach (var s in statements.Where(s => s.Transactional))
                {
                    current = s;
                    foreach (var check in s.Hazards.Select(h => h.Check).OfType<DataCheck>().Where(deferred.Checks.Contains))
                    {
                        var count = Convert.ToInt64(await session.ScalarAsync(check.Sql, tx, ct), CultureInfo.InvariantCulture);
                        if (count > 0)
                        {
                            await tx.RollbackAsync(ct);
                            var findings = new[] { check.Describe(count) };
                            await history.FinishAsync(id, ApplyHistory.Refused, done, findings[0], ct);
                            return new ApplyOutcome(ApplyStatus.Refused, id, done, findings, null, null);
                        }
                    }
                    await RunAsync(s, tx, ct);
                    inTransaction++;
                }
                current = null;
                var problems = await session.BeforeCommitAsync(tx, ct);
                if (problems.Count > 0)
                {
                    await tx.RollbackAsync(ct);
                    await history.FinishAsync(id, ApplyHistory.Refused, done, string.Join("\n", problems), ct);
                    return new ApplyOutcome(ApplyStatus.Refused, id, done, problems, null, null);
                }
                FaultInjection.Boundary();
                await tx.CommitAsync(ct);
                FaultInjection.Boundary();
                done += inTransaction;
            }
            await history.ProgressAsync(id, done, ct);
            FaultInjection.Boundary();
            foreach (var s in statements.Where(s => s.Phase == StatementPhase.After))
            {
                current = s;
                if (await DeferredFindingsAsync(s, deferred.Checks, null, ct) is { Count: > 0 } after)
                {
                    await history.FinishAsync(id, ApplyHistory.Refused, done, string.Join("\n", after), ct);
                    return new ApplyOutcome(ApplyStatus.Refused, id, done, after, null, null);
                }
                await session.BeforeStatementAsync(s, ct);
                await RunAsync(s, null, ct);
                await history.ProgressAsync(id, ++done, ct);
                FaultInjection.Boundary();
            }
        }
        catch (Exception e) when (Dialects.DatabaseErrors.IsConnectionError(e) && e is not OperationCanceledException)
        {
            var message = session.DescribeFailure(e);
            if (session.Connection.State != System.Data.ConnectionState.Open)
            {
                // The connection is gone (cut, or the server restarted): the row stays "running", and the next apply
                // reports it as interrupted; what ran in the transaction was rolled back with the session.
                return new ApplyOutcome(ApplyStatus.Failed, id, done, [], "the connection was lost: " + message, current);
            }
            try
            {
                await history.FinishAsync(id, ApplyHistory.Failed, done, (current != null ? current.Sql + "\n" : string.Empty) + message, CancellationToken.None);
            }
            catch (Exception again) when (Dialects.DatabaseErrors.IsConnectionError(again) || again is InvalidOperationException)
            {
                // The connection broke while the failure was recorded: the row stays "running", as above.
            }
            return new ApplyOutcome(ApplyStatus.Failed, id, done, [], message, current);
        }
        await history.FinishAsync(id, ApplyHistory.Succeeded, done, null, ct);
        FaultInjection.Boundary();
        return new ApplyOutcome(ApplyStatus.Succeeded, id, done, [], null, null);
    }

    /// <summary>The findings of a statement's pre-flight queries that could not run before anything changed.</summary>
    private async Task<List<string>> DeferredFindingsAsync(PlannedStatement s, HashSet<DataCheck> deferred, DbTransaction? tx, CancellationToken ct)
    {
        var findings = new List<string>();
        foreach (var check in s.Hazards.Select(h => h.Check).OfType<DataCheck>().Where(deferred.Contains))
        {
            var count = Convert.ToInt64(await session.ScalarAsync(check.Sql, tx, ct), CultureInfo.InvariantCulture);
            if (count > 0) findings.Add(check.Describe(count));
        }
        return findings;
    }

    private async Task RunAsync(PlannedStatement s, DbTransaction? tx, CancellationToken ct)
    {
        await progress.WriteLineAsync("schemafirst: " + FirstLine(s.Sql));
        FaultInjection.Boundary();
        await session.ExecuteAsync(s.Sql, tx, ct);
        FaultInjection.Boundary();
    }

    private static string FirstLine(string sql)
    {
        var line = sql.Split('\n')[0];
        return line.Length > 120 ? line[..117] + "..." : line + (sql.Contains('\n') ? " ..." : string.Empty);
    }

    /// <summary>
    /// Runs every pre-flight query against the database as it is now, in a transaction that is rolled back; a query that
    /// names an object the plan makes first fails there, and is deferred to run inside the transaction before its
    /// statement.
    /// </summary>
    private async Task<(List<string> Findings, HashSet<DataCheck> Checks)> PreflightAsync(IReadOnlyList<PlannedStatement> statements, CancellationToken ct)
    {
        var findings = new List<string>();
        var deferred = new HashSet<DataCheck>(ReferenceEqualityComparer.Instance);
        var checks = statements.SelectMany(s => s.Hazards).Select(h => h.Check).OfType<DataCheck>().ToList();
        if (checks.Count == 0) return (findings, deferred);
        await using var tx = await session.Connection.BeginTransactionAsync(ct);
        await session.BeginAsync(tx, ct);
        foreach (var check in checks)
        {
            await session.ExecuteAsync("SAVEPOINT schemafirst_check", tx, ct);
            try
            {
                var count = Convert.ToInt64(await session.ScalarAsync(check.Sql, tx, ct), CultureInfo.InvariantCulture);
                if (count > 0) findings.Add(check.Describe(count));
                await session.ExecuteAsync("RELEASE SAVEPOINT schemafirst_check", tx, ct);
            }
            catch (DbException) when (session.Connection.State == System.Data.ConnectionState.Open)
            {
                // The server refused the query (it names what the plan makes first); a broken connection goes up instead.
                await session.ExecuteAsync("ROLLBACK TO SAVEPOINT schemafirst_check", tx, ct);
                deferred.Add(check);
            }
        }
        await tx.RollbackAsync(ct);
        return (findings, deferred);
    }
}

/// <summary>Represents how an apply ended.</summary>
public enum ApplyStatus
{
    Succeeded,
    Refused,
    Failed,
}

/// <summary>
/// Represents the end of an apply: its history row, how many statements took effect, the pre-flight findings that
/// refused it, or the engine's error and the statement that failed.
/// </summary>
public sealed record ApplyOutcome(ApplyStatus Status, long HistoryId, int Done, IReadOnlyList<string> Findings, string? Error, PlannedStatement? Failed);
