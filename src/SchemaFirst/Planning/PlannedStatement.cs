using SchemaFirst.Diff;

namespace SchemaFirst.Planning;

/// <summary>
/// Represents one statement of a plan, with the change it carries out, its hazards, and whether it can run inside the
/// plan's transaction (<c>CREATE INDEX CONCURRENTLY</c> and <c>ALTER TYPE ... ADD VALUE</c> cannot, or not usefully).
/// </summary>
public sealed record PlannedStatement(string Sql, SchemaChange Change, IReadOnlyList<Hazard> Hazards, bool Transactional = true);
