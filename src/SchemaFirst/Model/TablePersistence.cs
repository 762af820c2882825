namespace SchemaFirst.Model;

/// <summary>
/// Represents how a table is persisted.
/// </summary>
public enum TablePersistence
{
    Permanent,
    Unlogged,
}
