using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Represents MySQL 8 and MariaDB 10.11+ as targets of <c>generate sql</c> (generation only for now: the parser,
/// inspector and apply for them are still to come). The two write the same DDL except where they differ (JSON).
/// </summary>
public sealed class MySqlTarget : IDdlTarget
{
    public static readonly MySqlTarget MySql = new("mysql", "MySQL", [], mariaDb: false);

    public static readonly MySqlTarget MariaDb = new("mariadb", "MariaDB", [], mariaDb: true);

    private MySqlTarget(string name, string displayName, IReadOnlyList<string> aliases, bool mariaDb)
    {
        Name = name;
        DisplayName = displayName;
        Aliases = aliases;
        IsMariaDb = mariaDb;
    }

    public string Name { get; }

    public string DisplayName { get; }

    public IReadOnlyList<string> Aliases { get; }

    public bool IsMariaDb { get; }

    public bool WritesIfNotExistsStyle => false;

    public GeneratedSql Generate(Database model, SqlGenerationOptions options)
    {
        var notes = new List<Diagnostic>();
        var text = MySqlSqlGenerator.Generate(model, this, notes);
        return new GeneratedSql(text, notes);
    }
}
