using SchemaFirst.Diff;

namespace SchemaFirst.Planning;

/// <summary>
/// Represents one statement of a plan, with the change it carries out, its hazards, and when it runs: before the plan's
/// transaction (<c>ALTER TYPE ... ADD VALUE</c>, whose value the transaction may use; a session setting; an index dropped
/// <c>CONCURRENTLY</c>), inside it (everything else), or after it commits (an index built <c>CONCURRENTLY</c>, which may
/// need a column the transaction adds).
/// </summary>
public sealed record PlannedStatement(string Sql, SchemaChange Change, IReadOnlyList<Hazard> Hazards, StatementPhase Phase = StatementPhase.Transaction)
{
    public bool Transactional => Phase == StatementPhase.Transaction;
}

/// <summary>Represents when a planned statement runs relative to the plan's one transaction.</summary>
public enum StatementPhase
{
    Before,
    Transaction,
    After,
}
