using System.Data.Common;
using SchemaFirst.Model;
using SchemaFirst.Planning;

namespace SchemaFirst.Apply;

/// <summary>
/// Represents what an engine does its own way while a plan is applied: the lock that keeps a second apply out, the
/// settings of the transaction, a last check before commit, and the SQL of the history table. One per connection.
/// </summary>
public abstract class ApplySession(DbConnection connection, ApplyOptions options, QualifiedName historyTable)
{
    public DbConnection Connection { get; } = connection;

    public ApplyOptions Options { get; } = options;

    public QualifiedName HistoryTable { get; } = historyTable;

    /// <summary>Takes the lock that keeps other applies out without waiting: null when taken, otherwise who holds it.</summary>
    public abstract Task<string?> TryLockAsync(CancellationToken ct);

    public abstract Task UnlockAsync(CancellationToken ct);

    /// <summary>The history table's name as SQL text.</summary>
    public abstract string HistoryTableSql { get; }

    /// <summary>A query that returns a row when the history table exists.</summary>
    public abstract string HistoryExistsSql { get; }

    /// <summary>The statements that create the history table when it is missing.</summary>
    public abstract IReadOnlyList<string> CreateHistory();

    /// <summary>The SQL of the current time, as the history stores it.</summary>
    public abstract string Now { get; }

    /// <summary>Who applies, as the database sees it (the role), to go with the operating-system user.</summary>
    public abstract Task<string> DatabaseUserAsync(CancellationToken ct);

    /// <summary>Settings at the start of a transaction (timeouts), and anything the pre-flight queries call.</summary>
    public virtual Task BeginAsync(DbTransaction tx, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A check of the whole database before commit (SQLite's foreign_key_check): what it found, or nothing.</summary>
    public virtual Task<IReadOnlyList<string>> BeforeCommitAsync(DbTransaction tx, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Runs before a statement outside the transaction: clears what a killed earlier run left behind (an INVALID index).</summary>
    public virtual Task BeforeStatementAsync(PlannedStatement statement, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A failure in the engine's terms and what to do about it (a lock timeout says which setting to raise).</summary>
    public virtual string DescribeFailure(Exception e) => Dialects.DatabaseErrors.Describe(e);

    /// <summary>Runs an INSERT of one row outside any transaction and returns the id it was given.</summary>
    public virtual Task<object?> InsertReturningIdAsync(string insert, params (string Name, object? Value)[] parameters) =>
        ScalarAsync(insert + " RETURNING id", null, CancellationToken.None, parameters);

    /// <summary>Runs a statement (in <paramref name="tx"/> when given) and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql, DbTransaction? tx, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql, tx, parameters);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    public async Task ExecuteAsync(string sql, DbTransaction? tx, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql, tx, parameters);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public DbCommand Command(string sql, DbTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
