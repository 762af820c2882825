namespace SchemaFirst.Model;

/// <summary>
/// Represents a generated column: its expression and whether it is STORED or VIRTUAL.
/// </summary>
public sealed record GeneratedColumn(string Expression, bool Stored);
