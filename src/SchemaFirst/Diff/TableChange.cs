namespace SchemaFirst.Diff;

/// <summary>
/// Represents what changed in a table's own properties, as flags.
/// </summary>
[Flags]
public enum TableChange
{
    None = 0,
    RowLevelSecurity = 1,
    ForceRowLevelSecurity = 2,
    StorageParameters = 4,
    Persistence = 8,
    Tablespace = 16,
    AccessMethod = 32,
    Partition = 64,
    Inheritance = 128,
    Options = 256,
}
