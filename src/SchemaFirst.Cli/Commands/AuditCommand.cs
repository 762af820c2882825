using System.CommandLine;
using SchemaFirst.Audit;
using SchemaFirst.Audit.Extraction;
using SchemaFirst.Cli.Artifacts;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Loading;
using SchemaFirst.Planning;
using SchemaFirst.Project;
using SchemaFirst.Rendering;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>audit</c>: the SQL in application code checked against the schema (files, a git revision or a live database), or
/// against the schema a saved plan would leave (<c>--against-plan</c>: the call sites the migration would break).
/// Exit 0 when no finding is at error level, 1 when one is, 3 on usage errors, 4 when a database cannot be read.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Application source: files, directories or globs (default: audit.paths of schemafirst.yaml). Reads .cs, .java, .kt, .go, .js/.ts, .py, .rb, .php and .sql", Arity = ArgumentArity.ZeroOrMore };
        var schema = new Option<string[]>("--schema") { Description = "The schema: files, directories, globs, git:REV:path or a database URL (default: the schema globs of schemafirst.yaml)", AllowMultipleArgumentsPerToken = true };
        var db = new Option<string?>("--db") { Description = "Audit against a live database (postgres://..., sqlite:///...; ${VAR} is expanded)" };
        var env = new Option<string?>("--env") { Description = "Audit against the database of this environment of schemafirst.yaml" };
        var plan = new Option<string?>("--against-plan") { Description = "A plan saved with 'plan -o plan.json': list the call sites its migration would break" };
        var format = new Option<string>("--format") { Description = "Output: text, json, sarif (code scanning) or github (workflow annotations)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. AuditWriter.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var searchPath = new Option<string[]>("--search-path") { Description = "Schemas unqualified table names are looked up in, in order (default: audit.search_path, else the dialect's default schema)", AllowMultipleArgumentsPerToken = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list the statements assembled at run time that could not be read as written (text output)" };
        var sourceDialect = new Option<string?>("--source-dialect") { Description = "Dialect of the schema files (and of the application's SQL): " + string.Join(", ", SqlDialects.Sources.Select(d => d.Name)) };
        sourceDialect.AcceptOnlyFromAmong(SqlDialects.Sources.Select(d => d.Name).ToArray());
        var command = new Command("audit", "Check the SQL in application code against the schema: unknown tables and columns, broken INSERTs, TRUNCATEs of referenced tables (exit 1 on errors)");
        command.Arguments.Add(paths);
        foreach (var o in new Option[] { schema, db, env, plan, format, output, searchPath, verbose, sourceDialect }) command.Options.Add(o);
        command.SetAction((r, ct) => RunAsync(r.GetValue(paths) ?? [], r.GetValue(schema) ?? [], r.GetValue(db), r.GetValue(env), r.GetValue(plan), r.GetValue(format)!,
            r.GetValue(output), r.GetValue(searchPath) ?? [], r.GetValue(verbose), r.GetValue(sourceDialect), stdout, stderr, ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] pathArgs, string[] schemaArgs, string? db, string? env, string? planPath, string format, string? output,
        string[] searchPathArgs, bool verbose, string? sourceDialect, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (config, code) = ProjectSource.Config(stderr);
        if (code != ExitCodes.Ok) return code;
        var inputs = pathArgs.Length > 0 ? pathArgs : config?.Audit?.Paths?.ToArray() ?? [];
        if (inputs.Length == 0)
        {
            await stderr.WriteLineAsync("schemafirst: name the application source to audit (e.g. src/), or list it under audit: paths: in schemafirst.yaml");
            return ExitCodes.Usage;
        }
        var diagnostics = new List<Diagnostic>();
        var files = SourceFiles.Expand(inputs, diagnostics, f => SqlExtractor.LanguageOf(f) != null, "application source");
        if (config?.Audit?.Ignore is { Count: > 0 } ignore) files = files.Where(f => !ignore.Any(g => SourceFiles.Matches(g, f))).ToList();
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            foreach (var d in diagnostics) await stderr.WriteAsync(DiagnosticTextFormatter.Format(d));
            return ExitCodes.Usage;
        }
        // The schema: a database (--db/--env), else the named or configured schema sources.
        SchemaSource? source;
        if (db != null || env != null)
        {
            if (schemaArgs.Length > 0)
            {
                await stderr.WriteLineAsync("schemafirst: audit checks against either --schema or a database (--db/--env), not both");
                return ExitCodes.Usage;
            }
            var (url, urlCode) = PlanCommand.Target(db, env, config, stderr);
            if (url == null) return urlCode;
            var loader = new SchemaSourceLoader(stderr, new InspectOptions([], []), config);
            source = await loader.InspectAsync(url, ct);
            if (source == null) return loader.ExitCode;
        }
        else
        {
            (source, code) = await ProjectSource.LoadAsync(schemaArgs, sourceDialect, config, stderr, ct);
            if (source == null) return code;
        }
        var texts = new List<(string, string)>(files.Count);
        var unreadable = new List<AuditFinding>();
        foreach (var f in files)
        {
            try
            {
                texts.Add((f, await File.ReadAllTextAsync(f, ct)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A dangling symlink (config.php -> /etc/...) or a file without read permission: said, not fatal.
                unreadable.Add(new AuditFinding(AuditCodes.Unreadable, Severity.Warning, $"the file could not be read ({e.Message}); it was not checked", new SourceSpan(f, 1, 1), null, string.Empty));
            }
        }
        var searchPath = searchPathArgs.Length > 0 ? searchPathArgs.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() : config?.Audit?.SearchPath;
        AuditReport report;
        var impact = planPath != null;
        if (planPath != null)
        {
            var (after, current, changes, planCode) = await PlanModelsAsync(planPath, source, stderr, ct);
            if (after == null) return planCode;
            var before = Auditor.Run(texts, current!, source.Dialect.DefaultSchema, searchPath);
            var later = Auditor.Run(texts, after, source.Dialect.DefaultSchema, searchPath);
            report = Impact(before, later, changes!);
        }
        else
        {
            report = Auditor.Run(texts, source.Model, source.Dialect.DefaultSchema, searchPath);
        }
        if (unreadable.Count > 0) report = report with { Findings = [.. unreadable, .. report.Findings], Unreadable = report.Unreadable + unreadable.Count };
        var text = AuditWriter.Write(report, format, ApplyCommand.ToolVersion(), impact, verbose);
        if (output != null)
        {
            await PlanCommand.WriteFileAsync(output, text, ct);
            await stderr.WriteLineAsync("schemafirst: " + AuditWriter.Summary(report, impact));
        }
        else await stdout.WriteAsync(text);
        return report.Findings.Any(f => f.Severity == Severity.Error) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>
    /// The schema a saved plan leaves: its current schema (recorded in the plan, else the audit's schema) with the plan's
    /// statements read on top of it, as the parser reads migration files.
    /// </summary>
    private static async Task<(Model.Database? After, Model.Database? Current, IReadOnlyList<Diff.SchemaChange>? Changes, int Code)> PlanModelsAsync(string path, SchemaSource source, TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"schemafirst: no such plan file: {path}");
            return (null, null, null, ExitCodes.Usage);
        }
        var (plan, error) = SavedPlan.Read(await File.ReadAllTextAsync(path, ct));
        if (plan == null)
        {
            await stderr.WriteLineAsync($"schemafirst: {path} is not a plan saved with 'plan -o' ({error})");
            return (null, null, null, ExitCodes.Usage);
        }
        var dialect = SqlDialects.Find(plan.Dialect);
        if (dialect == null)
        {
            await stderr.WriteLineAsync($"schemafirst: {path} is a plan for '{plan.Dialect}', which SchemaFirst does not read");
            return (null, null, null, ExitCodes.Usage);
        }
        var current = plan.FromSchema != null ? dialect.ParseText(plan.FromSchema, path + " (from_schema)").Model : source.Model;
        var currentText = plan.FromSchema ?? dialect.Generate(source.Model, new SqlGenerationOptions()).Text;
        var script = string.Join("\n", plan.Statements.Select(s => s.Sql.TrimEnd().TrimEnd(';') + ";"));
        var after = dialect.ParseTexts([(path + " (from_schema)", currentText), (path, script)]);
        foreach (var d in after.Diagnostics.Where(d => d.Severity == Severity.Error).Take(5))
        {
            await stderr.WriteAsync(DiagnosticTextFormatter.Format(d));
        }
        if (after.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            await stderr.WriteLineAsync($"schemafirst: the statements of {path} could not all be read onto its schema; the impact is not known");
            return (null, null, null, ExitCodes.Findings);
        }
        return (after.Model, current, plan.Changes, ExitCodes.Ok);
    }

    /// <summary>The findings the plan's schema has and the current one does not: the call sites the migration breaks.</summary>
    private static AuditReport Impact(AuditReport before, AuditReport after, IReadOnlyList<Diff.SchemaChange> changes)
    {
        var known = before.Findings.Select(f => (f.Location.Path, f.Location.Line, f.Location.Column, f.Code)).ToHashSet();
        var added = after.Findings.Where(f => !known.Contains((f.Location.Path, f.Location.Line, f.Location.Column, f.Code)))
            .Select(f => f with { Impact = Cause(f, changes) }).ToList();
        return after with { Findings = added };
    }

    private static string Cause(AuditFinding f, IReadOnlyList<Diff.SchemaChange> changes)
    {
        var related = changes.Where(c => Subjects(c.Subject).Any(s => f.Message.Contains(s, StringComparison.Ordinal))).Select(c => c.Verb + " " + c.Subject).Distinct().ToList();
        return related.Count > 0 ? string.Join("; ", related) : "the schema after the plan";
    }

    /// <summary>The table (schema.table) and the bare table name a change's subject names.</summary>
    private static IEnumerable<string> Subjects(string subject)
    {
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var w in words)
        {
            var parts = w.Split('.');
            if (parts.Length >= 2) yield return parts[0] + "." + parts[1];
        }
    }
}
