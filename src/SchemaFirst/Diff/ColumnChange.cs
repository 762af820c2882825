namespace SchemaFirst.Diff;

/// <summary>
/// Represents what changed in a column, as flags (a column can change type and nullability at once).
/// </summary>
[Flags]
public enum ColumnChange
{
    None = 0,
    Type = 1,
    Nullability = 2,
    Default = 4,
    Identity = 8,
    Generated = 16,
    Collation = 32,
    Storage = 64,
    Compression = 128,
    OnUpdate = 256,
}
