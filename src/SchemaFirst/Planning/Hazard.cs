namespace SchemaFirst.Planning;

/// <summary>
/// Represents a risk of a planned statement, with a stable code: DS destructive, MF may fail on existing data, LK locks
/// or rewrites, BC breaks running application code.
/// </summary>
public sealed record Hazard(string Code, string Message)
{
    /// <summary>Whether the hazard destroys data, so applying the plan needs an explicit allowance.</summary>
    public bool Destructive => Code.StartsWith("DS", StringComparison.Ordinal);
}
