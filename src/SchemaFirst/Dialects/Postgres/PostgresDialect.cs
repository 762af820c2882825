using System.Data.Common;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Project;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Represents PostgreSQL (12 to 18): the source dialect SchemaFirst reads first, inspection through the catalog, DDL
/// in both styles, and normalization through a dev database.
/// </summary>
public sealed class PostgresDialect : ISqlDialect, IDevDatabase, IMigrationDialect, Apply.IApplyDialect
{
    public QualifiedName DefaultHistoryTable { get; } = new("schemafirst", "history");

    public Apply.ApplySession OpenSession(System.Data.Common.DbConnection connection, Apply.ApplyOptions options) =>
        new PostgresApplySession(connection, options, options.HistoryTable ?? DefaultHistoryTable);

    public static PostgresDialect Instance { get; } = new();

    private PostgresDialect()
    {
    }

    public string Name => "postgres";

    public string DisplayName => "PostgreSQL";

    public IReadOnlyList<string> Aliases { get; } = ["postgresql", "pg"];

    public IReadOnlyList<string> UrlSchemes { get; } = ["postgres", "postgresql"];

    public string DefaultSchema => "public";

    public string UrlExample => "postgres://user:password@host:5432/database";

    public ServerDefaults Server { get; } = new(5432, "postgres", "postgres", "PGUSER", "PGPASSWORD");

    public bool WritesIfNotExistsStyle => true;

    public string QuoteIdentifier(string name) => PostgresQuoting.Quote(name);

    public string QuoteName(QualifiedName name) => PostgresQuoting.Name(name);

    public string QuoteLiteral(string value) => PostgresQuoting.Literal(value);

    public string FoldIdentifier(string unquoted) => unquoted.ToLowerInvariant();

    public bool SameStoredType(DataType a, DataType b) => a.Text == b.Text;

    public LoadResult Parse(IReadOnlyList<string> files, List<Diagnostic> diagnostics) => PostgresParser.Load(files, diagnostics);

    public LoadResult ParseText(string sql, string path) => PostgresParser.LoadText(sql, path);

    public LoadResult ParseTexts(IReadOnlyList<(string Path, string Text)> sources) => PostgresParser.LoadTexts(sources);

    public GeneratedSql Generate(Database model, SqlGenerationOptions options)
    {
        // Another engine's files: types respelled and only portable expressions kept, each loss named.
        if (!ForeignSource.Applies(model)) return new(PostgresSqlGenerator.Generate(model, options), []);
        var notes = new List<Diagnostic>();
        var converted = ForeignSource.ToPostgres(model, notes);
        return new(PostgresSqlGenerator.Generate(converted, options), notes);
    }

    public Task<InspectResult> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default) =>
        PostgresInspector.InspectAsync(connection, options, cancellationToken);

    /// <summary>Npgsql's keys; <c>sslmode</c> in the URL's query is passed on when Npgsql knows its value.</summary>
    public string ConnectionString(DatabaseUrl url, bool writable)
    {
        var b = new DbConnectionStringBuilder
        {
            ["Host"] = url.Host,
            ["Port"] = url.Port,
            ["Database"] = url.Database,
            ["Username"] = url.User,
            ["Timeout"] = 15,
            ["Command Timeout"] = 600,
            ["Application Name"] = "schemafirst",
            ["Pooling"] = false,
        };
        if (url.Password != null) b["Password"] = url.Password;
        if (url.Query.TryGetValue("sslmode", out var ssl) && SslModes.FirstOrDefault(m => m.Equals(ssl.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)) is { } mode)
        {
            b["SSL Mode"] = mode;
        }
        return b.ConnectionString;
    }

    private static readonly string[] SslModes = ["Disable", "Allow", "Prefer", "Require", "VerifyCA", "VerifyFull"];

    public MigrationSqlGenerator CreateMigrationGenerator(Database from, Database to, PlanOptions options) => new PostgresMigrationSqlGenerator(from, to, options);

    public Task<DevOutcome> NormalizeAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, IReadOnlyList<(string Path, string? Text)> sources, Database parsed, CancellationToken cancellationToken = default) =>
        PostgresDevDatabase.NormalizeAsync(url, connect, sources, parsed, cancellationToken);

    public Task<Database?> NormalizeModelAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database model, CancellationToken cancellationToken = default) =>
        PostgresDevDatabase.NormalizeModelAsync(url, connect, model, cancellationToken);

    public Task<Database?> ReprintAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database normalized, CancellationToken cancellationToken = default) =>
        PostgresDevDatabase.ReprintAsync(url, connect, normalized, cancellationToken);
}
