using System.Data.Common;
using System.Globalization;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Project;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Sqlite;

/// <summary>
/// Represents SQLite: the embedded default database (a file, no server), SQLite source files, inspection from
/// <c>sqlite_schema</c>, and DDL that names everything SQLite cannot express.
/// </summary>
public sealed class SqliteDialect : ISqlDialect, ISchemaCreator, IMigrationDialect, Apply.IApplyDialect
{
    public QualifiedName DefaultHistoryTable { get; } = new("main", "schemafirst_history");

    public Apply.ApplySession OpenSession(System.Data.Common.DbConnection connection, Apply.ApplyOptions options) =>
        new SqliteApplySession(connection, options, options.HistoryTable ?? DefaultHistoryTable);

    public static SqliteDialect Instance { get; } = new();

    /// <summary>SQLite also quotes identifiers as [name] and `name`.</summary>
    internal const IdentifierQuotes Quotes = IdentifierQuotes.Brackets | IdentifierQuotes.Backticks;

    private SqliteDialect()
    {
    }

    public string Name => "sqlite";

    public string DisplayName => "SQLite";

    public IReadOnlyList<string> Aliases { get; } = ["sqlite3"];

    public IReadOnlyList<string> UrlSchemes { get; } = ["sqlite"];

    public string DefaultSchema => "main";

    public string UrlExample => "sqlite:///path/app.db";

    public ServerDefaults? Server => null;

    public bool WritesIfNotExistsStyle => false;

    public string QuoteIdentifier(string name) => SqliteQuoting.Quote(name);

    // A database file has one namespace: names are written without their schema.
    public string QuoteName(QualifiedName name) => SqliteQuoting.Quote(name.Name);

    public string QuoteLiteral(string value) => SqliteQuoting.Literal(value);

    public string FoldIdentifier(string unquoted) => unquoted;

    // SQLite compares by affinity: INT and INTEGER are one type there.
    public bool SameStoredType(DataType a, DataType b) => a.Text == b.Text || a.Kind == b.Kind;

    public LoadResult Parse(IReadOnlyList<string> files, List<Diagnostic> diagnostics) => SqliteParser.Load(files, diagnostics);

    public LoadResult ParseText(string sql, string path) => SqliteParser.LoadText(sql, path);

    public LoadResult ParseTexts(IReadOnlyList<(string Path, string Text)> sources) => SqliteParser.LoadTexts(sources);

    public GeneratedSql Generate(Database model, SqlGenerationOptions options)
    {
        var notes = new List<Diagnostic>();
        var text = SqliteSqlGenerator.Generate(model, notes);
        return new GeneratedSql(text, notes);
    }

    public Task<InspectResult> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default) =>
        SqliteInspector.InspectAsync(connection, cancellationToken);

    /// <summary>Microsoft.Data.Sqlite's keys: the file, opened read-only unless asked otherwise (and then created).</summary>
    public string ConnectionString(DatabaseUrl url, bool writable) => new DbConnectionStringBuilder
    {
        ["Data Source"] = url.Database,
        ["Mode"] = writable ? "ReadWriteCreate" : "ReadOnly",
        ["Pooling"] = false,
    }.ConnectionString;

    public MigrationSqlGenerator CreateMigrationGenerator(Database from, Database to, PlanOptions options) => new SqliteMigrationSqlGenerator(from, to, options);

    /// <summary>Creates the schema in one transaction; refuses a database whose <c>sqlite_schema</c> holds anything.</summary>
    public async Task<CreateOutcome> CreateSchemaAsync(DbConnection connection, string ddl, CancellationToken cancellationToken = default)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var existing = await ScalarAsync(connection, "SELECT count(*) FROM sqlite_schema", cancellationToken);
        if (existing > 0) return new CreateOutcome(0, existing);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = ddl;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        var tables = await ScalarAsync(connection, @"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'", cancellationToken);
        return new CreateOutcome((int)tables, 0);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
