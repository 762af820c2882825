using System.Data.Common;
using System.Globalization;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Reads a live PostgreSQL database (12 to 18) into the model. One catalog query per kind of object, whatever the
/// size of the schema, inside one read-only snapshot with an empty search_path, so every name comes back qualified.
/// The rows hold what the server's own deparse functions print; they are assembled into pg_dump-style DDL and
/// replayed through <see cref="PostgresParser"/>, so a schema read from the database and the same schema read from
/// its dump meet in one normal form by construction.
/// </summary>
public static partial class PostgresInspector
{
    public static async Task<InspectResult> InspectAsync(DbConnection connection, InspectOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new InspectOptions();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trips = 0;
        async Task<List<Row>> Query(string sql)
        {
            trips++;
            return await QueryAsync(connection, sql, cancellationToken);
        }

        var version = int.Parse(Convert.ToString((await Query("SELECT current_setting('server_version_num')"))[0].Values[0], CultureInfo.InvariantCulture)!,
            CultureInfo.InvariantCulture);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        trips++;
        await ExecuteAsync(connection, tx, "SET LOCAL search_path = ''; SET LOCAL jit = off; SET LOCAL work_mem = '64MB'; SET TRANSACTION READ ONLY", cancellationToken);
        trips++;
        // Two stages: while the server answers the queries of the second, the first is replayed on another thread.
        var q = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        foreach (var name in TableQueries)
        {
            q[name] = await QueryAsync(connection, tx, Load(name, version), cancellationToken);
            trips++;
        }
        var path = $"{connection.DataSource}/{connection.Database} (inspected)";
        var builder = new PostgresCatalogDdl(options, version);
        var parser = PostgresParser.StartSession();
        var replayClock = new System.Diagnostics.Stopwatch();
        var tablesDdl = builder.BuildTables(q);
        var replayTables = Task.Run(() =>
        {
            replayClock.Start();
            parser.ParseChunk(tablesDdl, path);
            replayClock.Stop();
        }, cancellationToken);
        foreach (var name in OtherQueries)
        {
            q[name] = await QueryAsync(connection, tx, Load(name, version), cancellationToken);
            trips++;
        }
        await tx.CommitAsync(cancellationToken);
        trips++;
        var queryTime = clock.Elapsed;
        await replayTables;
        replayClock.Start();
        var restDdl = builder.BuildRest(q);
        parser.ParseChunk(restDdl, path);
        var load = parser.FinishSession();
        if (builder.InvalidIndexes.Count > 0)
        {
            load = load with
            {
                Diagnostics = load.Diagnostics.Concat(builder.InvalidIndexes.Select(i => new Diagnostic(Severity.Warning, DiagnosticCodes.InvalidIndex,
                    $"index {i} is INVALID (a CREATE INDEX CONCURRENTLY that failed or was killed); it is read as missing, so a plan builds it again"))).ToList(),
            };
        }
        replayClock.Stop();
        return new InspectResult(load, trips, queryTime, replayClock.Elapsed);
    }

    private static readonly string[] TableQueries =
    [
        "schemas", "extensions", "enums", "domains", "composites", "ranges", "sequences", "tables", "columns", "constraints",
    ];

    private static readonly string[] OtherQueries =
    [
        "indexes", "constraint_index_attachments", "views", "routines", "triggers", "policies", "rules", "grants",
    ];

    /// <summary>The embedded catalog query, with the parts that depend on the server version filled in.</summary>
    internal static string Load(string name, int version)
    {
        var asm = typeof(PostgresInspector).Assembly;
        using var stream = asm.GetManifestResourceStream($"SchemaFirst.Dialects.Postgres.Queries.{name}.sql")
            ?? throw new InvalidOperationException($"missing embedded query {name}.sql");
        using var reader = new StreamReader(stream);
        var sql = reader.ReadToEnd();
        return sql
            .Replace("{{generated}}", version >= 120000 ? "a.attgenerated" : "''::\"char\"", StringComparison.Ordinal)
            .Replace("{{compression}}", version >= 140000 ? "NULLIF(a.attcompression, '')" : "NULL::\"char\"", StringComparison.Ordinal)
            .Replace("{{not_cloned}}", version >= 110000 ? "k.conparentid = 0" : "k.conislocal", StringComparison.Ordinal)
            .Replace("{{trigger_not_cloned}}", version >= 130000 ? "g.tgparentid = 0" : "true", StringComparison.Ordinal);
    }

    internal sealed class Row(string[] names, object?[] values)
    {
        public object?[] Values { get; } = values;

        public string? Str(string name)
        {
            var v = Values[Array.IndexOf(names, name)];
            return v is null or DBNull ? null : Convert.ToString(v, CultureInfo.InvariantCulture);
        }

        public bool Bool(string name) => Values[Array.IndexOf(names, name)] is true;

        public long? Long(string name)
        {
            var v = Values[Array.IndexOf(names, name)];
            return v is null or DBNull ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);
        }
    }

    private static async Task<List<Row>> QueryAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await ReadAsync(cmd, ct);
    }

    private static async Task<List<Row>> QueryAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return await ReadAsync(cmd, ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<Row>> ReadAsync(DbCommand cmd, CancellationToken ct)
    {
        var rows = new List<Row>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++) names[i] = reader.GetName(i);
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                // "char" columns come back as char; everything else as the provider's natural type.
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(new Row(names, values));
        }
        return rows;
    }
}
