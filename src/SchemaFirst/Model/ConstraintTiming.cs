namespace SchemaFirst.Model;

/// <summary>
/// Represents whether a constraint is DEFERRABLE and INITIALLY DEFERRED.
/// </summary>
public sealed record ConstraintTiming(bool Deferrable, bool InitiallyDeferred)
{
    public static ConstraintTiming Immediate { get; } = new(false, false);
}
