using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Postgres;

namespace SchemaFirst.Loading;

/// <summary>
/// Reads SQL DDL source files (paths, directories or globs) into a model.
/// </summary>
public static class SqlSource
{
    /// <summary>Loads PostgreSQL DDL from files, directories (every *.sql below, in ordinal path order) or glob patterns.</summary>
    public static LoadResult LoadPostgres(IEnumerable<string> inputs)
    {
        var diagnostics = new List<Diagnostic>();
        var files = SourceFiles.Expand(inputs, diagnostics);
        return PostgresParser.Load(files, diagnostics);
    }

    /// <summary>Loads SQLite DDL (SQLite's own syntax: declared types, [quoting], AUTOINCREMENT, BEGIN ... END triggers).</summary>
    public static LoadResult LoadSqlite(IEnumerable<string> inputs)
    {
        var diagnostics = new List<Diagnostic>();
        var files = SourceFiles.Expand(inputs, diagnostics);
        return PostgresParser.Load(files, diagnostics, sqlite: true);
    }

    /// <summary>Loads SQLite DDL from a string.</summary>
    public static LoadResult ParseSqlite(string sql, string path = "<input>") => PostgresParser.LoadText(sql, path, sqlite: true);

    /// <summary>Loads source files of the given dialect ("postgres" or "sqlite").</summary>
    public static LoadResult Load(IEnumerable<string> inputs, string dialect) => dialect == "sqlite" ? LoadSqlite(inputs) : LoadPostgres(inputs);

    /// <summary>Loads PostgreSQL DDL from a string; <paramref name="path"/> names it in diagnostics.</summary>
    public static LoadResult ParsePostgres(string sql, string path = "<input>") => PostgresParser.LoadText(sql, path);
}
