namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Represents the settings of <c>schemafirst inspect</c>.
/// </summary>
internal sealed record InspectSettings(string Url, IReadOnlyList<string> Schemas, IReadOnlyList<string> ExcludeSchemas, string Format, string? Output);
