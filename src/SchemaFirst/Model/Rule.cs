namespace SchemaFirst.Model;

/// <summary>
/// Represents a rewrite rule on a table or view; the definition after the name is kept as normalized SQL text.
/// </summary>
public sealed record Rule(string Name, QualifiedName Table, string Definition, string? Comment = null);
