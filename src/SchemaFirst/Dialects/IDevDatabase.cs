using System.Data.Common;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Project;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents a dialect that can normalize a source through the engine itself (<c>--dev-url</c>, as Atlas's dev
/// database): the statements run on a scratch database created on the named server and dropped afterwards, and the
/// schema is read back with the inspector.
/// </summary>
public interface IDevDatabase
{
    /// <param name="url">The server to create the scratch database on.</param>
    /// <param name="connect">Makes a (closed) connection to a URL with the dialect's driver.</param>
    /// <param name="sources">The source files, as expanded from the inputs: a path, and its text when it is not on disk (a git revision's).</param>
    /// <param name="parsed">The model the files parsed to: what the engine is not sent is taken from it.</param>
    Task<DevOutcome> NormalizeAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, IReadOnlyList<(string Path, string? Text)> sources, Database parsed, CancellationToken cancellationToken = default);

    /// <summary>
    /// The normalized model as the server reads its own printed form again (applied to another scratch database), or
    /// null when that is the same model. PostgreSQL does not print every expression as a fixed point (an IN list on a
    /// varchar column): a database built by plans holds this second form. Plans ask only when a change could be one.
    /// </summary>
    /// <summary>
    /// A model written as the dialect's DDL, run on a scratch database and read back: the server's form of just those
    /// objects (plan uses it for the part of the source that differs from the database). Null when the server refuses it.
    /// </summary>
    Task<Database?> NormalizeModelAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database model, CancellationToken cancellationToken = default);

    Task<Database?> ReprintAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database normalized, CancellationToken cancellationToken = default);
}

/// <summary>
/// Represents what the dev database gave: the normalized model, or the statement it refused (as a diagnostic at the
/// statement's place), or why it could not be used; and which server it was.
/// </summary>
public sealed record DevOutcome(Database? Model, Diagnostic? Refused, string? Failure, string? Server);
