namespace SchemaFirst.Sql;

/// <summary>
/// Represents a syntax error inside one statement; the parser reports it and resumes at the next statement.
/// </summary>
internal sealed class ParseException(int tokenIndex, string message, string? help = null) : Exception(message)
{
    public int TokenIndex { get; } = tokenIndex;

    public string? Help { get; } = help;
}
