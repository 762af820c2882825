namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Represents a test that needs a real PostgreSQL server: skipped locally when none is configured, but run (and
/// failed with an actionable message) under CI=true, so a missing server can never pass green.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>
/// Represents a data-driven test that needs a real PostgreSQL server (see <see cref="PostgresFactAttribute"/>).
/// </summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.SkipReason is { } reason) Skip = reason;
    }
}
