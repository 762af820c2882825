namespace SchemaFirst.Planning;

/// <summary>
/// Represents the choices that change the SQL of a plan.
/// </summary>
/// <param name="ConcurrentIndexes">Build and drop indexes CONCURRENTLY, outside the transaction, so writes go on.</param>
/// <param name="Online">Add foreign keys and checks as NOT VALID and validate them in a second statement, and make a column
/// NOT NULL through a validated CHECK, so that no statement holds a strong lock while it scans the table.</param>
public sealed record PlanOptions(bool ConcurrentIndexes = false, bool Online = false);
