namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Represents the settings of <c>schemafirst generate sql</c>.
/// </summary>
internal sealed record GenerateSettings(IReadOnlyList<string> Inputs, string Dialect, bool IfNotExists, string? Output, bool Check, bool Verbose = false, string? Into = null, string? SourceDialect = null, string? DevUrl = null);
