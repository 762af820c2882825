using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SchemaFirst.Apply;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Drift;
using SchemaFirst.Loading;
using SchemaFirst.Project;
using SchemaFirst.Rendering;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>apply --targets</c> and <c>drift --targets</c>: one plan per target of a target list (databases, or tenant schemas
/// in one database), a bounded number at a time. A target that fails is reported and the others go on; each target's
/// own history table makes a rerun with --resume skip the targets an earlier run already brought to this source.
/// </summary>
internal static class FleetCommand
{
    /// <summary>Represents one target: its name in the report, its URL (as text to run with), and its tenant schema.</summary>
    internal sealed record Target(string Name, string UrlText, DatabaseUrl Url, string? Schema)
    {
        /// <summary>The history table of a tenant schema is its own, in the schema, so tenants do not share locks or rows.</summary>
        public string? HistoryTable => Schema != null ? Schema + ".schemafirst_history" : null;
    }

    /// <summary>Represents how one target ended.</summary>
    internal sealed record Result(Target Target, string Outcome, int Code, int Statements, int Done, long? HistoryId, double Seconds, string Detail, string Log, DriftReport? Drift = null);

    internal sealed record Options(string Path, int Parallel, bool Resume, string Format, string? Output, bool Given = false);

    /// <summary>The targets of a list, with the queries in it run: null with the exit code when something was reported instead.</summary>
    internal static async Task<(List<Target>? Targets, int Code)> ResolveAsync(string path, TextWriter stderr, CancellationToken ct)
    {
        var (list, error) = TargetList.Load(path);
        if (list == null)
        {
            stderr.Write(DiagnosticTextFormatter.Format(error!));
            return (null, ExitCodes.Usage);
        }
        var targets = new List<Target>();
        foreach (var entry in list.Entries)
        {
            if (!DatabaseUrl.TryParse(entry.Url, out var url, out var urlError))
            {
                stderr.Write(DiagnosticTextFormatter.Format(new Diagnostic(Severity.Error, DiagnosticCodes.ConfigInvalid, "the target's url is not valid: " + urlError, entry.At,
                    "write a database URL such as postgres://app@host:5432/shop; put secrets in ${VAR}")));
                return (null, ExitCodes.Usage);
            }
            if ((entry.Schema != null || entry.Each == "schema") && url!.Dialect.Name != "postgres")
            {
                stderr.Write(DiagnosticTextFormatter.Format(new Diagnostic(Severity.Error, DiagnosticCodes.ConfigInvalid,
                    $"tenant schemas are PostgreSQL's; a {url.Dialect.DisplayName} database is one schema", entry.At, "list each tenant database instead")));
                return (null, ExitCodes.Usage);
            }
            if (entry.Query == null)
            {
                targets.Add(new Target(entry.Name ?? entry.Schema ?? url!.Database, entry.Url, url!, entry.Schema));
                continue;
            }
            if (url!.IsFile)
            {
                stderr.Write(DiagnosticTextFormatter.Format(new Diagnostic(Severity.Error, DiagnosticCodes.ConfigInvalid, "a target query runs on a database server", entry.At, "list SQLite files one by one")));
                return (null, ExitCodes.Usage);
            }
            var names = new List<string>();
            try
            {
                await using var conn = Drivers.Connect(url);
                await conn.OpenAsync(ct);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = entry.Query;
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    if (!reader.IsDBNull(0)) names.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
                }
            }
            catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
            {
                stderr.WriteLine($"{entry.At}: cannot run the target query on {url.Display}: {DatabaseErrors.Describe(e)}");
                return (null, ExitCodes.Runtime);
            }
            catch (DbException e)
            {
                stderr.Write(DiagnosticTextFormatter.Format(new Diagnostic(Severity.Error, DiagnosticCodes.ConfigInvalid, $"the target query failed on {url.Display}: {DatabaseErrors.Describe(e)}", entry.At,
                    "the query returns one row per tenant: its first column the database (each: database) or schema (each: schema) name")));
                return (null, ExitCodes.Usage);
            }
            foreach (var name in names)
            {
                if (entry.Each == "schema")
                {
                    targets.Add(new Target(name, entry.Url, url, name));
                }
                else
                {
                    var one = url with { Database = name };
                    targets.Add(new Target(name, one.ToUrlText(), one, null));
                }
            }
        }
        if (targets.GroupBy(t => (t.Url.Display, t.Schema)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            stderr.WriteLine($"schemafirst: {path} lists {twice.Key.Display}{(twice.Key.Schema != null ? " schema " + twice.Key.Schema : string.Empty)} twice; each target once");
            return (null, ExitCodes.Usage);
        }
        if (targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } sameName)
        {
            stderr.WriteLine($"schemafirst: {path} has two targets named '{sameName.Key}' ({string.Join(", ", sameName.Select(t => t.Url.Display))}); give them names of their own with 'name:'");
            return (null, ExitCodes.Usage);
        }
        if (targets.Count == 0)
        {
            stderr.WriteLine($"schemafirst: {path}: the target queries listed no targets; nothing was done");
            return (null, ExitCodes.Usage);
        }
        return (targets, ExitCodes.Ok);
    }

    /// <summary>Checks what a fleet run needs before it reaches any target; an error message, or null.</summary>
    internal static string? Conflicts(PlanSettings settings, Options fleet)
    {
        if (settings.Db != null || settings.Env != null) return "--targets names the databases: leave out --db and --env";
        if (settings.Desired.Any(d => DatabaseUrl.HasDatabaseScheme(d) || d.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            return "with --targets the desired schema is SQL files (a saved plan or a database belongs to one target)";
        }
        if (fleet.Parallel is < 1 or > 64) return "--parallel takes a number from 1 to 64";
        if (fleet.Format is not ("text" or "json")) return "with --targets, --format is text or json";
        return null;
    }

    public static async Task<int> ApplyAsync(ApplySettings settings, Options fleet, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (Conflicts(settings.Plan, fleet) is { } conflict)
        {
            await stderr.WriteLineAsync("schemafirst: " + conflict);
            return ExitCodes.Usage;
        }
        if (!settings.AutoApprove && !settings.DryRun)
        {
            await stderr.WriteLineAsync("schemafirst: a fleet apply runs unattended: pass --auto-approve (or --dry-run to see what would run on each target)");
            return ExitCodes.Usage;
        }
        var (desired, desiredCode) = await DesiredAsync(settings.Plan, stderr, ct);
        if (desired == null) return desiredCode;
        var (targets, code) = await ResolveAsync(fleet.Path, stderr, ct);
        if (targets == null) return code;
        var cache = new DevCache();
        return await RunAllAsync(targets, fleet, "apply", settings.DryRun ? "planned" : "done", (t, token) => ApplyOneAsync(t, settings, fleet.Resume, desired.Value, cache, token), stdout, stderr, ct);
    }

    /// <summary>Runs every target, a bounded number at a time, reports progress and the result table; the exit code of the worst.</summary>
    private static async Task<int> RunAllAsync(List<Target> targets, Options fleet, string verb, string done, Func<Target, CancellationToken, Task<Result>> one,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var progress = new Progress(targets.Count, stderr, done);
        var results = new Result[targets.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), new ParallelOptions { MaxDegreeOfParallelism = fleet.Parallel, CancellationToken = ct }, async (i, token) =>
        {
            results[i] = await one(targets[i], token);
            progress.Report(results[i]);
        });
        progress.End();
        await WriteAsync(results, fleet, verb, stdout, stderr, ct);
        if (results.Any(r => r.Code == ExitCodes.Runtime)) return ExitCodes.Runtime;
        if (results.Any(r => r.Code is ExitCodes.Findings or ExitCodes.Usage)) return ExitCodes.Findings;
        return results.Any(r => r.Code == ExitCodes.Changes) ? ExitCodes.Changes : ExitCodes.Ok;
    }

    public static async Task<int> DriftAsync(PlanSettings settings, Options fleet, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (Conflicts(settings, fleet) is { } conflict)
        {
            await stderr.WriteLineAsync("schemafirst: " + conflict);
            return ExitCodes.Usage;
        }
        if (fleet.Resume)
        {
            await stderr.WriteLineAsync("schemafirst: --resume is apply's; drift reads every target");
            return ExitCodes.Usage;
        }
        var (desired, desiredCode) = await DesiredAsync(settings, stderr, ct);
        if (desired == null) return desiredCode;
        var (targets, code) = await ResolveAsync(fleet.Path, stderr, ct);
        if (targets == null) return code;
        var cache = new DevCache();
        return await RunAllAsync(targets, fleet, "drift", "read", (t, token) => DriftOneAsync(t, settings, cache, token), stdout, stderr, ct);
    }

    private static async Task<Result> DriftOneAsync(Target t, PlanSettings settings, DevCache cache, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var err = new StringWriter();
        var sink = new StrongBox<DriftReport>();
        int exit;
        try
        {
            exit = await DriftCommand.RunAsync(ForTarget(settings, t, cache), "json", null, TextWriter.Null, err, ct, sink);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            exit = ExitCodes.Runtime;
            await err.WriteLineAsync($"schemafirst: internal error ({e.GetType().Name}): {e.Message}");
        }
        var log = err.ToString();
        var report = sink.Value;
        var outcome = exit switch
        {
            ExitCodes.Ok => "in sync",
            ExitCodes.Changes => "drift",
            ExitCodes.Runtime => "unreachable",
            _ => "error",
        };
        var detail = report is { HasDrift: true }
            ? PlanSqlWriter.Count(report.Items.Count, "object") + ": " + string.Join("; ", report.Items.Take(3).Select(item => item.Describe())) + (report.Items.Count > 3 ? "; ..." : string.Empty)
            : exit is ExitCodes.Ok ? string.Empty : LastMessage(log);
        return new Result(t, outcome, exit, report?.Items.Count ?? 0, 0, null, clock.Elapsed.TotalSeconds, detail, log, report);
    }

    /// <summary>The settings of one target's run: its URL, its tenant schema (the only one read), its history table.</summary>
    private static PlanSettings ForTarget(PlanSettings settings, Target t, DevCache cache) =>
        settings with { DevCache = cache, Db = t.UrlText, Env = null, Schemas = t.Schema != null ? [t.Schema] : settings.Schemas, TenantSchema = t.Schema, HistoryTable = t.HistoryTable ?? settings.HistoryTable };

    /// <summary>
    /// Reads the desired source once before any target, so that an error in it is reported once, not once per target;
    /// and its files, for the fingerprint --resume compares.
    /// </summary>
    private static async Task<((IReadOnlyList<(string Path, string? Text)> Files, IReadOnlyList<string> Paths)? Desired, int Code)> DesiredAsync(PlanSettings settings, TextWriter stderr, CancellationToken ct)
    {
        if (PlanCommand.Inputs(settings, stderr) is not (var config, var sourceDialect, var inputs)) return (null, ExitCodes.Usage);
        var loader = new SchemaSourceLoader(stderr, new InspectOptions(settings.Schemas, settings.ExcludeSchemas), config);
        if (await loader.LoadAsync(inputs, sourceDialect, ct) is not { } source) return (null, loader.ExitCode);
        var paths = inputs.Any(GitFiles.IsGitSpec) ? [] : SourceFiles.Expand(inputs, []);
        return ((source.Files ?? [], paths), ExitCodes.Ok);
    }

    private static async Task<Result> ApplyOneAsync(Target t, ApplySettings settings, bool resume, (IReadOnlyList<(string Path, string? Text)> Files, IReadOnlyList<string> Paths) desired, DevCache cache, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var err = new StringWriter();
        var report = new ApplyReport();
        int exit;
        try
        {
            if (resume && !settings.DryRun)
            {
                var files = t.Schema != null ? SchemaSourceLoader.TenantFiles(desired.Paths, t.Schema) : desired.Files;
                var fingerprint = ApplyCommand.SourceFingerprint(files);
                if (await ApplyCommand.LatestHistoryAsync(t.Url, t.HistoryTable ?? settings.HistoryTable, ct) is { Status: ApplyHistory.Succeeded, SourceFingerprint: { } done } latest && done == fingerprint)
                {
                    return new Result(t, "done earlier", ExitCodes.Ok, 0, 0, latest.Id, clock.Elapsed.TotalSeconds, $"history #{latest.Id} applied this source; skipped (--resume)", string.Empty);
                }
            }
            exit = await ApplyCommand.RunAsync(settings with { Plan = ForTarget(settings.Plan, t, cache), HistoryTable = t.HistoryTable ?? settings.HistoryTable, Report = report }, TextWriter.Null, err, ct);
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            exit = ExitCodes.Runtime;
            await err.WriteLineAsync($"schemafirst: cannot connect to {t.Url.Display}: {DatabaseErrors.Describe(e)}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One target's bug must not stop the others: it is that target's failure.
            exit = ExitCodes.Runtime;
            await err.WriteLineAsync($"schemafirst: internal error ({e.GetType().Name}): {e.Message}");
        }
        var log = err.ToString();
        var outcome = report.Result ?? (exit == ExitCodes.Runtime ? "unreachable" : "error");
        var detail = outcome switch
        {
            "applied" => $"history #{report.HistoryId}",
            "unchanged" => string.Empty,
            "would change" => string.Empty,
            _ => LastMessage(log),
        };
        return new Result(t, outcome, exit, report.Statements, report.Done, report.HistoryId, clock.Elapsed.TotalSeconds, detail, log);
    }

    /// <summary>The last thing a target's run said about itself: the line that explains its exit code.</summary>
    private static string LastMessage(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindLastIndex(lines, l => l.StartsWith("schemafirst: ", StringComparison.Ordinal) && !l.StartsWith("schemafirst: warning", StringComparison.Ordinal)
            && !l.Contains("apply again to resume", StringComparison.Ordinal));
        if (at < 0) return lines.LastOrDefault()?.Trim() ?? string.Empty;
        var said = lines[at]["schemafirst: ".Length..].Trim();
        if (said.StartsWith("refused: ", StringComparison.Ordinal)) said = said["refused: ".Length..];
        // "...; nothing was applied:" is followed by what it refers to: the first of those goes with it.
        if (said.EndsWith(':') && at + 1 < lines.Length && lines[at + 1].StartsWith("  ", StringComparison.Ordinal)) said += " " + lines[at + 1].Trim();
        return said;
    }

    private static async Task WriteAsync(Result[] results, Options fleet, string verb, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var text = fleet.Format == "json" ? Json(results, verb) : Table(results, verb);
        if (fleet.Output != null) await PlanCommand.WriteFileAsync(fleet.Output, text, ct);
        else await stdout.WriteAsync(text);
        {
            // What each failed target said, after the table (and in any format: a CI log shows it), so a failure can be
            // acted on without a second run.
            foreach (var r in results.Where(r => r.Code is ExitCodes.Runtime or ExitCodes.Findings or ExitCodes.Usage && r.Log.Length > 0))
            {
                await stderr.WriteLineAsync($"--- {r.Target.Name} ({r.Target.Url.Display}{(r.Target.Schema != null ? ", schema " + r.Target.Schema : string.Empty)}):");
                await stderr.WriteAsync(r.Log);
            }
        }
        await stderr.WriteLineAsync("schemafirst: " + Summary(results));
    }

    /// <summary>"200 targets: 198 applied, 1 unchanged, 1 failed".</summary>
    internal static string Summary(IReadOnlyList<Result> results) =>
        $"{PlanSqlWriter.Count(results.Count, "target")}: " + string.Join(", ", results.GroupBy(r => r.Outcome).OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    private static int Rank(string outcome) => outcome switch
    {
        "applied" or "in sync" => 0,
        "unchanged" or "done earlier" or "would change" => 1,
        "drift" => 2,
        _ => 3,
    };

    private static string Table(Result[] results, string verb)
    {
        var rows = new List<string[]> { verb == "drift" ? ["TARGET", "DATABASE", "RESULT", "OBJECTS", "SECONDS", "DETAIL"] : ["TARGET", "DATABASE", "RESULT", "STATEMENTS", "SECONDS", "DETAIL"] };
        foreach (var r in results)
        {
            var count = verb == "drift" ? r.Statements.ToString(CultureInfo.InvariantCulture)
                : r.Outcome is "failed" or "refused" && r.Done < r.Statements ? $"{r.Done} of {r.Statements}" : r.Statements.ToString(CultureInfo.InvariantCulture);
            rows.Add([r.Target.Name, r.Target.Url.Display + (r.Target.Schema != null ? " (schema " + r.Target.Schema + ")" : string.Empty), r.Outcome, count,
                r.Seconds.ToString("F1", CultureInfo.InvariantCulture), r.Detail]);
        }
        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(row => row[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            var line = string.Concat(Enumerable.Range(0, 5).Select(c => row[c].PadRight(widths[c]) + "  ")) + row[5];
            sb.Append(line.TrimEnd()).Append('\n');
        }
        return sb.ToString();
    }

    private static string Json(Result[] results, string verb)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("command", verb);
            w.WriteStartObject("summary");
            w.WriteNumber("targets", results.Length);
            foreach (var g in results.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal)) w.WriteNumber(g.Key, g.Count());
            w.WriteEndObject();
            w.WriteStartArray("targets");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Target.Name);
                w.WriteString("database", r.Target.Url.Display);
                if (r.Target.Schema != null) w.WriteString("schema", r.Target.Schema);
                w.WriteString("result", r.Outcome);
                w.WriteNumber("exit_code", r.Code);
                if (verb == "drift")
                {
                    w.WriteNumber("objects", r.Statements);
                }
                else
                {
                    w.WriteNumber("statements", r.Statements);
                    w.WriteNumber("statements_done", r.Done);
                    if (r.HistoryId is { } id) w.WriteNumber("history_id", id);
                }
                w.WriteNumber("seconds", Math.Round(r.Seconds, 2));
                if (r.Detail.Length > 0) w.WriteString("detail", r.Detail);
                if (r.Drift != null)
                {
                    w.WritePropertyName("report");
                    using var doc = JsonDocument.Parse(DriftWriter.Json(r.Drift));
                    doc.WriteTo(w);
                }
                else if (r.Code != ExitCodes.Ok && r.Log.Length > 0)
                {
                    w.WriteString("log", r.Log);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Represents the progress of a fleet run on stderr: one line rewritten in place on a terminal, a line per finished
    /// target otherwise (a CI log).
    /// </summary>
    private sealed class Progress(int total, TextWriter stderr, string verb)
    {
        private readonly Lock _gate = new();
        private readonly bool _terminal = !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error);
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private int _finished;

        public void Report(Result r)
        {
            lock (_gate)
            {
                _finished++;
                _counts[r.Outcome] = _counts.GetValueOrDefault(r.Outcome) + 1;
                if (_terminal)
                {
                    const int Width = 30;
                    var filled = _finished * Width / total;
                    var counts = string.Join(", ", _counts.OrderBy(kv => Rank(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {kv.Key}"));
                    stderr.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_finished}/{total} {verb}: {counts}\u001b[K");
                }
                else
                {
                    stderr.WriteLine($"schemafirst: [{_finished}/{total}] {r.Target.Name}: {r.Outcome}{(r.Detail.Length > 0 ? " (" + r.Detail + ")" : string.Empty)}");
                }
            }
        }

        public void End()
        {
            if (_terminal && _finished > 0) stderr.WriteLine();
        }
    }
}
