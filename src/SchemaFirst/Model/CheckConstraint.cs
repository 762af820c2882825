namespace SchemaFirst.Model;

/// <summary>
/// Represents a CHECK constraint of a table or domain.
/// </summary>
public sealed record CheckConstraint(
    string Name,
    string Expression,
    bool NotValid = false,
    bool NoInherit = false,
    string? Comment = null);
