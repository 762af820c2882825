namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Represents the settings of <c>schemafirst validate</c>.
/// </summary>
internal sealed record ValidateSettings(IReadOnlyList<string> Inputs, string Format, bool Quiet, string? SourceDialect = null, string? DevUrl = null);
