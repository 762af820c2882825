namespace SchemaFirst.Model;

/// <summary>
/// Represents a comment on one column of a view.
/// </summary>
public sealed record ViewColumnComment(string Column, string Comment);
