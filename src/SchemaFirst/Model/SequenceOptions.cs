namespace SchemaFirst.Model;

/// <summary>
/// Represents the options of a sequence or identity column; null means the engine default.
/// </summary>
public sealed record SequenceOptions(
    string? DataType = null,
    long? Increment = null,
    long? MinValue = null,
    long? MaxValue = null,
    long? Start = null,
    long? Cache = null,
    bool Cycle = false)
{
    public static SequenceOptions Default { get; } = new();

    public bool IsDefault => this == Default;
}
