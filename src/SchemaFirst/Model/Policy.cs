namespace SchemaFirst.Model;

/// <summary>
/// Represents a row-level security policy.
/// </summary>
public sealed record Policy(
    string Name,
    QualifiedName Table,
    bool Permissive,
    string Command,
    EquatableArray<string> Roles,
    string? Using,
    string? WithCheck,
    string? Comment = null);
