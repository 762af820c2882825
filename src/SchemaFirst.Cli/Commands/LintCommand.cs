using System.CommandLine;
using System.Text.RegularExpressions;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Lint;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Project;
using SchemaFirst.Rendering;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>lint</c>: convention rules over the schema files (or a live database), safety rules over migration files; a
/// baseline for legacy findings, <c>--new-since</c> for strict-on-new, <c>--explain</c> for each rule. Exit 0 when no
/// finding at error level remains, 1 when one does, 3 on usage errors, 4 when a database cannot be read.
/// </summary>
internal static partial class LintCommand
{
    public const string DefaultBaseline = ".schemafirst/lint-baseline.json";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var sources = new Argument<string[]>("source") { Description = "Schema files, directories or globs (default: the schema globs of schemafirst.yaml); migration files (V1__x.sql, *.up.sql, under migrations/) get the migration-safety rules", Arity = ArgumentArity.ZeroOrMore };
        var db = new Option<string?>("--db") { Description = "Lint a live database instead of files (postgres://..., sqlite:///...; ${VAR} is expanded)" };
        var env = new Option<string?>("--env") { Description = "Lint the database of this environment of schemafirst.yaml" };
        var format = new Option<string>("--format") { Description = "Output: text, json, sarif (code scanning) or github (workflow annotations)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. LintWriter.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var baseline = new Option<string?>("--baseline") { Description = $"Accepted findings of legacy schema (default: lint.baseline of schemafirst.yaml, else {DefaultBaseline} when it exists)" };
        var update = new Option<bool>("--update-baseline") { Description = "Write every current finding to the baseline file and exit 0" };
        var newSince = new Option<string?>("--new-since") { Description = "Strict for objects new or changed since this git revision (git:REV or REV): their warnings fail; findings on the rest are reported, not failing" };
        var migrations = new Option<bool>("--migrations") { Description = "Treat the sources as migration files (safety rules), whatever their names" };
        var against = new Option<string[]>("--against") { Description = "The schema the migrations apply to (files or a database URL), so rules know existing tables and column types", AllowMultipleArgumentsPerToken = true };
        var inTx = new Option<bool>("--assume-in-transaction") { Description = "The migration runner wraps each file in a transaction (Flyway and most runners do for PostgreSQL)" };
        var explain = new Option<string?>("--explain") { Description = "Explain a rule (code or name): why it exists, an example, how to fix; without a value, list every rule", Arity = ArgumentArity.ZeroOrOne };
        var sourceDialect = new Option<string?>("--source-dialect") { Description = "Dialect of the source files: " + string.Join(", ", SqlDialects.Sources.Select(d => d.Name)) };
        sourceDialect.AcceptOnlyFromAmong(SqlDialects.Sources.Select(d => d.Name).ToArray());
        var schemas = new Option<string[]>("--schema") { Description = "Only these schemas of a database (glob patterns; repeatable)", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude-schema") { Description = "Leave out these schemas of a database (glob patterns; repeatable)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("lint", "Check schema conventions and migration safety (exit 1 on findings at error level)");
        command.Arguments.Add(sources);
        foreach (var o in new Option[] { db, env, format, output, baseline, update, newSince, migrations, against, inTx, explain, sourceDialect, schemas, exclude }) command.Options.Add(o);
        command.SetAction((r, ct) => RunAsync(new LintSettings(r.GetValue(sources) ?? [], r.GetValue(db), r.GetValue(env), r.GetValue(format)!, r.GetValue(output), r.GetValue(baseline),
            r.GetValue(update), r.GetValue(newSince), r.GetValue(migrations), r.GetValue(against) ?? [], r.GetValue(inTx), r.GetValue(explain), r.GetResult(explain) != null,
            r.GetValue(sourceDialect), r.GetValue(schemas) ?? [], r.GetValue(exclude) ?? []), stdout, stderr, ct));
        return command;
    }

    /// <summary>Whether a path names a migration file by the conventions of Flyway, golang-migrate, dbmate and friends.</summary>
    internal static bool IsMigrationFile(string path)
    {
        var name = Path.GetFileName(path);
        if (MigrationName().IsMatch(name) || name.EndsWith(".up.sql", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".down.sql", StringComparison.OrdinalIgnoreCase)) return true;
        // Folders as the user named them (relative to where lint runs), so a checkout that happens to sit under a folder
        // called migrations does not turn every file into one.
        var shown = Path.IsPathRooted(path) ? Path.GetRelativePath(Environment.CurrentDirectory, path) : path;
        var parts = shown.Replace('\\', '/').Split('/');
        return parts.SkipLast(1).Any(p => p.Equals("migrations", StringComparison.OrdinalIgnoreCase) || p.Equals("migration", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^[VUR]\d*(?:[._]\d+)*__.+\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MigrationName();

    public static async Task<int> RunAsync(LintSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var (config, configError) = ProjectConfig.Load(Environment.CurrentDirectory);
        if (configError != null)
        {
            stderr.Write(DiagnosticTextFormatter.Format(configError));
            return ExitCodes.Usage;
        }
        var configDiagnostics = new List<Diagnostic>();
        var profile = new LintProfile(config?.Lint, configDiagnostics, ProjectConfig.FileName);
        foreach (var d in configDiagnostics) await stderr.WriteAsync(DiagnosticTextFormatter.Format(d));
        if (settings.ExplainAll) return await ExplainAsync(settings.Explain, profile, stdout, stderr);
        if (SourceDialectOption.Resolve(settings.SourceDialect, config, stderr) is not { } sourceDialect) return ExitCodes.Usage;
        var timings = new PhaseTimer(stderr);
        var loader = new SchemaSourceLoader(stderr, new InspectOptions(settings.Schemas, settings.ExcludeSchemas), config);
        string target;
        IReadOnlyList<LintFinding> findings;
        if (settings.Db != null || settings.Env != null)
        {
            if (settings.Sources.Count > 0)
            {
                await stderr.WriteLineAsync("schemafirst: lint reads either files or a database (--db/--env), not both");
                return ExitCodes.Usage;
            }
            var (url, code) = PlanCommand.Target(settings.Db, settings.Env, config, stderr);
            if (url == null) return code;
            var live = await loader.InspectAsync(url, ct);
            if (live == null) return loader.ExitCode;
            target = live.Display;
            findings = Linter.LintSchema(new SchemaLintContext(live.Model, null), profile);
        }
        else
        {
            var inputs = settings.Sources.Count > 0 ? settings.Sources : config?.Schema ?? [];
            if (inputs.Count == 0)
            {
                await stderr.WriteLineAsync("schemafirst: name the schema files to lint (e.g. schema/), list them under 'schema:' in schemafirst.yaml, or give --db");
                return ExitCodes.Usage;
            }
            target = string.Join(" ", inputs);
            var diagnostics = new List<Diagnostic>();
            var paths = inputs.Any(GitFiles.IsGitSpec) ? [] : SourceFiles.Expand(inputs, diagnostics);
            if (diagnostics.Any(d => d.Severity == Severity.Error))
            {
                foreach (var d in diagnostics) await stderr.WriteAsync(DiagnosticTextFormatter.Format(d));
                return ExitCodes.Usage;
            }
            // Migration files (by name or folder, or all with --migrations) get the safety rules; the rest is the schema.
            var migrationPaths = settings.Migrations ? paths : paths.Where(IsMigrationFile).ToList();
            var schemaPaths = paths.Except(migrationPaths).ToList();
            var all = new List<LintFinding>();
            if (schemaPaths.Count > 0 || paths.Count == 0)
            {
                var schemaInputs = migrationPaths.Count == 0 ? inputs : schemaPaths;
                // The declarative-file rules read the statements themselves: on the other core, while the parser runs.
                var reading = Task.Run(() => ReadStatements(schemaPaths.Select(p => (p, (string?)null)).ToList(), sourceDialect.DefaultSchema), ct);
                var source = await loader.LoadAsync(schemaInputs, sourceDialect, ct);
                if (source == null) return loader.ExitCode;
                timings.Lap("load and validate");
                var statements = schemaPaths.Count > 0 ? await reading : ReadStatements(source.Files ?? [], sourceDialect.DefaultSchema);
                timings.Lap("the statements, read alongside");
                var schemaFindings = Linter.LintSchema(new SchemaLintContext(source.Model, source.Map, statements), profile);
                timings.Lap("lint");
                if (settings.NewSince != null)
                {
                    var scope = NewSince(settings.NewSince, schemaInputs, sourceDialect, stderr);
                    if (scope == null) return ExitCodes.Usage;
                    schemaFindings = scope.Apply(schemaFindings, source.Model, statements);
                }
                all.AddRange(schemaFindings);
            }
            if (migrationPaths.Count > 0)
            {
                if (settings.NewSince != null) await stderr.WriteLineAsync("schemafirst: note: --new-since applies to schema files; migration files are linted whole");
                var result = await LintMigrationsAsync(migrationPaths, settings, profile, loader, sourceDialect, stderr, ct);
                if (result == null) return loader.ExitCode == 0 ? ExitCodes.Usage : loader.ExitCode;
                all.AddRange(result);
            }
            findings = all;
        }
        var exit = await ReportAsync(findings, target, settings, config, stdout, stderr, ct);
        timings.Lap("report");
        timings.Gc();
        return exit;
    }

    private static List<ScriptStatement> ReadStatements(IReadOnlyList<(string Path, string? Text)> files, string defaultSchema)
    {
        var statements = new List<ScriptStatement>();
        var ignored = new List<Diagnostic>();
        foreach (var (path, text) in files)
        {
            var sql = text ?? (File.Exists(path) ? File.ReadAllText(path) : null);
            if (sql != null) statements.AddRange(MigrationScript.Read(sql, path, false, ignored, defaultSchema));
        }
        return statements;
    }

    /// <summary>The migration files in version order, each linted on its own against the --against schema (when given).</summary>
    private static async Task<IReadOnlyList<LintFinding>?> LintMigrationsAsync(List<string> paths, LintSettings settings, LintProfile profile, SchemaSourceLoader loader, ISqlDialect dialect, TextWriter stderr, CancellationToken ct)
    {
        Database? before = null;
        if (settings.Against.Count > 0)
        {
            var against = await loader.LoadAsync(settings.Against, dialect, ct);
            if (against == null) return null;
            before = against.Model;
        }
        var findings = new List<LintFinding>();
        foreach (var path in paths.OrderBy(p => Path.GetFileName(p), MigrationOrder.Instance))
        {
            var diagnostics = new List<Diagnostic>();
            var statements = MigrationScript.Read(await File.ReadAllTextAsync(path, ct), path, settings.AssumeInTransaction, diagnostics, dialect.DefaultSchema);
            foreach (var d in diagnostics.Where(d => d.Severity != Severity.Info)) await stderr.WriteAsync(DiagnosticTextFormatter.Format(d));
            findings.AddRange(Linter.LintMigration(new MigrationLintContext(statements, before, dialect: dialect.Name), profile));
        }
        return findings;
    }

    /// <summary>The scope of <c>--new-since</c>: the same inputs as the revision had them.</summary>
    private static ChangeScope? NewSince(string since, IReadOnlyList<string> inputs, ISqlDialect dialect, TextWriter stderr)
    {
        var rev = since.StartsWith("git:", StringComparison.Ordinal) ? since[4..].TrimEnd(':') : since;
        var files = new List<(string Path, string Text)>();
        foreach (var input in inputs)
        {
            var path = (Path.IsPathRooted(input) ? Path.GetRelativePath(Environment.CurrentDirectory, input) : input).Replace('\\', '/');
            // As git reads REV:path relative to the current folder: ./path, or ../path as it is.
            var (read, error) = GitFiles.Read($"git:{rev}:{(path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal) ? path : "./" + path)}");
            if (error != null && (error.Contains("not inside a git repository", StringComparison.Ordinal) || error.Contains("expected git:", StringComparison.Ordinal)
                || error.Contains("invalid object name", StringComparison.OrdinalIgnoreCase) || error.Contains("not a valid object", StringComparison.OrdinalIgnoreCase) || error.Contains("bad revision", StringComparison.OrdinalIgnoreCase)))
            {
                stderr.WriteLine($"schemafirst: --new-since {since}: {error}");
                return null;
            }
            files.AddRange(read);
        }
        var old = dialect.ParseTexts(files);
        var statements = new List<string>();
        var ignored = new List<Diagnostic>();
        foreach (var (path, text) in files) statements.AddRange(MigrationScript.Read(text, path, false, ignored).Select(s => s.Sql));
        return new ChangeScope(old.Model, statements);
    }

    private static async Task<int> ReportAsync(IReadOnlyList<LintFinding> findings, string target, LintSettings settings, ProjectConfig? config, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var baselinePath = settings.Baseline ?? config?.Lint?.Baseline ?? DefaultBaseline;
        if (settings.UpdateBaseline)
        {
            await PlanCommand.WriteFileAsync(baselinePath, LintBaseline.Of(findings).Write(), ct);
            await stderr.WriteLineAsync($"schemafirst: wrote {PlanSqlWriter.Count(findings.Count, "finding")} to {baselinePath}");
            return ExitCodes.Ok;
        }
        IReadOnlyList<LintBaseline.Entry> stale = [];
        if (File.Exists(baselinePath))
        {
            var (baseline, error) = LintBaseline.Read(await File.ReadAllTextAsync(baselinePath, ct));
            if (baseline == null)
            {
                await stderr.WriteLineAsync($"schemafirst: {baselinePath}: {error}");
                return ExitCodes.Usage;
            }
            (var marked, var staleEntries) = baseline.Apply(findings);
            findings = marked;
            stale = staleEntries;
        }
        else if (settings.Baseline != null)
        {
            await stderr.WriteLineAsync($"schemafirst: baseline {settings.Baseline} does not exist; create it with --update-baseline");
            return ExitCodes.Usage;
        }
        var report = new LintWriter.Report(findings, stale, target);
        var text = LintWriter.Write(report, settings.Format, ApplyCommand.ToolVersion());
        if (settings.Output != null)
        {
            await PlanCommand.WriteFileAsync(settings.Output, text, ct);
            await stderr.WriteLineAsync("schemafirst: " + LintWriter.Summary(report));
        }
        else
        {
            await stdout.WriteAsync(text);
        }
        return report.Failing > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static async Task<int> ExplainAsync(string? code, LintProfile profile, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrEmpty(code))
        {
            foreach (var group in LintRules.All.GroupBy(r => r.Family))
            {
                await stdout.WriteLineAsync(char.ToUpperInvariant(group.Key[0]) + group.Key[1..]);
                foreach (var r in group)
                {
                    var s = profile.For(r);
                    var state = !profile.Runs(r) ? "off" : s.Severity.ToString().ToLowerInvariant();
                    await stdout.WriteLineAsync($"  {r.Code}  {r.Name,-32} {state,-8} {r.Summary}");
                }
            }
            await stdout.WriteLineAsync("\nschemafirst lint --explain CODE explains one rule.");
            return ExitCodes.Ok;
        }
        if (LintRules.Find(code) is not { } rule)
        {
            await stderr.WriteLineAsync($"schemafirst: no rule '{code}'; 'schemafirst lint --explain' lists them");
            return ExitCodes.Usage;
        }
        await stdout.WriteAsync(LintWriter.Explain(rule, profile.For(rule)));
        return ExitCodes.Ok;
    }
}

/// <summary>
/// Orders migration file names by their version numbers (V2 before V10), then by name.
/// </summary>
internal sealed class MigrationOrder : IComparer<string>
{
    public static readonly MigrationOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Version(x ?? string.Empty);
        var b = Version(y ?? string.Empty);
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var c = (i < a.Count ? a[i] : -1).CompareTo(i < b.Count ? b[i] : -1);
            if (c != 0) return c;
        }
        return string.CompareOrdinal(x, y);
    }

    private static List<long> Version(string name)
    {
        var digits = new List<long>();
        var m = Regex.Match(name, @"^[VvUu]?(\d+(?:[._]\d+)*)");
        if (!m.Success) return digits;
        foreach (var part in m.Groups[1].Value.Split('.', '_')) digits.Add(long.TryParse(part, out var n) ? n : 0);
        return digits;
    }
}
