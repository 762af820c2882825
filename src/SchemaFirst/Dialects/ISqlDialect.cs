using System.Data.Common;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Project;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents one SQL dialect: how it names itself and its URLs, how it spells identifiers and strings, and how it
/// reads source files, reads a live database and writes DDL. Everything dialect-specific is reached through here (and
/// through the optional role interfaces <see cref="ISchemaCreator"/> and <see cref="IDevDatabase"/>); the rest of
/// SchemaFirst works on the dialect-neutral model. Implementations are stateless singletons listed in
/// <see cref="SqlDialects"/>.
/// </summary>
public interface ISqlDialect : IDdlTarget
{
    /// <summary>The URL schemes of its databases (<c>postgres</c>, <c>postgresql</c>).</summary>
    IReadOnlyList<string> UrlSchemes { get; }

    /// <summary>What a URL of this dialect looks like, for messages.</summary>
    string UrlExample { get; }

    /// <summary>The schema an unqualified name is in: public in PostgreSQL, main in SQLite.</summary>
    string DefaultSchema { get; }

    /// <summary>Where a URL without a host, port, user or database connects; null for a database that is a file.</summary>
    ServerDefaults? Server { get; }

    /// <summary>An identifier as SQL text: quoted where the dialect needs it.</summary>
    string QuoteIdentifier(string name);

    /// <summary>A schema-qualified name as SQL text.</summary>
    string QuoteName(QualifiedName name);

    /// <summary>A string literal as SQL text.</summary>
    string QuoteLiteral(string value);

    /// <summary>An unquoted identifier as the database stores it (folded to lower case, or kept as written).</summary>
    string FoldIdentifier(string unquoted);

    /// <summary>Whether two declared types store and compare values as one type (SQLite: the same affinity).</summary>
    bool SameStoredType(DataType a, DataType b);

    /// <summary>Reads source files of this dialect, in order, into a model.</summary>
    LoadResult Parse(IReadOnlyList<string> files, List<Diagnostic> diagnostics);

    /// <summary>Reads source text of this dialect; <paramref name="path"/> names it in diagnostics.</summary>
    LoadResult ParseText(string sql, string path);

    /// <summary>Reads several texts of this dialect in order, as files (a git revision's files).</summary>
    LoadResult ParseTexts(IReadOnlyList<(string Path, string Text)> sources);

    /// <summary>Reads a live database, through a connection the caller made with its driver, into a model.</summary>
    Task<InspectResult> InspectAsync(DbConnection connection, InspectOptions options, CancellationToken cancellationToken = default);

    /// <summary>The connection string for the driver of this dialect; read-only unless <paramref name="writable"/>.</summary>
    string ConnectionString(DatabaseUrl url, bool writable);
}
