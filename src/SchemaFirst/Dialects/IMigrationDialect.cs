using SchemaFirst.Model;
using SchemaFirst.Planning;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents a dialect that can write migrations: a generator with one overridable method per kind of change.
/// </summary>
public interface IMigrationDialect
{
    /// <param name="from">The current schema.</param>
    /// <param name="to">The desired schema (the context for CREATE statements: partition parents, inherited columns).</param>
    MigrationSqlGenerator CreateMigrationGenerator(Database from, Database to, PlanOptions options);
}
