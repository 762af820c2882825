namespace SchemaFirst.Model;

/// <summary>
/// Represents a statement the tool keeps verbatim because it does not model it; it is rendered back in source order.
/// </summary>
/// <param name="Kind">A short description such as <c>CREATE OPERATOR</c>.</param>
/// <param name="Sql">The statement text, without its terminating semicolon.</param>
public sealed record OpaqueStatement(string Kind, string Sql);
