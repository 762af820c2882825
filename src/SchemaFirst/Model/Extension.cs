namespace SchemaFirst.Model;

/// <summary>
/// Represents an installed extension; objects it creates are not part of the schema.
/// </summary>
public sealed record Extension(string Name, string? Schema = null, string? Version = null, string? Comment = null);
