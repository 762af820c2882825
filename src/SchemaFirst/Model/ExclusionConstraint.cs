namespace SchemaFirst.Model;

/// <summary>
/// Represents an EXCLUDE constraint: elements with their operators, index method, options and predicate.
/// </summary>
public sealed record ExclusionConstraint(
    string Name,
    string Method,
    EquatableArray<ExclusionElement> Elements,
    IndexOptions Options,
    string? Where,
    ConstraintTiming Timing,
    string? Comment = null);
