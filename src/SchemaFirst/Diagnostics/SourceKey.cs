using SchemaFirst.Model;

namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents the identity of a declared object for the <see cref="SourceMap"/>: its kind, its (schema-qualified) name
/// or owner, and a member such as a column or constraint name. A value type, so keeping one per column costs no object.
/// </summary>
public readonly record struct SourceKey(SourceKind Kind, QualifiedName Name, string? Member = null);
