namespace SchemaFirst.Model;

/// <summary>
/// Represents a domain: a base type with optional default, NOT NULL, collation and checks.
/// </summary>
public sealed record DomainType(
    QualifiedName Name,
    DataType BaseType,
    bool NotNull = false,
    string? Default = null,
    string? Collation = null,
    EquatableArray<CheckConstraint> Checks = default,
    string? Comment = null);
