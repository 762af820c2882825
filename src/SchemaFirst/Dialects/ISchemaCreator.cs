using System.Data.Common;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents a dialect that can create a generated schema in a new, empty database (<c>generate sql --into</c>):
/// all of it in one transaction, and never in a database that already holds a schema.
/// </summary>
public interface ISchemaCreator
{
    Task<CreateOutcome> CreateSchemaAsync(DbConnection connection, string ddl, CancellationToken cancellationToken = default);
}

/// <summary>
/// Represents what creating a schema did: the tables it created, or the number of objects that were already there
/// (then nothing was changed).
/// </summary>
public sealed record CreateOutcome(int TablesCreated, long ExistingObjects)
{
    public bool Refused => ExistingObjects > 0;
}
