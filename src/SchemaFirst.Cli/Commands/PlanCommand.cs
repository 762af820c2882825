using System.CommandLine;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.MySql;
using SchemaFirst.Diff;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Project;
using SchemaFirst.Rendering;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>plan</c>: the migration from a live database (or the embedded default) to the desired source files; and
/// <c>diff</c>: the migration between any two sources (files, git revisions, databases). Exit 0 with no changes, 2 with
/// changes (Terraform's -detailed-exitcode), 1 on errors in a source, 3 on usage errors, 4 when a database cannot be
/// reached.
/// </summary>
internal static class PlanCommand
{
    /// <summary>The database <c>plan</c> uses when neither --db nor --env names one: a SQLite file under .schemafirst/.</summary>
    public const string DefaultDatabase = "sqlite:///.schemafirst/dev.db";

    public static Command CreatePlan(TextWriter stdout, TextWriter stderr)
    {
        var desired = new Argument<string[]>("source") { Description = "The desired schema: SQL files, directories, globs or git:REV:path (default: the schema globs of schemafirst.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var db = new Option<string?>("--db") { Description = $"The database to migrate (postgres://..., sqlite:///...; ${{VAR}} is expanded). Default: {DefaultDatabase}" };
        var env = new Option<string?>("--env") { Description = "Take the database URL from this environment of schemafirst.yaml" };
        var command = new Command("plan", "Plan the migration from a live database to the desired schema files");
        command.Arguments.Add(desired);
        command.Options.Add(db);
        command.Options.Add(env);
        var lint = new Option<bool>("--lint") { Description = "Run the migration-safety lint rules on the plan (findings on stderr and in the JSON plan; exit 1 on one at error level)" };
        command.Options.Add(lint);
        var common = Common(command);
        command.SetAction((r, ct) => RunAsync(new PlanSettings(r.GetValue(desired) ?? [], null, r.GetValue(db), r.GetValue(env), r.GetValue(common.Format)!, r.GetValue(common.Output),
            r.GetValue(common.SourceDialect), null, r.GetValue(common.DevUrl), r.GetValue(common.Offline), r.GetValue(common.Concurrent), r.GetValue(common.Online),
            r.GetValue(common.Schemas) ?? [], r.GetValue(common.Exclude) ?? [], r.GetValue(lint)), stdout, stderr, ct));
        return command;
    }

    public static Command CreateDiff(TextWriter stdout, TextWriter stderr)
    {
        var from = new Argument<string>("from") { Description = "The current schema: a directory, file, glob, git:REV:path or database URL" };
        var to = new Argument<string>("to") { Description = "The desired schema, in any of the same forms" };
        var dialect = new Option<string?>("--dialect", "-d") { Description = "Dialect of the migration SQL (default: the desired side's)" };
        var command = new Command("diff", "The migration between any two schemas: folders, files, git revisions or databases");
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.Options.Add(dialect);
        var common = Common(command);
        command.SetAction((r, ct) => RunAsync(new PlanSettings([r.GetValue(to)!], [r.GetValue(from)!], null, null, r.GetValue(common.Format)!, r.GetValue(common.Output),
            r.GetValue(common.SourceDialect), r.GetValue(dialect), r.GetValue(common.DevUrl), r.GetValue(common.Offline), r.GetValue(common.Concurrent), r.GetValue(common.Online),
            r.GetValue(common.Schemas) ?? [], r.GetValue(common.Exclude) ?? []), stdout, stderr, ct));
        return command;
    }

    internal sealed record CommonOptions(Option<string> Format, Option<string?> Output, Option<string?> SourceDialect, Option<string?> DevUrl, Option<bool> Offline,
        Option<bool> Concurrent, Option<bool> Online, Option<string[]> Schemas, Option<string[]> Exclude);

    /// <summary>The options plan, diff and apply share; apply has no --format and --output.</summary>
    internal static CommonOptions Common(Command command, bool output = true)
    {
        var format = new Option<string>("--format") { Description = "Output: sql (reviewable script), json (for tools), md (a pull-request comment) or flyway (the next V<n>__name.sql in the -o folder)", DefaultValueFactory = _ => "sql" };
        format.AcceptOnlyFromAmong("sql", "json", "md", "flyway");
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the plan to this file instead of standard output" };
        var sourceDialect = new Option<string?>("--source-dialect") { Description = "Dialect of the source files: " + string.Join(" or ", SqlDialects.Sources.Select(d => d.Name)) };
        sourceDialect.AcceptOnlyFromAmong(SqlDialects.Sources.Select(d => d.Name).ToArray());
        var devUrl = new Option<string?>("--dev-url") { Description = "Normalize the source files through a scratch database on this server (default for plan: the target database's server)" };
        var offline = new Option<bool>("--offline") { Description = "Do not normalize through a dev database; compare the files as the offline normalizer reads them" };
        var concurrent = new Option<bool>("--concurrent-indexes") { Description = "Build and drop indexes CONCURRENTLY, outside the transaction (PostgreSQL)" };
        var online = new Option<bool>("--online") { Description = "PostgreSQL: add foreign keys and checks NOT VALID, then VALIDATE them separately; MySQL: ask for ALGORITHM=INPLACE, LOCK=NONE (indexes) and ALGORITHM=INSTANT (a new last column), so the server refuses what would block writes" };
        var schemas = new Option<string[]>("--schema") { Description = "Only these schemas of a database (glob patterns; repeatable)", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude-schema") { Description = "Leave out these schemas of a database (glob patterns; repeatable)", AllowMultipleArgumentsPerToken = true };
        if (output)
        {
            command.Options.Add(format);
            command.Options.Add(outputFile);
        }
        foreach (var o in new Option[] { sourceDialect, devUrl, offline, concurrent, online, schemas, exclude }) command.Options.Add(o);
        return new CommonOptions(format, outputFile, sourceDialect, devUrl, offline, concurrent, online, schemas, exclude);
    }

    public static async Task<int> RunAsync(PlanSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var timings = new PhaseTimer(stderr);
        var (build, code) = await BuildAsync(settings, stderr, timings, ct);
        if (build == null) return code;
        var plan = build.Plan;
        if (settings.Format == "flyway") return await WriteFlywayAsync(build, settings.Output, stdout, stderr, ct);
        var format = settings.Format == "sql" && settings.Output?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? "json" : settings.Format;
        IReadOnlyList<Lint.LintFinding>? lint = null;
        if (settings.Lint)
        {
            var diagnostics = new List<Diagnostic>();
            var profile = new Lint.LintProfile(build.Config?.Lint, diagnostics, ProjectConfig.FileName);
            foreach (var d in diagnostics) await stderr.WriteAsync(DiagnosticTextFormatter.Format(d));
            lint = Lint.Linter.LintPlan(plan.Statements.Select(s => (s.Sql, s.Transactional)), build.From, profile, build.Dialect);
            timings.Lap("lint");
        }
        var text = format switch
        {
            "json" => PlanJsonWriter.Write(plan, lint),
            "md" => PlanMarkdownWriter.Write(plan, lint),
            _ => PlanSqlWriter.Write(plan),
        };
        timings.Lap("render");
        timings.Gc();
        if (settings.Output != null)
        {
            await WriteFileAsync(settings.Output, text, ct);
        }
        else
        {
            await stdout.WriteAsync(text);
        }
        var failing = false;
        if (lint != null)
        {
            var report = new LintWriter.Report(lint, [], "the plan");
            await stderr.WriteAsync(LintWriter.Text(report));
            failing = report.Failing > 0;
        }
        if (plan.IsEmpty)
        {
            if (settings.Output != null || format != "sql") await stderr.WriteLineAsync("schemafirst: no changes");
            return failing ? ExitCodes.Findings : ExitCodes.Ok;
        }
        await stderr.WriteLineAsync("schemafirst: " + Summary(build));
        return failing ? ExitCodes.Findings : ExitCodes.Changes;
    }

    /// <summary>The plan as the next versioned migration files of a Flyway (or DbUp) folder.</summary>
    private static async Task<int> WriteFlywayAsync(PlanBuild build, string? folder, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (folder == null)
        {
            await stderr.WriteLineAsync("schemafirst: --format flyway writes files: name the migrations folder with -o (e.g. -o db/migration)");
            return ExitCodes.Usage;
        }
        if (build.Plan.IsEmpty)
        {
            await stderr.WriteLineAsync("schemafirst: no changes; no migration written");
            return ExitCodes.Ok;
        }
        Directory.CreateDirectory(folder);
        var checksums = Path.Combine(folder, FlywayWriter.ChecksumFile);
        var (files, sums) = FlywayWriter.Write(build.Plan, Directory.EnumerateFiles(folder), File.Exists(checksums) ? await File.ReadAllTextAsync(checksums, ct) : null);
        foreach (var (name, text) in files)
        {
            await WriteFileAsync(Path.Combine(folder, name), text, ct);
            await stdout.WriteLineAsync(Path.Combine(folder, name));
        }
        await WriteFileAsync(checksums, sums, ct);
        await stderr.WriteLineAsync("schemafirst: " + Summary(build) + $"; wrote {PlanSqlWriter.Count(files.Count, "migration")} to {folder}");
        return ExitCodes.Changes;
    }

    /// <summary>"3 changes, 5 statements, 1 destructive (db -> files)".</summary>
    internal static string Summary(PlanBuild build)
    {
        var plan = build.Plan;
        var destructive = plan.Destructive.Count();
        return $"{PlanSqlWriter.Count(plan.Changes.Count, "change")}, {PlanSqlWriter.Count(plan.Statements.Count, "statement")}"
            + (destructive > 0 ? $", {destructive} destructive" : string.Empty) + $" ({build.Current.Display} -> {build.Desired.Display})";
    }

    /// <summary>Writes a file whole or not at all (through a temporary file beside it).</summary>
    internal static async Task WriteFileAsync(string path, string text, CancellationToken ct)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir != null) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        await File.WriteAllBytesAsync(tmp, new UTF8Encoding(false).GetBytes(text), ct);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>The database URL plan, apply and drift use: --db, else --env's from schemafirst.yaml, else the embedded default.</summary>
    internal static (string? Url, int Code) Target(PlanSettings settings, ProjectConfig? config, TextWriter stderr) => Target(settings.Db, settings.Env, config, stderr);

    /// <summary>The database URL of --db, else of --env in schemafirst.yaml, else the embedded default.</summary>
    internal static (string? Url, int Code) Target(string? db, string? env, ProjectConfig? config, TextWriter stderr)
    {
        if (env == null) return (db ?? DefaultDatabase, ExitCodes.Ok);
        if (config?.Environments?.GetValueOrDefault(env)?.Url is { } envUrl) return (envUrl, ExitCodes.Ok);
        stderr.WriteLine($"schemafirst: environment '{env}' has no url in {ProjectConfig.FileName}{(config?.Environments is { Count: > 0 } envs ? " (it has: " + string.Join(", ", envs.Keys.Order(StringComparer.Ordinal)) + ")" : string.Empty)}");
        return (null, ExitCodes.Usage);
    }

    /// <summary>
    /// Reads both sides, brings them into one normal form and plans: what plan, diff and apply share. Null with the exit
    /// code when something was reported instead.
    /// </summary>
    internal static async Task<(PlanBuild? Build, int Code)> BuildAsync(PlanSettings settings, TextWriter stderr, PhaseTimer timings, CancellationToken ct)
    {
        if (Inputs(settings, stderr) is not (var config, var sourceDialect, var desiredInputs)) return (null, ExitCodes.Usage);
        var loader = new SchemaSourceLoader(stderr, new InspectOptions(settings.Schemas, settings.ExcludeSchemas), config);
        SchemaSource? current;
        if (settings.Current != null)
        {
            current = await loader.LoadAsync(settings.Current, sourceDialect, ct);
        }
        else
        {
            var (target, targetCode) = Target(settings, config, stderr);
            if (target == null) return (null, targetCode);
            current = await loader.InspectAsync(target, ct);
            if (current is { Unread: > 0 })
            {
                // What the reader missed would look absent or different: the plan would recreate or alter it.
                stderr.WriteLine($"schemafirst: {current.Display} was read only in part ({current.Unread} statement{(current.Unread == 1 ? string.Empty : "s")} it could not read, listed above); a plan from it could recreate or alter what was missed, so nothing was planned. Exclude that schema (--exclude-schema), or report the statement so the reader learns it.");
                return (null, ExitCodes.Findings);
            }
        }
        if (current == null) return (null, loader.ExitCode);
        timings.Lap("read the current schema");
        var desired = await loader.LoadAsync(desiredInputs, sourceDialect, ct, settings.TenantSchema);
        if (desired == null) return (null, loader.ExitCode);
        timings.Lap("read the desired schema");
        var dialect = settings.Dialect != null ? SqlDialects.FindSource(settings.Dialect) : current.Url != null ? current.Dialect : desired.Dialect;
        if (dialect == null)
        {
            stderr.WriteLine($"schemafirst: dialect '{settings.Dialect}' is not supported yet; supported: {SqlDialects.SourceNames}");
            return (null, ExitCodes.Usage);
        }
        if (dialect is not IMigrationDialect)
        {
            stderr.WriteLine($"schemafirst: SchemaFirst does not plan migrations for {dialect.DisplayName} yet; supported: {string.Join(", ", SqlDialects.Sources.Where(d => d is IMigrationDialect).Select(d => d.Name))}");
            return (null, ExitCodes.Usage);
        }
        var subsetState = new DevSubsetState();
        var live = current.Url != null && current.Dialect == dialect ? current.Model : null;
        var (to, toMap, toCode, devUsed, printed) = await AlignAsync(desired, dialect, current.Url, settings, stderr, ct, live, subsetState, timings);
        if (to == null) return (null, toCode);
        to = loader.Filter(to, dialect);
        var from = current.Model;
        if (current.Dialect != dialect)
        {
            (from, _, var fromCode, _, _) = await AlignAsync(current, dialect, null, settings with { Offline = true }, stderr, ct);
            if (from == null) return (null, fromCode);
        }
        else if (current.Url == null && current.Files != null)
        {
            (from, _, var fromCode, _, _) = await AlignAsync(current, dialect, null, settings, stderr, ct);
            if (from == null) return (null, fromCode);
        }
        from = loader.Filter(from, dialect);
        if (toMap is { Skipped.Count: > 0 } skippedIn)
        {
            // A relation the source marks schemafirst:skip is someone else's: neither dropped by a plan nor drift.
            var skipped = skippedIn.Skipped.Select(n => n.Schema + "." + n.Name).ToList();
            from = ModelFilter.Ignoring(from, skipped);
            to = ModelFilter.Ignoring(to, skipped);
        }
        if (dialect is MySqlDialect && devUsed == null && !printed)
        {
            // No server printed the desired side: both sides take MySQL's offline normal form, with the target's defaults.
            var defaults = MySqlDefaults.Offline;
            if (current.Url is { IsFile: false } url && url.Dialect == dialect)
            {
                await using var connection = Drivers.Connect(url);
                await connection.OpenAsync(ct);
                defaults = await MySqlDefaults.ReadAsync(connection, ct);
            }
            from = MySqlCanonicalForm.Apply(from, defaults);
            to = MySqlCanonicalForm.Apply(to, defaults);
        }
        timings.Lap("normal form (dev database or conversion)");
        var options = new PlanOptions(settings.ConcurrentIndexes, settings.Online);
        MigrationPlan plan;
        try
        {
            plan = MigrationPlanner.Plan(from, to, toMap, dialect, options);
        }
        catch (NotSupportedException e)
        {
            // A change the engine cannot make (SQL Server adding IDENTITY to a column in place): said, nothing planned.
            stderr.WriteLine($"schemafirst: {e.Message}; nothing was planned");
            return (null, ExitCodes.Findings);
        }
        timings.Lap($"diff and plan ({plan.Changes.Count} changes)");
        Database? reprinted = null;
        if (devUsed != null && dialect is IDevDatabase dev && MayBeReprinted(plan.Changes))
        {
            // A changed expression may only be the server printing its own output differently: ask it, and plan again.
            if (await ReprintAsync(dev, devUsed, to, subsetState, Reprintable(plan.Changes), ct) is { } again)
            {
                reprinted = again;
                plan = MigrationPlanner.Plan(from, to, toMap, dialect, options, reprinted, (plan.FromFingerprint, plan.ToFingerprint)) with { FromSchema = plan.FromSchema };
            }
            timings.Lap("reprinted form");
        }
        var lines = new LineCache();
        foreach (var d in plan.Diagnostics) stderr.Write(DiagnosticTextFormatter.Format(d, lines.Read));
        return (new PlanBuild(plan, current, desired, dialect, from, to, toMap, reprinted, config, devUsed, subsetState), ExitCodes.Ok);
    }

    /// <summary>
    /// The project config (with --history-table's table), the source dialect and the desired inputs (the arguments, else
    /// schema: of schemafirst.yaml); null when one of them was reported as a usage error.
    /// </summary>
    internal static (ProjectConfig? Config, ISqlDialect SourceDialect, IReadOnlyList<string> Desired)? Inputs(PlanSettings settings, TextWriter stderr)
    {
        var (config, configError) = ProjectConfig.Load(Environment.CurrentDirectory);
        if (configError != null)
        {
            stderr.Write(DiagnosticTextFormatter.Format(configError));
            return null;
        }
        if (settings.HistoryTable != null) config = ApplyCommand.WithHistory(config, settings.HistoryTable);
        if (SourceDialectOption.Resolve(settings.SourceDialect, config, stderr) is not { } sourceDialect) return null;
        var desired = settings.Desired.Count > 0 ? settings.Desired : config?.Schema ?? [];
        if (desired.Count == 0)
        {
            stderr.WriteLine("schemafirst: name the desired schema files (e.g. schema/), or list them under 'schema:' in schemafirst.yaml");
            return null;
        }
        return (config, sourceDialect, desired);
    }

    /// <summary>
    /// The directives of a source kept with the same objects in its form for another dialect (SQLite puts every table
    /// in "main"), so that renamed-from still renames there.
    /// </summary>
    private static SourceMap? Remap(SourceMap? map, Database converted)
    {
        if (map == null) return null;
        var byName = converted.Tables.GroupBy(t => t.Name.Name, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Name, StringComparer.Ordinal);
        var schema = converted.Tables.FirstOrDefault()?.Name.Schema;
        var remapped = map.Rekey(key => byName.TryGetValue(key.Name.Name, out var name) ? key with { Name = name }
            : schema != null && key.Kind is not (SourceKind.Table or SourceKind.Column or SourceKind.Constraint) ? key with { Name = new QualifiedName(schema, key.Name.Name) } : null);
        remapped.Skipped.AddRange(map.Skipped.Select(n => new QualifiedName(schema ?? n.Schema, n.Name)));
        return remapped;
    }

    /// <summary>
    /// Whether a plan re-makes an object whose text the server may print differently once it reads its own output again
    /// (a check, index, view, policy, trigger, rule or type dropped and added under the same name, or a changed default).
    /// </summary>
    /// <summary>
    /// The desired schema as the server reads its own printed form again, or null when that changes nothing: of the
    /// part that went to the dev database when only a part did, else of the whole.
    /// </summary>
    internal static async Task<Database?> ReprintAsync(IDevDatabase dev, DatabaseUrl devUrl, Database to, DevSubsetState state, IReadOnlyList<SchemaChange> reprintable, CancellationToken ct)
    {
        if (state.Subset != null)
        {
            // Against a live database: only the objects the plan would re-make, with what they need, are printed again.
            var part = DevSubset.ForChanges(to, reprintable);
            if (part.SeedCount == 0) return null;
            var again = await dev.ReprintAsync(devUrl, u => Drivers.Connect(u, writable: true), part.Model, ct);
            return again != null ? part.Splice(to, again) : null;
        }
        return await dev.ReprintAsync(devUrl, u => Drivers.Connect(u, writable: true), to, ct);
    }

    internal static bool MayBeReprinted(IReadOnlyList<SchemaChange> changes) => Reprintable(changes).Count > 0;

    /// <summary>
    /// The changes that may be only the server printing its own output differently: an object dropped and added under
    /// the same name (the added side), and a changed default or generation expression.
    /// </summary>
    internal static List<SchemaChange> Reprintable(IReadOnlyList<SchemaChange> changes)
    {
        static object? Key(SchemaChange c) => SchemaFirst.Drift.DriftAnalyzer.ObjectKey(c);
        var dropped = changes.Where(c => c.Verb == "drop").Select(Key).Where(k => k != null).ToHashSet();
        return changes.Where(c => (c.Verb == "add" && Key(c) is { } k && dropped.Contains(k))
            || c is ModifyColumn m && (m.Changes & (ColumnChange.Default | ColumnChange.Generated)) != 0).ToList();
    }

    /// <summary>
    /// Brings a source into the normal form of the dialect the plan is written in: through a dev database on the
    /// target's server when the source is that dialect's files (unless --offline), or through the dialect's own DDL
    /// when it is another dialect's.
    /// </summary>
    private static async Task<(Database? Model, SourceMap? Map, int Code, DatabaseUrl? DevUrl, bool ServerPrinted)> AlignAsync(SchemaSource source, ISqlDialect dialect, DatabaseUrl? target, PlanSettings settings,
        TextWriter stderr, CancellationToken ct, Database? live = null, DevSubsetState? subsetState = null, PhaseTimer? timings = null)
    {
        if (source.Dialect != dialect)
        {
            var generated = dialect.Generate(source.Model, new SqlGenerationOptions());
            if (generated.HasErrors)
            {
                foreach (var n in generated.Notes.Where(n => n.Severity == Severity.Error)) stderr.Write(DiagnosticTextFormatter.Format(n));
                stderr.WriteLine($"schemafirst: {source.Display} cannot be expressed in {dialect.DisplayName} as it is; nothing was planned");
                return (null, null, ExitCodes.Findings, null, false);
            }
            var left = generated.Notes.Count(n => n.Severity == Severity.Warning);
            if (left > 0)
            {
                stderr.WriteLine($"schemafirst: note: {left} thing(s) of {source.Display} {dialect.DisplayName} cannot hold are left out of the plan, as generate sql leaves them out ('schemafirst generate sql --dialect {dialect.Name}' names each)");
            }
            var again = dialect.ParseText(generated.Text, source.Display);
            if (again.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } unread)
            {
                // Never plan from a model that lost objects on the way: the written DDL must read back whole.
                stderr.WriteLine($"schemafirst: internal error: the {dialect.DisplayName} DDL written for {source.Display} does not read back ({unread.Code}: {unread.Message}); nothing was planned");
                stderr.WriteLine($"This is a bug in SchemaFirst; please report it with the source ('schemafirst generate sql --dialect {dialect.Name}' shows the DDL).");
                return (null, null, ExitCodes.Runtime, null, false);
            }
            if (dialect is MySqlDialect mysql && !settings.Offline && target is { IsFile: false } && target.Dialect == dialect)
            {
                // MySQL has no offline normal form yet: the converted DDL goes through a scratch database on the target's
                // server, so a plan compares two models the server printed and an applied plan plans nothing again.
                var normalized = await mysql.NormalizeAsync(target, u => Drivers.Connect(u, writable: true), [(source.Display, generated.Text)], again.Model, ct);
                if (normalized.Refused != null)
                {
                    stderr.Write(DiagnosticTextFormatter.Format(normalized.Refused));
                    stderr.WriteLine($"schemafirst: {dialect.DisplayName} refused the DDL written for {source.Display} ('schemafirst generate sql --dialect {dialect.Name}' shows it); nothing was planned");
                    return (null, null, ExitCodes.Findings, null, false);
                }
                if (normalized.Model != null) return (normalized.Model, Remap(source.Map, normalized.Model), ExitCodes.Ok, null, true);
                stderr.WriteLine($"schemafirst: warning: {normalized.Failure}; comparing with the offline form instead");
            }
            return (again.Model, Remap(source.Map, again.Model), ExitCodes.Ok, null, false);
        }
        if (source.Files == null || settings.Offline || dialect is not IDevDatabase dev) return (source.Model, source.Map, ExitCodes.Ok, null, false);
        DatabaseUrl? devUrl = null;
        if (settings.DevUrl != null)
        {
            if (!DatabaseUrl.TryParse(settings.DevUrl, out devUrl, out var error) || devUrl!.Dialect != dialect)
            {
                stderr.WriteLine($"schemafirst: --dev-url takes a {dialect.UrlSchemes[0]}:// URL{(error != null ? " (" + error + ")" : string.Empty)}");
                return (null, null, ExitCodes.Usage, null, false);
            }
        }
        else if (target != null && target.Dialect == dialect && !target.IsFile)
        {
            devUrl = target;
        }
        if (devUrl == null) return (source.Model, source.Map, ExitCodes.Ok, null, false);
        if (settings is { DevCache: { } cache, TenantSchema: { } tenant } && await cache.TenantModelAsync(dev, dialect, devUrl, source.Files, tenant) is { } tenantModel)
        {
            // A fleet of tenant schemas: the server's normal form of the files is made once and named for each tenant.
            return (tenantModel, source.Map, ExitCodes.Ok, devUrl, false);
        }
        if (live != null && subsetState != null && DevSubset.Select(live, source.Model, source.Map) is { } subset)
        {
            // Against a live database of the same engine, only what reads differently from it offline needs the server's form.
            timings?.Note($"dev database subset: {subset.SeedCount} objects differ offline; {subset.Model.Tables.Count} of {source.Model.Tables.Count} tables and {subset.Model.Views.Count} of {source.Model.Views.Count} views go to the scratch database");
            if (subset.SeedCount == 0)
            {
                subsetState.Subset = subset;
                return (source.Model, source.Map, ExitCodes.Ok, devUrl, false);
            }
            if (await (settings.DevCache != null ? settings.DevCache.NormalizeModelAsync(dev, dialect, devUrl, subset.Model) : dev.NormalizeModelAsync(devUrl, u => Drivers.Connect(u, writable: true), subset.Model, ct)) is { } normalizedSubset)
            {
                subsetState.Subset = subset;
                subsetState.Normalized = normalizedSubset;
                return (subset.Splice(source.Model, normalizedSubset), source.Map, ExitCodes.Ok, devUrl, false);
            }
            // The server refused the subset as written (or cannot make a scratch database): the whole source goes, and
            // says exactly where it fails.
            timings?.Note("the dev database refused the subset; sending every file");
        }
        var outcome = await dev.NormalizeAsync(devUrl, u => Drivers.Connect(u, writable: true), source.Files, source.Model, ct);
        if (outcome.Refused != null)
        {
            stderr.Write(DiagnosticTextFormatter.Format(outcome.Refused, new LineCache().Read));
            stderr.WriteLine("schemafirst: the dev database refused the source; nothing was planned");
            return (null, null, ExitCodes.Findings, null, false);
        }
        if (outcome.Failure != null)
        {
            if (settings.DevUrl != null)
            {
                stderr.WriteLine("schemafirst: " + outcome.Failure);
                return (null, null, ExitCodes.Runtime, null, false);
            }
            // The target's own server could not make a scratch database: plan from the offline normal form, and say so.
            stderr.WriteLine($"schemafirst: warning: {outcome.Failure}; comparing with the offline normal form instead (pass --dev-url to name a server where the role may create databases, or --offline to silence this)");
            return (source.Model, source.Map, ExitCodes.Ok, null, false);
        }
        return (outcome.Model, source.Map, ExitCodes.Ok, devUrl, false);
    }
}

/// <summary>
/// Represents a plan with what it was made from: both sources, the dialect, both models in that dialect's normal form
/// (and the desired one as the server reprints it, when asked), and the project config.
/// </summary>
internal sealed record PlanBuild(MigrationPlan Plan, SchemaSource Current, SchemaSource Desired, ISqlDialect Dialect, Database From, Database To, SourceMap? ToMap,
    Database? ToReprinted, ProjectConfig? Config, DatabaseUrl? DevUrl, DevSubsetState Subset);

/// <summary>Represents which part of the desired schema went to the dev database, and how it came back.</summary>
internal sealed class DevSubsetState
{
    public DevSubset? Subset { get; set; }

    public Database? Normalized { get; set; }
}
