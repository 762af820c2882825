namespace SchemaFirst.Model;

/// <summary>
/// Represents a GRANT or REVOKE statement, kept as normalized SQL text in source order.
/// </summary>
public sealed record Grant(string Statement);
