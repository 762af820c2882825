using System.CommandLine;
using System.Text;
using System.Text.Json;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Loading;
using SchemaFirst.Validation;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Reads the schema source, runs the semantic checks, prints every diagnostic and a summary of what was understood.
/// Exit 0 without errors, 1 with errors.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("source") { Description = "SQL files, directories (every *.sql below) or glob patterns (default: the schema globs of schemafirst.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print errors and warnings only, no info diagnostics and no summary" };
        var sourceDialect = SourceDialectOption.Create();
        var devUrl = new Option<string?>("--dev-url") { Description = "Also apply the source to a scratch database on this PostgreSQL server (created and dropped; the role needs CREATEDB), so the engine itself checks every statement" };
        var command = new Command("validate", "Parse and check the schema source; diagnostics with file:line:col");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(quiet);
        command.Options.Add(sourceDialect);
        command.Options.Add(devUrl);
        command.SetAction(async (r, ct) =>
        {
            var given = r.GetValue(inputs) ?? [];
            var dialect = r.GetValue(sourceDialect)!;
            if (given.Length == 0)
            {
                // No files named: the project's, from schemafirst.yaml (its dialect too, unless the flag says otherwise).
                var (config, code) = Artifacts.ProjectSource.Config(stderr);
                if (code != ExitCodes.Ok) return code;
                if (config?.Schema is not { Count: > 0 } schema)
                {
                    await stderr.WriteLineAsync("schemafirst: name the schema files (e.g. schema/), or list them under 'schema:' in schemafirst.yaml");
                    return ExitCodes.Usage;
                }
                given = [.. schema];
                if (r.GetResult(sourceDialect) is not { Implicit: false } && config.Dialect != null) dialect = config.Dialect;
            }
            return await RunAsync(new ValidateSettings(given, r.GetValue(format)!, r.GetValue(quiet), dialect, r.GetValue(devUrl)), stdout, stderr, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(ValidateSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var timings = new PhaseTimer(stderr);
        var sourceDialect = settings.SourceDialect != null ? SqlDialects.FindSource(settings.SourceDialect) ?? SqlDialects.Default : SqlDialects.Default;
        var result = SqlSource.Load(settings.Inputs, sourceDialect);
        timings.Lap("load (read, lex, parse, replay)");
        var diagnostics = result.Diagnostics.Concat(SchemaValidator.Validate(result.Model, result.SourceMap)).ToList();
        timings.Lap("semantic checks");
        string? devNote = null;
        if (settings.DevUrl != null)
        {
            if (sourceDialect is not IDevDatabase)
            {
                var usage = (await DevDatabaseRun.NormalizeAsync(settings.DevUrl, sourceDialect, settings.Inputs, result.Model, "checks", ct)).Usage;
                await stderr.WriteLineAsync("schemafirst: " + usage);
                return ExitCodes.Usage;
            }
            if (diagnostics.Any(d => d.Severity == Severity.Error))
            {
                devNote = "not applied to the dev database: fix the errors above first";
            }
            else
            {
                var outcome = await DevDatabaseRun.NormalizeAsync(settings.DevUrl, sourceDialect, settings.Inputs, result.Model, "checks", ct);
                if (outcome.Failure != null)
                {
                    await stderr.WriteLineAsync("schemafirst: " + outcome.Failure);
                    return ExitCodes.Runtime;
                }
                if (outcome.Refused != null) diagnostics.Add(outcome.Refused);
                else devNote = $"applied to a scratch database on {outcome.Server} and read back without errors";
                timings.Lap("dev database");
            }
        }
        var summary = SchemaSummary.Of(result.Model, result.Statistics);
        timings.Lap("summary");
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        if (settings.Format == "json")
        {
            stdout.Write(ToJson(diagnostics, summary, result.Statistics.Files, errors, warnings));
            stdout.Write('\n');
        }
        else
        {
            var lines = new LineCache();
            foreach (var d in diagnostics)
            {
                if (settings.Quiet && d.Severity == Severity.Info) continue;
                stderr.Write(DiagnosticTextFormatter.Format(d, lines.Read));
            }
            if (!settings.Quiet) stdout.Write(SummaryText(summary, result.Statistics.Files, errors, warnings));
            if (!settings.Quiet && devNote != null) stdout.Write("Dev database: " + devNote + "\n");
        }
        timings.Lap("output");
        timings.Gc();
        return errors > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    internal static string SummaryText(SchemaSummary summary, int files, int errors, int warnings)
    {
        var sb = new StringBuilder();
        sb.Append("Read ").Append(files).Append(files == 1 ? " file" : " files").Append(": ")
            .Append(errors).Append(errors == 1 ? " error, " : " errors, ").Append(warnings).Append(warnings == 1 ? " warning\n" : " warnings\n");
        var width = summary.Counts.Max(c => c.Name.Length);
        foreach (var (name, count) in summary.Counts)
        {
            // Zero rows are noise, except for the headline counts and the "not understood" line, which reassures.
            if (count == 0 && name is not ("schemas" or "tables" or "columns" or "indexes" or "foreign keys" or "kept verbatim (not understood)")) continue;
            sb.Append("  ").Append(name.PadRight(width)).Append("  ").Append(count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(7)).Append('\n');
        }
        return sb.ToString();
    }

    private static string ToJson(List<Diagnostic> diagnostics, SchemaSummary summary, int files, int errors, int warnings)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("files", files);
            w.WriteNumber("errors", errors);
            w.WriteNumber("warnings", warnings);
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics) DiagnosticJsonWriter.Write(w, d);
            w.WriteEndArray();
            w.WriteStartObject("summary");
            foreach (var (name, count) in summary.Counts) w.WriteNumber(name.Replace(' ', '_').Replace(":", string.Empty, StringComparison.Ordinal).Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal), count);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
