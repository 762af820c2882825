namespace SchemaFirst.Sql;

/// <summary>
/// Represents a <c>-- schemafirst:name args</c> comment and the line and column it stands on.
/// </summary>
internal sealed record Directive(string Name, string Arguments, int Line, int Column);
