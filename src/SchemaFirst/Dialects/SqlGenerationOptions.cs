namespace SchemaFirst.Dialects;

/// <summary>
/// Represents the choices of DDL generation.
/// </summary>
/// <param name="IfNotExists">Write the declarative, re-runnable style: IF NOT EXISTS, OR REPLACE, and guarded DO blocks
/// for what PostgreSQL cannot create conditionally, so the script can run twice on the same database.</param>
public sealed record SqlGenerationOptions(bool IfNotExists = false);
