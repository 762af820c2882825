namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Represents the settings of <c>schemafirst plan</c> and <c>schemafirst diff</c> (diff has a second source instead of
/// a database).
/// </summary>
internal sealed record PlanSettings(
    IReadOnlyList<string> Desired,
    IReadOnlyList<string>? Current,
    string? Db,
    string? Env,
    string Format,
    string? Output,
    string? SourceDialect,
    string? Dialect,
    string? DevUrl,
    bool Offline,
    bool ConcurrentIndexes,
    bool Online,
    IReadOnlyList<string> Schemas,
    IReadOnlyList<string> ExcludeSchemas,
    bool Lint = false);
