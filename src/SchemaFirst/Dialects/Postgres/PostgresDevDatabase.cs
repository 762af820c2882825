using System.Data.Common;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Project;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>One statement of the source, where it stands, as the dev database is asked to run it.</summary>
public sealed record DevStatement(string Path, int Line, int Column, string Sql);

/// <summary>
/// Normalization by the engine itself (<c>--dev-url</c>, as Atlas does): the source's statements run on a scratch
/// database of a PostgreSQL server the user names, and the schema is read back with the inspector, so expressions,
/// view bodies and names come out exactly as the server prints them, and every statement is checked by the server.
/// What belongs to the cluster (roles, databases, tablespaces), data, ownership and privileges are not sent: the
/// first would change the shared server, data is not schema, and owners and privileges name roles the dev server
/// need not have (privileges come from the source's own replay, which needs no server).
/// </summary>
public static class PostgresDevDatabase
{
    /// <summary>
    /// Creates a scratch database on the server <paramref name="url"/> names (from template0, so nothing of the
    /// server's template1 leaks in), applies the source to it, reads it back and drops it, whatever happened.
    /// </summary>
    public static async Task<DevOutcome> NormalizeAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, IReadOnlyList<(string Path, string? Text)> sources, Database parsed, CancellationToken ct)
    {
        try
        {
            return await InScratchDatabaseAsync(url, connect, async (conn, server) =>
            {
                var refused = await ApplyAsync(conn, StatementsToApply(sources), ct);
                if (refused != null) return new DevOutcome(null, refused, null, server);
                var normalized = (await PostgresInspector.InspectAsync(conn, null, ct)).Load.Model;
                return new DevOutcome(Merge(normalized, parsed), null, null, server);
            }, ct);
        }
        catch (DbException e) when (e.SqlState == "42501")
        {
            return new DevOutcome(null, null, $"cannot use the dev database at {url.Display}: {DatabaseErrors.Field(e.Data, "MessageText") ?? e.Message} (the role needs CREATEDB: each run creates and drops a scratch database)", null);
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            return new DevOutcome(null, null, $"cannot use the dev database at {url.Display}: {DatabaseErrors.Describe(e)}", null);
        }
    }

    /// <summary>
    /// The model's DDL run on a scratch database and read back, or null when the server refuses it. Function bodies are
    /// not checked (a subset need not hold every table a body names).
    /// </summary>
    public static async Task<Database?> NormalizeModelAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database model, CancellationToken ct)
    {
        var printed = model with { Grants = default, DefaultPrivileges = default, Opaque = default };
        try
        {
            return await InScratchDatabaseAsync(url, connect, async (conn, _) =>
            {
                await ExecuteAsync(conn, "SET check_function_bodies = off;\n" + PostgresSqlGenerator.Generate(printed), ct);
                return (await PostgresInspector.InspectAsync(conn, null, ct)).Load.Model;
            }, ct);
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            // Refused, or no scratch database to be had: the caller sends the whole source instead, which says why.
            return null;
        }
    }

    /// <summary>The model applied, as PostgreSQL prints it, to another scratch database and read back; null when unchanged.</summary>
    public static async Task<Database?> ReprintAsync(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Database normalized, CancellationToken ct)
    {
        // Grants, default privileges and kept statements name roles and objects the scratch database need not have.
        var printed = normalized with { Grants = default, DefaultPrivileges = default, Opaque = default };
        try
        {
            return await InScratchDatabaseAsync(url, connect, async (conn, _) =>
            {
                await ExecuteAsync(conn, PostgresSqlGenerator.Generate(printed), ct);
                var again = (await PostgresInspector.InspectAsync(conn, null, ct)).Load.Model;
                return again == printed ? null : Merge(again, normalized);
            }, ct);
        }
        catch (DbException)
        {
            // The printed form does not apply as a whole (a server quirk): compare with the first form only.
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a new database created from template0 on the server <paramref name="url"/> names
    /// (nothing of the server's template1 leaks in), and drops it whatever happened; the work is told which server it is.
    /// </summary>
    private static async Task<T> InScratchDatabaseAsync<T>(DatabaseUrl url, Func<DatabaseUrl, DbConnection> connect, Func<DbConnection, string, Task<T>> work, CancellationToken ct)
    {
        await using var admin = connect(url);
        await admin.OpenAsync(ct);
        var version = await ServerVersionAsync(admin, ct);
        var scratch = ScratchDatabaseName();
        await ExecuteAsync(admin, $"CREATE DATABASE {PostgresQuoting.Quote(scratch)} TEMPLATE template0", ct);
        try
        {
            await using var conn = connect(url with { Database = scratch });
            await conn.OpenAsync(ct);
            return await work(conn, $"PostgreSQL {version / 10000}.{version % 10000} at {url.Host}:{url.Port}");
        }
        finally
        {
            var force = version >= 130000 ? " WITH (FORCE)" : string.Empty;
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {PostgresQuoting.Quote(scratch)}{force}", CancellationToken.None);
        }
    }

    private static async Task<int> ServerVersionAsync(DbConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT current_setting('server_version_num')::int";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The statements of the source files that define the schema, in the order they are read.</summary>
    public static IReadOnlyList<DevStatement> StatementsToApply(IReadOnlyList<string> files) => StatementsToApply(files.Select(f => (f, (string?)null)).ToList());

    /// <summary>The statements of files on disk (no text) or given as text, in the order they are read.</summary>
    public static IReadOnlyList<DevStatement> StatementsToApply(IReadOnlyList<(string Path, string? Text)> sources)
    {
        var list = new List<DevStatement>();
        var diagnostics = new List<Diagnostic>();
        foreach (var (file, text) in sources)
        {
            Stream? stream = null;
            var reader = text != null ? SqlStatementReader.FromString(text, file, diagnostics) : SqlStatementReader.Open(file, diagnostics, out stream);
            using (stream)
            {
                while (reader.Next() is { } stmt)
                {
                    if (stmt.Kind != RawStatementKind.Sql || stmt.Directives.Any(d => d.Name == "skip") || !DefinesSchema(stmt.Text)) continue;
                    list.Add(new DevStatement(file, stmt.Line, stmt.Column, stmt.Text));
                }
            }
        }
        return list;
    }

    /// <summary>Whether a statement is sent to the dev database (see the class summary for what is not).</summary>
    internal static bool DefinesSchema(string sql)
    {
        var tokens = SqlLexer.Tokenize(sql);
        var words = new List<string>();
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word) break;
            words.Add(TokenCursor.FoldCase(sql.AsSpan(t.Start, t.Length)));
            if (words.Count == 4) break;
        }
        if (words.Count == 0) return true;
        string W(int i) => i < words.Count ? words[i] : string.Empty;
        switch (W(0))
        {
            case "grant":
            case "revoke":
            case "copy":
            case "insert":
            case "update":
            case "delete":
            case "truncate":
            case "vacuum":
            case "analyze":
            case "reindex":
            case "cluster":
            case "checkpoint":
            case "security":
            case "reassign":
                return false;
            case "set" when W(1) is "role" or "session":
                return false;
            case "comment" when W(2) is "database" or "role" or "tablespace":
                return false;
        }
        if (W(0) is "create" or "alter" or "drop")
        {
            var kind = W(1) is "or" ? W(3) : W(1);
            if (kind is "database" or "role" or "user" or "group" or "tablespace" or "subscription" or "system") return false;
            if (W(0) == "alter" && kind == "default") return false;
            if (W(0) == "alter" && OwnerTo(sql, tokens)) return false;
        }
        return true;
    }

    private static bool OwnerTo(string sql, List<Token> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && tokens[i + 1].Kind == TokenKind.Word
                && sql.AsSpan(tokens[i].Start, tokens[i].Length).Equals("owner", StringComparison.OrdinalIgnoreCase)
                && sql.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length).Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Runs the statements one by one on an open connection to a scratch database; stops at the first the server
    /// refuses and returns it as a diagnostic at that statement (at the server's error position when it gives one).
    /// </summary>
    public static async Task<Diagnostic?> ApplyAsync(DbConnection connection, IEnumerable<DevStatement> statements, CancellationToken cancellationToken = default)
    {
        // In batches of 200 (one round trip, one implicit transaction each); a batch the server refuses left nothing
        // behind, and is run again one statement at a time to find the statement and its position (and for what cannot
        // run in a transaction block, or uses an enum value the batch itself added).
        foreach (var chunk in statements.Chunk(200))
        {
            if (connection.CanCreateBatch && chunk.Length > 1)
            {
                await using var batch = connection.CreateBatch();
                foreach (var s in chunk)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = s.Sql;
                    batch.BatchCommands.Add(command);
                }
                try
                {
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }
                catch (DbException)
                {
                    // Below, one by one.
                }
            }
            if (await ApplyOneByOneAsync(connection, chunk, cancellationToken) is { } refused) return refused;
        }
        return null;
    }

    private static async Task<Diagnostic?> ApplyOneByOneAsync(DbConnection connection, IEnumerable<DevStatement> statements, CancellationToken cancellationToken)
    {
        foreach (var s in statements)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = s.Sql;
            try
            {
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException e)
            {
                return Refused(s, e);
            }
        }
        return null;
    }

    private static Diagnostic Refused(DevStatement s, DbException e)
    {
        var message = DatabaseErrors.Field(e.Data, "MessageText") ?? e.Message;
        var (line, column) = (s.Line, s.Column);
        if (int.TryParse(DatabaseErrors.Field(e.Data, "Position"), out var position) && position > 0 && position <= s.Sql.Length)
        {
            // The server counts characters from 1 in the statement it was sent.
            for (var i = 0; i < position - 1; i++)
            {
                if (s.Sql[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }
        }
        var state = e.SqlState ?? DatabaseErrors.Field(e.Data, "SqlState");
        var hint = DatabaseErrors.Field(e.Data, "Hint");
        var help = state == "42704" && message.StartsWith("role ", StringComparison.Ordinal)
            ? "roles belong to the server, not to the schema: create the role on the dev server, or point --dev-url at one that has it"
            : hint ?? "fix the statement: this is what PostgreSQL itself says when the source is applied";
        return new Diagnostic(Severity.Error, DiagnosticCodes.DevDatabaseRefused,
            $"the dev database refused this statement: {message}{(state != null ? $" (SQLSTATE {state})" : string.Empty)}",
            new SourceSpan(s.Path, line, column), help);
    }

    /// <summary>
    /// The model as the server normalized it, with what the dev database was not sent or cannot tell back taken from
    /// the source: privileges and default privileges (a state replayed without a server) and the statements kept
    /// verbatim.
    /// </summary>
    public static Database Merge(Database normalized, Database parsed) => normalized with
    {
        Grants = parsed.Grants,
        DefaultPrivileges = parsed.DefaultPrivileges,
        Opaque = parsed.Opaque,
    };

    /// <summary>A fresh, unguessable name for the scratch database.</summary>
    public static string ScratchDatabaseName() => "schemafirst_dev_" + Guid.NewGuid().ToString("N")[..16];
}
