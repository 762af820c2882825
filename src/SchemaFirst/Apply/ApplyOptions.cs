using SchemaFirst.Model;

namespace SchemaFirst.Apply;

/// <summary>
/// Represents how a plan is applied: the timeouts every statement runs under, and where the history is kept.
/// </summary>
/// <param name="LockTimeout">How long a statement may wait for a lock before it gives up (PostgreSQL's lock_timeout).</param>
/// <param name="StatementTimeout">How long one statement may run (PostgreSQL's statement_timeout); zero for no limit.</param>
/// <param name="HistoryTable">The history table; null for the dialect's default (schemafirst.history, or schemafirst_history in SQLite).</param>
public sealed record ApplyOptions(TimeSpan LockTimeout, TimeSpan StatementTimeout, QualifiedName? HistoryTable = null)
{
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromHours(1);

    public static ApplyOptions Default { get; } = new(DefaultLockTimeout, DefaultStatementTimeout);
}
