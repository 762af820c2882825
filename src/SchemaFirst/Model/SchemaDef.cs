namespace SchemaFirst.Model;

/// <summary>
/// Represents a schema (namespace) created by the source.
/// </summary>
public sealed record SchemaDef(string Name, string? Comment = null);
