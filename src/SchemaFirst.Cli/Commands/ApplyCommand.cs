using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SchemaFirst.Apply;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Diff;
using SchemaFirst.Planning;
using SchemaFirst.Project;
using SchemaFirst.Rendering;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>apply</c>: plans from the desired files (or takes a saved plan), shows it, asks, and applies it safely: a lock
/// keeps a second apply out, destructive changes need --allow-destructive, pre-flight queries refuse data-dependent
/// changes with counts, everything transactional runs in one transaction, and the history table records each run.
/// Exit 0 applied (or nothing to do), 1 refused, 2 changes shown by --dry-run, 3 usage, 4 connection or a failed statement.
/// </summary>
internal static partial class ApplyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new Argument<string[]>("source") { Description = "The desired schema (SQL files, directories, globs, git:REV:path), or a plan saved with 'plan -o plan.json'", Arity = ArgumentArity.ZeroOrMore };
        var db = new Option<string?>("--db") { Description = $"The database to migrate (postgres://..., sqlite:///...; ${{VAR}} is expanded). Default: {PlanCommand.DefaultDatabase}" };
        var env = new Option<string?>("--env") { Description = "Take the database URL from this environment of schemafirst.yaml" };
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Apply without asking (required when nobody is at a terminal)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would run and change nothing" };
        var allowDestructive = new Option<bool>("--allow-destructive") { Description = "Allow statements that destroy data (drop table, drop column, narrowing types, ...)" };
        var lockTimeout = new Option<string>("--lock-timeout") { Description = "How long a statement may wait for a lock: 500ms, 10s, 2min, 1h, 0 for no limit (default 10s)", DefaultValueFactory = _ => "10s" };
        var statementTimeout = new Option<string>("--statement-timeout") { Description = "How long one statement may run (default 1h; 0 for no limit)", DefaultValueFactory = _ => "1h" };
        var history = new Option<string?>("--history-table") { Description = "The history table, as schema.table (default: schemafirst.history; in SQLite schemafirst_history)" };
        var command = new Command("apply", "Apply the desired schema (or a saved plan) to a database, safely");
        command.Arguments.Add(source);
        foreach (var o in new Option[] { db, env, autoApprove, dryRun, allowDestructive, lockTimeout, statementTimeout, history }) command.Options.Add(o);
        var common = PlanCommand.Common(command, output: false);
        var fleet = FleetOptions(command, resume: true);
        command.SetAction((r, ct) => (r.GetValue(fleet.Targets) is { } targets ? FleetCommand.ApplyAsync : (Func<ApplySettings, FleetCommand.Options, TextWriter, TextWriter, CancellationToken, Task<int>>)Single)(new ApplySettings(
            new PlanSettings(r.GetValue(source) ?? [], null, r.GetValue(db), r.GetValue(env), "sql", null, r.GetValue(common.SourceDialect), null, r.GetValue(common.DevUrl),
                r.GetValue(common.Offline), r.GetValue(common.Concurrent), r.GetValue(common.Online), r.GetValue(common.Schemas) ?? [], r.GetValue(common.Exclude) ?? []),
            r.GetValue(autoApprove), r.GetValue(dryRun), r.GetValue(allowDestructive), r.GetValue(lockTimeout)!, r.GetValue(statementTimeout)!, r.GetValue(history)),
            fleet.Read(r), stdout, stderr, ct));
        return command;
    }

    /// <summary>One database: the fleet options must not be given.</summary>
    private static Task<int> Single(ApplySettings settings, FleetCommand.Options fleet, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (fleet.Given)
        {
            stderr.WriteLine("schemafirst: --parallel, --resume, --format and --output go with --targets");
            return Task.FromResult(ExitCodes.Usage);
        }
        return RunAsync(settings, stdout, stderr, ct);
    }

    internal sealed record FleetOptionSet(Option<string?> Targets, Option<int> Parallel, Option<bool>? Resume, Option<string>? Format, Option<string?>? Output)
    {
        public FleetCommand.Options Read(ParseResult r) => new(r.GetValue(Targets) ?? string.Empty, r.GetValue(Parallel), Resume != null && r.GetValue(Resume),
            Format != null ? r.GetValue(Format)! : "text", Output != null ? r.GetValue(Output) : null,
            Given(r, Parallel) || Given(r, Resume) || Given(r, Format) || Given(r, Output));

        private static bool Given(ParseResult r, Option? option) => option != null && r.GetResult(option) is { Implicit: false };
    }

    /// <summary>--targets, --parallel (and for apply --resume, --format, -o): a fleet of databases instead of one.</summary>
    internal static FleetOptionSet FleetOptions(Command command, bool resume)
    {
        var targets = new Option<string?>("--targets") { Description = "Run against every target of this list (targets.yaml: '- url:' entries, tenant schemas, or a query listing tenant databases or schemas) instead of one database" };
        var parallel = new Option<int>("--parallel") { Description = "With --targets: how many targets at a time (default 4)", DefaultValueFactory = _ => 4 };
        command.Options.Add(targets);
        command.Options.Add(parallel);
        if (!resume) return new FleetOptionSet(targets, parallel, null, null, null);
        var resumeOption = new Option<bool>("--resume") { Description = "With --targets: skip the targets whose history says an earlier run applied this same source" };
        var format = new Option<string>("--format") { Description = "With --targets: the result table as text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--output", "-o") { Description = "With --targets: write the result table to this file" };
        command.Options.Add(resumeOption);
        command.Options.Add(format);
        command.Options.Add(output);
        return new FleetOptionSet(targets, parallel, resumeOption, format, output);
    }

    public static async Task<int> RunAsync(ApplySettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var (config, configError) = ProjectConfig.Load(Environment.CurrentDirectory);
        if (configError != null)
        {
            stderr.Write(DiagnosticTextFormatter.Format(configError));
            return ExitCodes.Usage;
        }
        if (ParseDuration(settings.LockTimeout) is not { } lockTimeout || ParseDuration(settings.StatementTimeout) is not { } statementTimeout)
        {
            stderr.WriteLine("schemafirst: --lock-timeout and --statement-timeout take a duration such as 500ms, 10s, 2min or 1h, at most 596h (0 for no limit)");
            return ExitCodes.Usage;
        }
        if (settings.HistoryTable != null) config = WithHistory(config, settings.HistoryTable);
        var (target, targetCode) = PlanCommand.Target(settings.Plan, config, stderr);
        if (target == null) return targetCode;
        if (!DatabaseUrl.TryParse(target, out var url, out var urlError))
        {
            stderr.WriteLine("schemafirst: " + urlError);
            return ExitCodes.Usage;
        }
        if (url!.Dialect is not IApplyDialect applyDialect)
        {
            stderr.WriteLine($"schemafirst: SchemaFirst does not apply plans to {url.Dialect.DisplayName} yet");
            return ExitCodes.Usage;
        }
        var savedPlanPath = settings.Plan.Desired is [var only] && only.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(only) ? only : null;
        var options = new ApplyOptions(lockTimeout, statementTimeout, SchemaSourceLoader.HistoryTable(url.Dialect, config));
        if (url.IsFile && !settings.DryRun)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(url.Database));
            if (dir != null) Directory.CreateDirectory(dir);
        }
        await using var conn = Drivers.Connect(url, writable: !settings.DryRun || !url.IsFile);
        ApplySession session;
        try
        {
            if (!(settings.DryRun && url.IsFile && !File.Exists(url.Database))) await conn.OpenAsync(ct);
            session = applyDialect.OpenSession(conn, options);
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            stderr.WriteLine($"schemafirst: cannot connect to {url.Display}: {DatabaseErrors.Describe(e)}");
            return ExitCodes.Runtime;
        }
        var history = new ApplyHistory(session);
        var locked = false;
        try
        {
            if (!settings.DryRun)
            {
                if (await session.TryLockAsync(ct) is { } holder)
                {
                    if (settings.Report != null) settings.Report.Result = "locked";
                    stderr.WriteLine($"schemafirst: another apply is running on {url.Display}: {holder}; nothing was done. Apply again when it has finished.");
                    return ExitCodes.Runtime;
                }
                locked = true;
                foreach (var line in await history.ClaimInterruptedAsync(ct)) stderr.WriteLine("schemafirst: warning: " + line);
            }
            var timings = new PhaseTimer(stderr);
            PlanBuild? build = null;
            MigrationPlan plan;
            if (savedPlanPath != null)
            {
                var (saved, code) = await SavedPlanAsync(savedPlanPath, target, url, config, settings.Plan, stderr, ct);
                if (saved == null) return code;
                plan = saved;
            }
            else
            {
                var (built, code) = await PlanCommand.BuildAsync(settings.Plan with { Db = target, Env = null, HistoryTable = settings.HistoryTable ?? settings.Plan.HistoryTable }, stderr, timings, ct);
                if (built == null) return code;
                build = built;
                plan = built.Plan;
            }
            if (settings.Report != null) settings.Report.Statements = plan.Statements.Count;
            if (plan.IsEmpty)
            {
                if (settings.Report != null) settings.Report.Result = "unchanged";
                await stdout.WriteAsync(PlanSqlWriter.Write(plan));
                await stderr.WriteLineAsync($"schemafirst: no changes; {url.Display} already matches");
                return ExitCodes.Ok;
            }
            await stdout.WriteAsync(PlanSqlWriter.Write(plan));
            var destructive = plan.Statements.Where(s => s.Hazards.Any(h => h.Destructive)).ToList();
            if (destructive.Count > 0 && !settings.AllowDestructive)
            {
                if (settings.Report != null) settings.Report.Result = "refused";
                await stderr.WriteLineAsync($"schemafirst: refused: the plan destroys data in {PlanSqlWriter.Count(destructive.Count, "statement")}; nothing was applied:");
                foreach (var s in destructive)
                {
                    foreach (var h in s.Hazards.Where(h => h.Destructive)) await stderr.WriteLineAsync($"  {h.Code} {s.Change.Describe()}: {h.Message}");
                }
                await stderr.WriteLineAsync("Pass --allow-destructive to apply it anyway (take a backup first), or change the desired schema.");
                return ExitCodes.Findings;
            }
            if (settings.DryRun)
            {
                if (settings.Report != null) settings.Report.Result = "would change";
                await stderr.WriteLineAsync($"schemafirst: dry run: {PlanSqlWriter.Count(plan.Statements.Count, "statement")} would run on {url.Display}; nothing was applied");
                return ExitCodes.Changes;
            }
            if (!settings.AutoApprove)
            {
                if (Console.IsInputRedirected)
                {
                    await stderr.WriteLineAsync("schemafirst: refusing to apply without a person to confirm: pass --auto-approve (or --dry-run to see what would run)");
                    return ExitCodes.Usage;
                }
                await stderr.WriteAsync($"Apply {PlanSqlWriter.Count(plan.Statements.Count, "statement")} to {url.Display}? Only 'yes' goes on: ");
                if (Console.ReadLine()?.Trim() != "yes")
                {
                    await stderr.WriteLineAsync("schemafirst: apply cancelled; nothing was applied");
                    return ExitCodes.Findings;
                }
            }
            var record = new ApplyRecord(
                $"{await session.DatabaseUserAsync(ct)} ({Environment.UserName}@{Environment.MachineName})",
                ToolVersion(), build != null ? SourceFingerprint(build.Desired) : null, plan.FromFingerprint, plan.ToFingerprint);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await history.EnsureAsync(ct);
            var outcome = await new PlanApplier(session, history, Console.IsErrorRedirected || settings.Report != null ? TextWriter.Null : stderr).ApplyAsync(plan.Statements, record, ct);
            if (settings.Report is { } report)
            {
                report.Done = outcome.Done;
                report.HistoryId = outcome.HistoryId;
                report.Result = outcome.Status switch
                {
                    ApplyStatus.Refused => "refused",
                    ApplyStatus.Failed => "failed",
                    _ => "applied",
                };
            }
            switch (outcome.Status)
            {
                case ApplyStatus.Refused:
                    await stderr.WriteLineAsync($"schemafirst: refused by the pre-flight checks; {TookEffect(plan, outcome)} (history #{outcome.HistoryId}):");
                    foreach (var f in outcome.Findings) await stderr.WriteLineAsync("  " + f);
                    await stderr.WriteLineAsync("Fix the data (or the desired schema) and apply again.");
                    return ExitCodes.Findings;
                case ApplyStatus.Failed:
                    await stderr.WriteLineAsync($"schemafirst: apply failed (history #{outcome.HistoryId}){(outcome.Failed != null ? " at:\n" + outcome.Failed.Sql : string.Empty)}");
                    await stderr.WriteLineAsync("schemafirst: " + outcome.Error);
                    await stderr.WriteLineAsync($"schemafirst: {TookEffect(plan, outcome)}; apply again to resume with what is left");
                    return ExitCodes.Runtime;
            }
            await stderr.WriteLineAsync($"schemafirst: applied {PlanSqlWriter.Count(outcome.Done, "statement")} to {url.Display} in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s (history #{outcome.HistoryId})");
            await VerifyAsync(target, url, build, plan, history, outcome.HistoryId, config, settings.Plan, stderr, ct);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            stderr.WriteLine($"schemafirst: {url.Display}: {DatabaseErrors.Describe(e)}");
            return ExitCodes.Runtime;
        }
        finally
        {
            // A connection that broke (cut, server restarted) took its session and the lock with it.
            if (locked && conn.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    await session.UnlockAsync(CancellationToken.None);
                }
                catch (Exception e) when (DatabaseErrors.IsConnectionError(e) || e is InvalidOperationException)
                {
                    // The session is gone, and its lock with it.
                }
            }
        }
    }

    /// <summary>What of a plan took effect before it stopped: statements outside the transaction commit one by one.</summary>
    private static string TookEffect(MigrationPlan plan, ApplyOutcome outcome)
    {
        if (outcome.Done == 0) return "nothing was applied";
        var before = plan.Statements.Count(s => s.Phase == StatementPhase.Before);
        if (before == plan.Statements.Count)
        {
            return $"{outcome.Done} of {PlanSqlWriter.Count(plan.Statements.Count, "statement")} took effect (each commits on its own)";
        }
        return outcome.Done <= before
            ? $"{PlanSqlWriter.Count(outcome.Done, "statement")} that run before the transaction took effect, the transaction did not"
            : $"the transaction committed and {PlanSqlWriter.Count(outcome.Done, "statement")} in all took effect";
    }

    /// <summary>Reads the database back after apply, records its fingerprint, and says when it does not match the desired schema.</summary>
    private static async Task VerifyAsync(string target, DatabaseUrl url, PlanBuild? build, MigrationPlan plan, ApplyHistory history, long id, ProjectConfig? config, PlanSettings settings,
        TextWriter stderr, CancellationToken ct)
    {
        var loader = new SchemaSourceLoader(stderr, new InspectOptions(settings.Schemas, settings.ExcludeSchemas), config);
        if (await loader.InspectAsync(target, ct) is not { } after) return;
        var fingerprint = MigrationPlanner.Fingerprint(url.Dialect, after.Model);
        await history.RecordAfterAsync(id, fingerprint, ct);
        if (build == null)
        {
            if (fingerprint != plan.ToFingerprint) await stderr.WriteLineAsync("schemafirst: note: the database now has fingerprint " + fingerprint + "; the plan expected " + plan.ToFingerprint);
            return;
        }
        var reprinted = build.ToReprinted;
        var left = SchemaDiffer.Compare(reprinted != null ? SchemaDiffer.Aligned(after.Model, build.To, reprinted) : after.Model, build.To, build.ToMap).Changes;
        if (left.Count > 0 && reprinted == null && build.DevUrl != null && build.Dialect is IDevDatabase dev && PlanCommand.MayBeReprinted(left))
        {
            // The server may print an expression it was given differently from how it reads its own output (an IN list).
            reprinted = await PlanCommand.ReprintAsync(dev, build.DevUrl, build.To, build.Subset, PlanCommand.Reprintable(left), ct);
            if (reprinted != null) left = SchemaDiffer.Compare(SchemaDiffer.Aligned(after.Model, build.To, reprinted), build.To, build.ToMap).Changes;
        }
        if (left.Count > 0)
        {
            await stderr.WriteLineAsync($"schemafirst: warning: after apply, {PlanSqlWriter.Count(left.Count, "difference")} from the desired schema remain ({string.Join("; ", left.Take(5).Select(c => c.Describe()))}); run 'schemafirst plan' to see them");
        }
    }

    /// <summary>The newest row of a database's history table (null when it has none), for a fleet's --resume.</summary>
    internal static async Task<(long Id, string Status, string? SourceFingerprint)?> LatestHistoryAsync(DatabaseUrl url, string? historyTable, CancellationToken ct)
    {
        if (url.Dialect is not IApplyDialect applyDialect || url.IsFile && !File.Exists(url.Database)) return null;
        var (config, _) = ProjectConfig.Load(Environment.CurrentDirectory);
        if (historyTable != null) config = WithHistory(config, historyTable);
        await using var conn = Drivers.Connect(url);
        await conn.OpenAsync(ct);
        var session = applyDialect.OpenSession(conn, new ApplyOptions(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), SchemaSourceLoader.HistoryTable(url.Dialect, config)));
        return await new ApplyHistory(session).LatestAsync(ct);
    }

    /// <summary>A saved plan, when the database still has the fingerprint it was planned against; otherwise what changed since.</summary>
    private static async Task<(MigrationPlan? Plan, int Code)> SavedPlanAsync(string path, string target, DatabaseUrl url, ProjectConfig? config, PlanSettings settings, TextWriter stderr, CancellationToken ct)
    {
        var (plan, error) = SavedPlan.Read(await File.ReadAllTextAsync(path, ct));
        if (plan == null)
        {
            stderr.WriteLine(error!.StartsWith("it ", StringComparison.Ordinal)
                ? $"schemafirst: refused: {path}: {error}. Nothing was applied; plan again and review the new plan."
                : $"schemafirst: {path} is not a plan saved by 'schemafirst plan -o': {error}");
            return (null, ExitCodes.Usage);
        }
        if (SqlDialects.Find(plan.Dialect) != url.Dialect)
        {
            stderr.WriteLine($"schemafirst: {path} is a {plan.Dialect} plan; {url.Display} is a {url.Dialect.DisplayName} database");
            return (null, ExitCodes.Usage);
        }
        var loader = new SchemaSourceLoader(stderr, new InspectOptions(settings.Schemas, settings.ExcludeSchemas), config);
        if (await loader.InspectAsync(target, ct) is not { } current) return (null, loader.ExitCode);
        var fingerprint = MigrationPlanner.Fingerprint(url.Dialect, current.Model);
        if (fingerprint == plan.FromFingerprint) return (plan, ExitCodes.Ok);
        stderr.WriteLine($"schemafirst: refused: {url.Display} has changed since {path} was planned (planned against {plan.FromFingerprint}, now {fingerprint}); nothing was applied.");
        if (plan.FromSchema != null)
        {
            var then = url.Dialect.ParseText(plan.FromSchema, path).Model;
            var since = SchemaDiffer.Compare(then, current.Model, null).Changes;
            if (since.Count > 0) stderr.WriteLine("Changed since: " + string.Join("; ", since.Select(c => c.Describe())));
        }
        stderr.WriteLine("Plan again against the database as it is now.");
        return (null, ExitCodes.Findings);
    }

    /// <summary>The project config with another history table (--history-table, or a tenant schema's own).</summary>
    internal static ProjectConfig WithHistory(ProjectConfig? config, string history) => new()
    {
        Dialect = config?.Dialect,
        Schema = config?.Schema,
        Environments = config?.Environments,
        Drift = config?.Drift,
        Docs = config?.Docs,
        Lint = config?.Lint,
        Types = config?.Types,
        Seed = config?.Seed,
        Compose = config?.Compose,
        Sql = config?.Sql,
        Audit = config?.Audit,
        History = history,
    };

    /// <summary>A hash of the desired source files, paths and texts in path order.</summary>
    internal static string? SourceFingerprint(SchemaSource source) => source.Files == null ? null : SourceFingerprint(source.Files);

    /// <summary>A hash of source files, paths and texts in path order (a text read from its path when not given).</summary>
    internal static string SourceFingerprint(IEnumerable<(string Path, string? Text)> files)
    {
        var sb = new StringBuilder();
        foreach (var (path, text) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sb.Append(path.Replace('\\', '/')).Append('\0').Append(text ?? File.ReadAllText(path)).Append('\0');
        }
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    internal static string ToolVersion() =>
        typeof(ApplyCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>"500ms", "10s", "2min", "1h" or "0".</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        var m = Duration().Match(text.Trim());
        if (!m.Success) return null;
        var n = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var ms = m.Groups[2].Value switch
        {
            "ms" => n,
            "" or "s" => n * 1000,
            "m" or "min" => n * 60_000,
            _ => n * 3_600_000,
        };
        // PostgreSQL takes at most INT_MAX milliseconds (about 24 days).
        return ms <= int.MaxValue ? TimeSpan.FromMilliseconds(ms) : null;
    }

    [GeneratedRegex(@"^(\d{1,9})(ms|s|min|m|h)?$")]
    private static partial Regex Duration();
}

/// <summary>Represents the settings of <c>schemafirst apply</c>: the plan's, and how to apply.</summary>
internal sealed record ApplySettings(PlanSettings Plan, bool AutoApprove, bool DryRun, bool AllowDestructive, string LockTimeout, string StatementTimeout, string? HistoryTable,
    ApplyReport? Report = null);

/// <summary>Represents how one apply ended, for a fleet's result table: filled in as the apply goes.</summary>
internal sealed class ApplyReport
{
    public string? Result { get; set; }

    public int Statements { get; set; }

    public int Done { get; set; }

    public long? HistoryId { get; set; }
}
