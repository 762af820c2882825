namespace SchemaFirst.Model;

/// <summary>
/// Represents a table column.
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type.</param>
/// <param name="NotNull">True when the column rejects NULL (including the implicit NOT NULL of primary key columns).</param>
/// <param name="Default">The default expression as normalized SQL text.</param>
/// <param name="Identity">Identity options when the column is an identity column.</param>
/// <param name="Generated">The generation expression when the column is generated.</param>
/// <param name="Collation">An explicit collation.</param>
/// <param name="Comment">The column comment.</param>
/// <param name="Storage">An explicit storage mode (PLAIN, EXTERNAL, EXTENDED, MAIN).</param>
/// <param name="Compression">An explicit compression method.</param>
/// <param name="OnUpdate">MySQL's ON UPDATE: the value the column takes whenever its row is updated (CURRENT_TIMESTAMP).</param>
public sealed record Column(
    string Name,
    DataType Type,
    bool NotNull = false,
    string? Default = null,
    Identity? Identity = null,
    GeneratedColumn? Generated = null,
    string? Collation = null,
    string? Comment = null,
    string? Storage = null,
    string? Compression = null,
    string? OnUpdate = null);
