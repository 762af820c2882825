namespace SchemaFirst.Dialects.MySql;

/// <summary>Identifiers and strings as MySQL and MariaDB read them: backticks always, and backslashes escaped in strings.</summary>
internal static class MySqlQuoting
{
    public static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>A string literal; MySQL reads a backslash as an escape unless NO_BACKSLASH_ESCAPES is set, so it is doubled.</summary>
    public static string Literal(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
