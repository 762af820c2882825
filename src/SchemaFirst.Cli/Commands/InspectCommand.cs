using System.CommandLine;
using Npgsql;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Rendering;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Reads a live database into the model and prints it as canonical SQL or as JSON.
/// Connection problems are one line naming host, port and database (never the password), exit 4.
/// </summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var url = new Argument<string>("url") { Description = "Database URL, e.g. postgres://user@127.0.0.1:5432/shop (${VAR} is expanded)" };
        var schema = new Option<string[]>("--schema") { Description = "Only these schemas (glob patterns; repeatable)", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude-schema") { Description = "Leave out these schemas (glob patterns; repeatable)", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "Output format: sql or json", DefaultValueFactory = _ => "sql" };
        format.AcceptOnlyFromAmong("sql", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("inspect", "Read a live database into canonical SQL (or the model as JSON)");
        command.Arguments.Add(url);
        command.Options.Add(schema);
        command.Options.Add(exclude);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction((r, ct) => RunAsync(new InspectSettings(r.GetValue(url)!, r.GetValue(schema) ?? [], r.GetValue(exclude) ?? [], r.GetValue(format)!, r.GetValue(output)), stdout, stderr, ct));
        return command;
    }

    public static async Task<int> RunAsync(InspectSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!DatabaseUrl.TryParse(settings.Url, out var url, out var error))
        {
            await stderr.WriteLineAsync($"schemafirst: {error}");
            return ExitCodes.Usage;
        }
        var timings = new PhaseTimer(stderr);
        InspectResult result;
        if (url!.IsSqlite)
        {
            if (!File.Exists(url.Database))
            {
                await stderr.WriteLineAsync($"schemafirst: cannot read {url.Display}: no such database file");
                return ExitCodes.Runtime;
            }
            try
            {
                await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(url.ToSqliteConnectionString(create: false));
                result = await Dialects.Sqlite.SqliteInspector.InspectAsync(sqlite, ct);
                timings.Lap($"catalog queries ({result.RoundTrips} round trips) and replay");
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                await stderr.WriteLineAsync($"schemafirst: cannot read {url.Display}: {e.Message}");
                return ExitCodes.Runtime;
            }
            return await WriteAsync(result, settings, url, stdout, stderr, timings, ct);
        }
        try
        {
            await using var conn = new NpgsqlConnection(url!.ToNpgsqlConnectionString());
            await conn.OpenAsync(ct);
            timings.Lap("connect");
            result = await PostgresInspector.InspectAsync(conn, new InspectOptions(settings.Schemas, settings.ExcludeSchemas), ct);
            timings.Lap($"catalog queries ({result.RoundTrips} round trips, {result.QueryTime.TotalMilliseconds:F0} ms) and replay ({result.ReplayTime.TotalMilliseconds:F0} ms)");
        }
        catch (Exception e) when (ConnectionError.Is(e))
        {
            await stderr.WriteLineAsync($"schemafirst: cannot read {url!.Display}: {ConnectionError.Describe(e)}");
            return ExitCodes.Runtime;
        }
        return await WriteAsync(result, settings, url!, stdout, stderr, timings, ct);
    }

    private static async Task<int> WriteAsync(InspectResult result, InspectSettings settings, DatabaseUrl url, TextWriter stdout, TextWriter stderr, PhaseTimer timings, CancellationToken ct)
    {
        var notes = new List<Diagnostics.Diagnostic>();
        var text = settings.Format == "json"
            ? ModelJsonWriter.Write(result.Load.Model)
            : url.IsSqlite ? Dialects.Sqlite.SqliteSqlGenerator.Generate(result.Load.Model, notes) : PostgresSqlGenerator.Generate(result.Load.Model);
        timings.Lap("render");
        timings.Gc();
        foreach (var d in result.Load.Diagnostics.Where(d => d.Severity != Diagnostics.Severity.Info))
        {
            // The DDL was assembled from the catalog: a diagnostic here is a gap in the inspector, worth reporting.
            await stderr.WriteLineAsync($"schemafirst: warning: while reading {url.Display}: {d.Code}: {d.Message}");
        }
        if (settings.Output == null) await stdout.WriteAsync(text);
        else await File.WriteAllTextAsync(settings.Output, text, ct);
        return ExitCodes.Ok;
    }
}
