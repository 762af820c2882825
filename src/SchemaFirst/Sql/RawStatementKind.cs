namespace SchemaFirst.Sql;

/// <summary>
/// Represents what the statement reader found: a statement to parse, a psql meta-command, or data it skipped.
/// </summary>
internal enum RawStatementKind
{
    Sql,
    MetaCommand,
    InsertData,
}
