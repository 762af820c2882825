using System.Data.Common;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Project;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents a dialect SchemaFirst reads source files of and writes DDL for, but does not reach a live database of yet
/// (SQL Server and Oracle: no server here and, for Oracle, no driver): <c>--source-dialect</c> takes it for validate, lint,
/// docs and typed code, and <c>diff --dialect</c> writes its migration SQL between any two sources; it has no URL scheme,
/// so nothing tries to connect to it.
/// </summary>
public sealed class ReaderDialect : ISqlDialect, IMigrationDialect
{
    private readonly Func<ReaderDialect, Database, Database, Planning.PlanOptions, Planning.MigrationSqlGenerator> _migrations;
    private readonly Func<IReadOnlyList<(string Path, string Text)>, LoadResult> _read;
    private readonly IDdlTarget _target;
    private readonly Func<string, string> _quote;
    private readonly Func<string, string> _literal;
    private readonly bool _foldsUp;

    public static readonly ReaderDialect SqlServer = new("sqlserver", "SQL Server", ["mssql", "tsql"], global::SchemaFirst.Dialects.SqlServer.SqlServerReader.DefaultSchema,
        global::SchemaFirst.Dialects.SqlServer.SqlServerReader.Read, global::SchemaFirst.Dialects.SqlServer.SqlServerTarget.Instance, global::SchemaFirst.Dialects.SqlServer.SqlServerQuoting.Quote, global::SchemaFirst.Dialects.SqlServer.SqlServerQuoting.Literal, foldsUp: false,
        (d, from, to, o) => new global::SchemaFirst.Dialects.SqlServer.SqlServerMigrationSqlGenerator(d, from, to, o));

    public static readonly ReaderDialect Oracle = new("oracle", "Oracle", [], string.Empty,
        global::SchemaFirst.Dialects.Oracle.OracleReader.Read, global::SchemaFirst.Dialects.Oracle.OracleTarget.Instance, global::SchemaFirst.Dialects.Oracle.OracleQuoting.QuoteExact, global::SchemaFirst.Dialects.Oracle.OracleQuoting.Literal, foldsUp: true,
        (d, from, to, o) => new global::SchemaFirst.Dialects.Oracle.OracleMigrationSqlGenerator(d, from, to, o));

    private ReaderDialect(string name, string displayName, IReadOnlyList<string> aliases, string defaultSchema, Func<IReadOnlyList<(string Path, string Text)>, LoadResult> read,
        IDdlTarget target, Func<string, string> quote, Func<string, string> literal, bool foldsUp,
        Func<ReaderDialect, Database, Database, Planning.PlanOptions, Planning.MigrationSqlGenerator> migrations)
    {
        _migrations = migrations;
        Name = name;
        DisplayName = displayName;
        Aliases = aliases;
        DefaultSchema = defaultSchema;
        _read = read;
        _target = target;
        _quote = quote;
        _literal = literal;
        _foldsUp = foldsUp;
    }

    public string Name { get; }

    public string DisplayName { get; }

    public IReadOnlyList<string> Aliases { get; }

    public IReadOnlyList<string> UrlSchemes { get; } = [];

    public string UrlExample => string.Empty;

    public string DefaultSchema { get; }

    public ServerDefaults? Server => null;

    public bool WritesIfNotExistsStyle => false;

    public string QuoteIdentifier(string name) => _quote(name);

    public string QuoteName(QualifiedName name) => name.Schema.Length == 0 ? _quote(name.Name) : _quote(name.Schema) + "." + _quote(name.Name);

    public string QuoteLiteral(string value) => _literal(value);

    public string FoldIdentifier(string unquoted) => _foldsUp ? unquoted.ToUpperInvariant() : unquoted;

    public bool SameStoredType(DataType a, DataType b) => a.Kind == b.Kind && (a.Length ?? 0) == (b.Length ?? 0);

    public LoadResult Parse(IReadOnlyList<string> files, List<Diagnostic> diagnostics) => ParseFiles(files, diagnostics, _read);

    /// <summary>Reads files with a reader of texts: each one that cannot be read is a diagnostic, the rest are read in order.</summary>
    internal static LoadResult ParseFiles(IReadOnlyList<string> files, List<Diagnostic> diagnostics, Func<IReadOnlyList<(string Path, string Text)>, LoadResult> read)
    {
        var sources = new List<(string, string)>();
        foreach (var f in files)
        {
            try
            {
                sources.Add((f, File.ReadAllText(f)));
            }
            catch (IOException e)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FileNotFound, $"cannot read {f}: {e.Message}", new SourceSpan(f, 1, 1)));
            }
        }
        var result = read(sources);
        diagnostics.AddRange(result.Diagnostics);
        return result with { Diagnostics = diagnostics };
    }

    public LoadResult ParseText(string sql, string path) => _read([(path, sql)]);

    public LoadResult ParseTexts(IReadOnlyList<(string Path, string Text)> sources) => _read(sources);

    public GeneratedSql Generate(Database model, SqlGenerationOptions options) => _target.Generate(model, options);

    /// <summary>Migration SQL for the engine, written from models read from its own DDL (no server checks it here).</summary>
    public Planning.MigrationSqlGenerator CreateMigrationGenerator(Database from, Database to, Planning.PlanOptions options) => _migrations(this, from, to, options);

    public Task<InspectResult> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"SchemaFirst cannot read a live {DisplayName} database yet");

    public string ConnectionString(DatabaseUrl url, bool writable) => throw new NotSupportedException($"SchemaFirst has no {DisplayName} driver");
}
