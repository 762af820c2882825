using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.SqlServer;

/// <summary>
/// Represents SQL Server 2017+ (and Azure SQL) as a target of <c>generate sql</c>: generation only, as no SQL Server
/// runs here; the output is checked with Microsoft's own T-SQL parser (ScriptDom) in the tests.
/// </summary>
public sealed class SqlServerTarget : IDdlTarget
{
    public static readonly SqlServerTarget Instance = new();

    public string Name => "sqlserver";

    public string DisplayName => "SQL Server";

    public IReadOnlyList<string> Aliases { get; } = ["mssql", "tsql"];

    public bool WritesIfNotExistsStyle => false;

    public GeneratedSql Generate(Database model, SqlGenerationOptions options)
    {
        var notes = new List<Diagnostic>();
        var text = SqlServerSqlGenerator.Generate(model, notes);
        return new GeneratedSql(text, notes);
    }
}

/// <summary>Identifiers and strings as T-SQL reads them: [brackets] and N'unicode strings'.</summary>
internal static class SqlServerQuoting
{
    public static string Quote(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";

    public static string Literal(string value) => "N'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
