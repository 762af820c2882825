using System.CommandLine;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Project;
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
        if (url!.IsFile && !File.Exists(url.Database))
        {
            await stderr.WriteLineAsync($"schemafirst: cannot read {url.Display}: no such database file");
            return ExitCodes.Runtime;
        }
        var timings = new PhaseTimer(stderr);
        InspectResult result;
        try
        {
            await using var conn = Drivers.Connect(url);
            await conn.OpenAsync(ct);
            timings.Lap("connect");
            result = await url.Dialect.InspectAsync(conn, new InspectOptions(settings.Schemas, settings.ExcludeSchemas), ct);
            timings.Lap($"catalog queries ({result.RoundTrips} round trips, {result.QueryTime.TotalMilliseconds:F0} ms) and replay ({result.ReplayTime.TotalMilliseconds:F0} ms)");
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            await stderr.WriteLineAsync($"schemafirst: cannot read {url.Display}: {DatabaseErrors.Describe(e)}");
            return ExitCodes.Runtime;
        }
        var generated = settings.Format == "json"
            ? new GeneratedSql(ModelJsonWriter.Write(result.Load.Model), [])
            : url.Dialect.Generate(result.Load.Model, new SqlGenerationOptions());
        timings.Lap("render");
        timings.Gc();
        foreach (var d in result.Load.Diagnostics.Where(d => d.Severity != Severity.Info))
        {
            // The DDL was assembled from the catalog: a diagnostic here is a gap in the inspector, worth reporting.
            await stderr.WriteLineAsync($"schemafirst: warning: while reading {url.Display}: {d.Code}: {d.Message}");
        }
        if (settings.Output == null) await stdout.WriteAsync(generated.Text);
        else await File.WriteAllTextAsync(settings.Output, generated.Text, ct);
        return ExitCodes.Ok;
    }
}
