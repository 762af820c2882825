using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.Sqlite;

namespace SchemaFirst.Loading;

/// <summary>
/// Reads SQL DDL source files (paths, directories or globs) into a model, with the dialect they are written in.
/// </summary>
public static class SqlSource
{
    /// <summary>Loads files, directories (every *.sql below, in ordinal path order) or glob patterns of a dialect.</summary>
    public static LoadResult Load(IEnumerable<string> inputs, ISqlDialect dialect)
    {
        var diagnostics = new List<Diagnostic>();
        var files = SourceFiles.Expand(inputs, diagnostics);
        return dialect.Parse(files, diagnostics);
    }

    /// <summary>Loads PostgreSQL DDL from files, directories or glob patterns.</summary>
    public static LoadResult LoadPostgres(IEnumerable<string> inputs) => Load(inputs, PostgresDialect.Instance);

    /// <summary>Loads SQLite DDL (SQLite's own syntax: declared types, [quoting], AUTOINCREMENT, BEGIN ... END triggers).</summary>
    public static LoadResult LoadSqlite(IEnumerable<string> inputs) => Load(inputs, SqliteDialect.Instance);

    /// <summary>Loads PostgreSQL DDL from a string; <paramref name="path"/> names it in diagnostics.</summary>
    public static LoadResult ParsePostgres(string sql, string path = "<input>") => PostgresDialect.Instance.ParseText(sql, path);

    /// <summary>Loads SQLite DDL from a string.</summary>
    public static LoadResult ParseSqlite(string sql, string path = "<input>") => SqliteDialect.Instance.ParseText(sql, path);
}
