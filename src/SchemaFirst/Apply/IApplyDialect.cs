using System.Data.Common;
using SchemaFirst.Model;

namespace SchemaFirst.Apply;

/// <summary>
/// Represents a dialect whose plans SchemaFirst applies: what differs between engines in locking, transactions, checks
/// and the history table, behind one <see cref="ApplySession"/>.
/// </summary>
public interface IApplyDialect
{
    /// <summary>Where the history is kept unless configured: PostgreSQL schemafirst.history, SQLite main.schemafirst_history.</summary>
    QualifiedName DefaultHistoryTable { get; }

    /// <summary>A session on an open connection; the connection stays the caller's.</summary>
    ApplySession OpenSession(DbConnection connection, ApplyOptions options);
}
