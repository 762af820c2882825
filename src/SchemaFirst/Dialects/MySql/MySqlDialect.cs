using System.Data.Common;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Project;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Represents MySQL 8 and MariaDB 10.5+ as a full dialect: MySQL source files, inspection through SHOW CREATE replayed
/// by the same reader, DDL written as the server prints it, normalization through a scratch database on the target's
/// own server (as Skeema's workspace does), migrations whose statements each commit on their own (MySQL's DDL is not
/// transactional), and apply with a server-wide named lock and the history in the target database.
/// </summary>
public sealed class MySqlDialect : ISqlDialect, IDevDatabase, IMigrationDialect, Apply.IApplyDialect
{
    public static MySqlDialect Instance { get; } = new();

    private MySqlDialect()
    {
    }

    public string Name => "mysql";

    public string DisplayName => "MySQL";

    public IReadOnlyList<string> Aliases { get; } = [];

    public IReadOnlyList<string> UrlSchemes { get; } = ["mysql", "mariadb"];

    public string UrlExample => "mysql://user@127.0.0.1:3306/shop";

    /// <summary>A MySQL schema is a database: every object is in the one the URL names, written without a schema.</summary>
    public string DefaultSchema => MySqlReader.DefaultSchema;

    public ServerDefaults Server { get; } = new(3306, string.Empty, "root", "MYSQL_USER", "MYSQL_PWD");

    public bool WritesIfNotExistsStyle => false;

    public QualifiedName DefaultHistoryTable { get; } = new(MySqlReader.DefaultSchema, "schemafirst_history");

    public string QuoteIdentifier(string name) => MySqlQuoting.Quote(name);

    public string QuoteName(QualifiedName name) => name.Schema.Length == 0 ? MySqlQuoting.Quote(name.Name) : MySqlQuoting.Quote(name.Schema) + "." + MySqlQuoting.Quote(name.Name);

    public string QuoteLiteral(string value) => MySqlQuoting.Literal(value);

    public string FoldIdentifier(string unquoted) => unquoted;

    public bool SameStoredType(DataType a, DataType b) => a.Kind == b.Kind && (a.Length ?? 0) == (b.Length ?? 0);

    public LoadResult Parse(IReadOnlyList<string> files, List<Diagnostic> diagnostics) => ReaderDialect.ParseFiles(files, diagnostics, MySqlReader.Read);

    public LoadResult ParseText(string sql, string path) => MySqlReader.Read([(path, sql)]);

    public LoadResult ParseTexts(IReadOnlyList<(string Path, string Text)> sources) => MySqlReader.Read(sources);

    public GeneratedSql Generate(Database model, SqlGenerationOptions options) => MySqlTarget.MySql.Generate(model, options);

    public Task<InspectResult> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default) =>
        MySqlInspector.InspectAsync(connection, options, cancellationToken);

    /// <summary>
    /// MySqlConnector's keys. User variables are allowed (scripts such as mysqldump's and Sakila's save settings in
    /// @OLD_... variables), and nothing is pooled, so a scratch database's connection goes with it.
    /// </summary>
    public string ConnectionString(DatabaseUrl url, bool writable) => new DbConnectionStringBuilder
    {
        ["Server"] = url.Host,
        ["Port"] = url.Port,
        ["User ID"] = url.User,
        ["Password"] = url.Password ?? string.Empty,
        ["Database"] = url.Database,
        ["Connection Timeout"] = 15,
        ["Default Command Timeout"] = 600,
        ["Allow User Variables"] = true,
        ["Pooling"] = false,
    }.ConnectionString;

    public MigrationSqlGenerator CreateMigrationGenerator(Database from, Database to, PlanOptions options) => new MySqlMigrationSqlGenerator(from, to, options);

    public Apply.ApplySession OpenSession(DbConnection connection, Apply.ApplyOptions options) =>
        new MySqlApplySession(connection, options, options.HistoryTable ?? DefaultHistoryTable);

    public Task<DevOutcome> NormalizeAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, IReadOnlyList<(string Path, string? Text)> sources, Database parsed, CancellationToken cancellationToken = default) =>
        MySqlDevDatabase.NormalizeAsync(url, connect, sources, parsed, cancellationToken);

    public Task<Database?> NormalizeModelAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database model, CancellationToken cancellationToken = default) =>
        MySqlDevDatabase.NormalizeModelAsync(url, connect, model, cancellationToken);

    public Task<Database?> ReprintAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database normalized, CancellationToken cancellationToken = default) =>
        MySqlDevDatabase.ReprintAsync(url, connect, normalized, cancellationToken);
}
