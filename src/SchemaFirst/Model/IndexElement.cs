namespace SchemaFirst.Model;

/// <summary>
/// Represents one key of an index: a column or an expression, with collation, operator class and ordering.
/// </summary>
/// <param name="Column">The column name, when the key is a plain column.</param>
/// <param name="Expression">The expression as normalized SQL text, when the key is an expression.</param>
/// <param name="Collation">An explicit collation.</param>
/// <param name="OperatorClass">An explicit operator class, with its parameters if any.</param>
/// <param name="Descending">True for DESC.</param>
/// <param name="NullsFirst">Explicit NULLS FIRST (true) or NULLS LAST (false); null when the default applies.</param>
public sealed record IndexElement(
    string? Column,
    string? Expression,
    string? Collation = null,
    string? OperatorClass = null,
    bool Descending = false,
    bool? NullsFirst = null);
