using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Oracle;

/// <summary>
/// Represents Oracle Database 19c+ (and 23ai Free) as a target of <c>generate sql</c>: generation only, as no Oracle
/// server or driver is at hand here.
/// </summary>
public sealed class OracleTarget : IDdlTarget
{
    public static readonly OracleTarget Instance = new();

    public string Name => "oracle";

    public string DisplayName => "Oracle";

    public IReadOnlyList<string> Aliases { get; } = [];

    public bool WritesIfNotExistsStyle => false;

    public GeneratedSql Generate(Database model, SqlGenerationOptions options)
    {
        var notes = new List<Diagnostic>();
        var text = OracleSqlGenerator.Generate(model, notes);
        return new GeneratedSql(text, notes);
    }
}

/// <summary>
/// Identifiers and strings as Oracle reads them. A plain name (letters, digits, _ $ #, starting with a letter, no
/// reserved word) is written unquoted, so Oracle stores it in upper case as its users expect and queries need no
/// quotes; any other name is quoted exactly.
/// </summary>
internal static class OracleQuoting
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "ACCESS", "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AUDIT", "BETWEEN", "BY", "CHAR", "CHECK", "CLUSTER", "COLUMN",
        "COMMENT", "COMPRESS", "CONNECT", "CREATE", "CURRENT", "DATE", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP",
        "ELSE", "EXCLUSIVE", "EXISTS", "FILE", "FLOAT", "FOR", "FROM", "GRANT", "GROUP", "HAVING", "IDENTIFIED", "IMMEDIATE", "IN",
        "INCREMENT", "INDEX", "INITIAL", "INSERT", "INTEGER", "INTERSECT", "INTO", "IS", "LEVEL", "LIKE", "LOCK", "LONG", "MAXEXTENTS",
        "MINUS", "MLSLABEL", "MODE", "MODIFY", "NOAUDIT", "NOCOMPRESS", "NOT", "NOWAIT", "NULL", "NUMBER", "OF", "OFFLINE", "ON",
        "ONLINE", "OPTION", "OR", "ORDER", "PCTFREE", "PRIOR", "PUBLIC", "RAW", "RENAME", "RESOURCE", "REVOKE", "ROW", "ROWID",
        "ROWNUM", "ROWS", "SELECT", "SESSION", "SET", "SHARE", "SIZE", "SMALLINT", "START", "SUCCESSFUL", "SYNONYM", "SYSDATE",
        "TABLE", "THEN", "TO", "TRIGGER", "UID", "UNION", "UNIQUE", "UPDATE", "USER", "VALIDATE", "VALUES", "VARCHAR", "VARCHAR2",
        "VIEW", "WHENEVER", "WHERE", "WITH", "TYPE", "TIMESTAMP", "INTERVAL", "LIMIT", "KEY", "SEQUENCE", "POSITION", "REFERENCES",
    };

    public static string Quote(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '#') && !Reserved.Contains(name)
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A name read from Oracle DDL, exactly: one Oracle stores as written unquoted (upper case, plain, no reserved word)
    /// stays bare, any other is quoted, so "orders" (quoted in the source) keeps its lower case.
    /// </summary>
    public static string QuoteExact(string name) =>
        name.Length > 0 && char.IsAsciiLetterUpper(name[0]) && name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '_' or '$' or '#') && !Reserved.Contains(name)
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
