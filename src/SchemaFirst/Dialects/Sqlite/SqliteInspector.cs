using System.Data.Common;
using System.Globalization;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;

namespace SchemaFirst.Dialects.Sqlite;

/// <summary>
/// Reads a SQLite database into the model. SQLite keeps every object's CREATE statement, current after ALTERs, in
/// <c>sqlite_schema</c>: those texts are replayed through the SQLite-mode parser, so a database and its source meet in
/// one normal form. <c>pragma_table_xinfo</c> and <c>pragma_foreign_key_list</c> then cross-check columns and keys;
/// any disagreement is reported as a warning, never papered over. Three queries whatever the size.
/// </summary>
public static class SqliteInspector
{
    private const string SchemaQuery = """
        SELECT type, name, sql FROM sqlite_schema
        WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name
        """;

    private const string ColumnsQuery = """
        SELECT m.name, p.name, p.type FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY m.name, p.cid
        """;

    private const string ForeignKeysQuery = """
        SELECT m.name, count(DISTINCT f.id) FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        GROUP BY m.name
        """;

    public static async Task<InspectResult> InspectAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ddl = new StringBuilder();
        foreach (var row in await QueryAsync(connection, SchemaQuery, cancellationToken))
        {
            ddl.Append(row[2]).Append(";\n");
        }
        var columns = await QueryAsync(connection, ColumnsQuery, cancellationToken);
        var foreignKeys = await QueryAsync(connection, ForeignKeysQuery, cancellationToken);
        var queryTime = clock.Elapsed;
        var text = ddl.ToString();
        var load = SqliteParser.LoadText(text, $"{connection.DataSource} (inspected)");
        var diagnostics = load.Diagnostics.ToList();
        var model = load.Model;
        foreach (var table in columns.GroupBy(r => r[0]!))
        {
            var t = model.Tables.FirstOrDefault(x => x.Name.Name == table.Key);
            var catalog = table.Select(r => (r[1]!, r[2] ?? string.Empty)).ToList();
            var parsed = t?.Columns.Select(c => (c.Name, c.Type.Text)).ToList();
            if (parsed == null || !catalog.Select(c => c.Item1).SequenceEqual(parsed.Select(p => p.Name), StringComparer.OrdinalIgnoreCase)
                || !catalog.Select(c => Squeeze(c.Item2)).SequenceEqual(parsed.Select(p => Squeeze(p.Text))))
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnknownObject,
                    $"table {table.Key}: the columns read from its CREATE statement differ from what pragma_table_xinfo reports ({string.Join(", ", catalog.Select(c => c.Item1 + " " + c.Item2))})"));
            }
        }
        foreach (var row in foreignKeys)
        {
            var t = model.Tables.FirstOrDefault(x => x.Name.Name == row[0]);
            var count = int.Parse(row[1]!, CultureInfo.InvariantCulture);
            if (t == null || t.ForeignKeys.Count != count)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnknownObject,
                    $"table {row[0]}: {count} foreign key(s) per pragma_foreign_key_list, {t?.ForeignKeys.Count ?? 0} read from its CREATE statement"));
            }
        }
        return new InspectResult(load with { Diagnostics = diagnostics }, 3, queryTime, clock.Elapsed - queryTime);
    }

    private static string Squeeze(string type) => new(type.ToUpperInvariant().Where(ch => !char.IsWhiteSpace(ch)).ToArray());

    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<string?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
