namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Represents the options of <c>lint</c>.
/// </summary>
internal sealed record LintSettings(
    IReadOnlyList<string> Sources,
    string? Db,
    string? Env,
    string Format,
    string? Output,
    string? Baseline,
    bool UpdateBaseline,
    string? NewSince,
    bool Migrations,
    IReadOnlyList<string> Against,
    bool AssumeInTransaction,
    string? Explain,
    bool ExplainAll,
    string? SourceDialect,
    IReadOnlyList<string> Schemas,
    IReadOnlyList<string> ExcludeSchemas);
