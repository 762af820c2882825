using System.CommandLine;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Loading;
using SchemaFirst.Project;
using SchemaFirst.Validation;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Generates derived artifacts from the schema source; <c>generate sql</c> writes canonical DDL for a dialect.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("generate", "Generate derived artifacts from the schema source");
        var inputs = new Argument<string[]>("source") { Description = "SQL files, directories (every *.sql below) or glob patterns", Arity = ArgumentArity.OneOrMore };
        var dialect = new Option<string>("--dialect", "-d") { Description = "Target dialect: " + string.Join(", ", SqlDialects.Targets.Select(d => d.Name)), DefaultValueFactory = _ => SqlDialects.Default.Name };
        var into = new Option<string?>("--into") { Description = "Also create the schema in this new, empty database (sqlite:///path.db); an existing schema is never touched" };
        var sourceDialect = SourceDialectOption.Create();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the notes on how types and defaults were mapped to the target dialect" };
        var ifNotExists = new Option<bool>("--if-not-exists") { Description = "Write the re-runnable style: IF NOT EXISTS, OR REPLACE, guarded DO blocks" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 2 if the --output file is missing or differs from what would be generated" };
        var devUrl = new Option<string?>("--dev-url") { Description = "Normalize through a scratch database on this PostgreSQL server (created and dropped; the role needs CREATEDB): expressions and view bodies exactly as the server prints them" };
        var sql = new Command("sql", "Canonical, dependency-ordered DDL for a dialect");
        sql.Arguments.Add(inputs);
        sql.Options.Add(dialect);
        sql.Options.Add(ifNotExists);
        sql.Options.Add(output);
        sql.Options.Add(check);
        sql.Options.Add(verbose);
        sql.Options.Add(into);
        sql.Options.Add(sourceDialect);
        sql.Options.Add(devUrl);
        sql.SetAction((r, ct) => RunSqlAsync(new GenerateSettings(r.GetValue(inputs)!, r.GetValue(dialect)!, r.GetValue(ifNotExists), r.GetValue(output), r.GetValue(check),
            r.GetValue(verbose), r.GetValue(into), r.GetValue(sourceDialect)!, r.GetValue(devUrl)), stdout, stderr, ct));
        command.Subcommands.Add(sql);
        var conventionsOutput = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var conventionsCheck = new Option<bool>("--check") { Description = "Write nothing; exit 2 if the --output file is missing or differs" };
        var conventions = new Command("conventions", "The lint rules schemafirst.yaml configures, written down for people (Markdown)");
        conventions.Options.Add(conventionsOutput);
        conventions.Options.Add(conventionsCheck);
        conventions.SetAction((r, ct) => Task.FromResult(RunConventions(r.GetValue(conventionsOutput), r.GetValue(conventionsCheck), stdout, stderr)));
        command.Subcommands.Add(conventions);
        command.Subcommands.Add(DocsCommand.CreateGenerate(stdout, stderr));
        command.Subcommands.Add(TypesCommand.Create(stdout, stderr));
        command.Subcommands.Add(SeedCommand.Create(stdout, stderr));
        command.Subcommands.Add(ComposeCommand.Create(stdout, stderr));
        return command;
    }

    /// <summary>The conventions page: a pure function of schemafirst.yaml's lint section.</summary>
    private static int RunConventions(string? output, bool check, TextWriter stdout, TextWriter stderr)
    {
        var (config, configError) = ProjectConfig.Load(Environment.CurrentDirectory);
        if (configError != null)
        {
            stderr.Write(DiagnosticTextFormatter.Format(configError));
            return ExitCodes.Usage;
        }
        var diagnostics = new List<Diagnostic>();
        var profile = new Lint.LintProfile(config?.Lint, diagnostics, ProjectConfig.FileName);
        foreach (var d in diagnostics) stderr.Write(DiagnosticTextFormatter.Format(d));
        var text = Rendering.ConventionsWriter.Write(profile);
        if (output == null)
        {
            if (check)
            {
                stderr.WriteLine("schemafirst: --check needs --output FILE (the file to compare with)");
                return ExitCodes.Usage;
            }
            stdout.Write(text);
            return ExitCodes.Ok;
        }
        var bytes = new UTF8Encoding(false).GetBytes(text);
        if (check)
        {
            if (File.Exists(output) && File.ReadAllBytes(output).AsSpan().SequenceEqual(bytes)) return ExitCodes.Ok;
            stderr.WriteLine($"{output}: out of date; run 'schemafirst generate conventions -o {output}' and commit the result");
            return ExitCodes.Changes;
        }
        PlanCommand.WriteFileAsync(output, text, CancellationToken.None).GetAwaiter().GetResult();
        return ExitCodes.Ok;
    }

    /// <summary>Creates the schema in a new, empty database of a dialect that can (<see cref="ISchemaCreator"/>).</summary>
    private static async Task<int> CreateIntoAsync(DatabaseUrl target, ISchemaCreator creator, string ddl, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            if (target.IsFile && Path.GetDirectoryName(Path.GetFullPath(target.Database)) is { } dir) Directory.CreateDirectory(dir);
            await using var conn = Drivers.Connect(target, writable: true);
            var outcome = await creator.CreateSchemaAsync(conn, ddl, ct);
            if (outcome.Refused)
            {
                stderr.WriteLine($"schemafirst: {target.Display} already holds {outcome.ExistingObjects} schema object(s); it was not changed (delete the file to start over, or use plan/apply once they land)");
                return ExitCodes.Findings;
            }
            stderr.WriteLine($"schemafirst: created {outcome.TablesCreated} tables in {target.Display}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            stderr.WriteLine($"schemafirst: cannot create the schema in {target.Display}: {DatabaseErrors.Describe(e)}");
            return ExitCodes.Runtime;
        }
    }

    public static async Task<int> RunSqlAsync(GenerateSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var dialect = SqlDialects.FindTarget(settings.Dialect);
        if (dialect == null)
        {
            stderr.WriteLine($"schemafirst: dialect '{settings.Dialect}' is not supported yet; supported: {SqlDialects.TargetNames}");
            return ExitCodes.Usage;
        }
        if (settings.Check && settings.Output == null)
        {
            stderr.WriteLine("schemafirst: --check needs --output FILE (the file to compare with)");
            return ExitCodes.Usage;
        }
        var sourceDialect = settings.SourceDialect != null ? SqlDialects.FindSource(settings.SourceDialect) ?? SqlDialects.Default : SqlDialects.Default;
        var timings = new PhaseTimer(stderr);
        DatabaseUrl? target = null;
        ISchemaCreator? creator = null;
        if (settings.Into != null)
        {
            if (!DatabaseUrl.TryParse(settings.Into, out target, out var urlError) || target!.Dialect != (dialect as ISqlDialect) || (creator = dialect as ISchemaCreator) == null)
            {
                var creators = string.Join(" or ", SqlDialects.All.Where(d => d is ISchemaCreator).Select(d => $"a {d.UrlSchemes[0]}:/// URL together with --dialect {d.Name}"));
                stderr.WriteLine($"schemafirst: --into takes {creators}{(urlError != null ? " (" + urlError + ")" : string.Empty)}");
                return ExitCodes.Usage;
            }
        }
        var result = SqlSource.Load(settings.Inputs, sourceDialect);
        timings.Lap("load (read, lex, parse, replay)");
        var diagnostics = result.Diagnostics.Concat(SchemaValidator.Validate(result.Model, result.SourceMap)).ToList();
        timings.Lap("semantic checks");
        var lines = new LineCache();
        foreach (var d in diagnostics.Where(d => d.Severity != Severity.Info)) stderr.Write(DiagnosticTextFormatter.Format(d, lines.Read));
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            stderr.WriteLine("schemafirst: the source has errors; nothing was generated. Run 'schemafirst validate' for the full report.");
            return ExitCodes.Findings;
        }
        var model = result.Model;
        if (settings.DevUrl != null)
        {
            var outcome = await DevDatabaseRun.NormalizeAsync(settings.DevUrl, sourceDialect, settings.Inputs, result.Model, "normalizes", ct);
            if (outcome.Usage != null)
            {
                stderr.WriteLine("schemafirst: " + outcome.Usage);
                return ExitCodes.Usage;
            }
            if (outcome.Failure != null)
            {
                stderr.WriteLine("schemafirst: " + outcome.Failure);
                return ExitCodes.Runtime;
            }
            if (outcome.Refused != null)
            {
                stderr.Write(DiagnosticTextFormatter.Format(outcome.Refused, lines.Read));
                stderr.WriteLine("schemafirst: the dev database refused the source; nothing was generated");
                return ExitCodes.Findings;
            }
            model = outcome.Model!;
            timings.Lap("dev database");
        }
        if (settings.IfNotExists && !dialect.WritesIfNotExistsStyle)
        {
            stderr.WriteLine($"schemafirst: note: --if-not-exists is for {string.Join(" and ", SqlDialects.Targets.Where(d => d.WritesIfNotExistsStyle).Select(d => d.DisplayName))} output; ignored for {dialect.Name}");
        }
        var generated = dialect.Generate(model, new SqlGenerationOptions(settings.IfNotExists));
        foreach (var n in generated.Notes.Where(n => settings.Verbose || n.Severity != Severity.Info)) stderr.Write(DiagnosticTextFormatter.Format(n));
        var infos = generated.Notes.Count(n => n.Severity == Severity.Info);
        if (!settings.Verbose && infos > 0) stderr.WriteLine($"schemafirst: {infos} note(s) on how types and defaults map to {dialect.DisplayName} (--verbose shows them)");
        if (generated.HasErrors)
        {
            stderr.WriteLine($"schemafirst: the schema cannot be expressed in {dialect.DisplayName} as it is; nothing was generated");
            return ExitCodes.Findings;
        }
        var text = generated.Text;
        timings.Lap("render");
        timings.Gc();
        if (target != null) return await CreateIntoAsync(target, creator!, text, stderr, ct);
        if (settings.Output == null)
        {
            stdout.Write(text);
            return ExitCodes.Ok;
        }
        var bytes = new UTF8Encoding(false).GetBytes(text);
        if (settings.Check)
        {
            if (File.Exists(settings.Output) && File.ReadAllBytes(settings.Output).AsSpan().SequenceEqual(bytes))
            {
                return ExitCodes.Ok;
            }
            stderr.WriteLine($"{settings.Output}: out of date; run 'schemafirst generate sql ... -o {settings.Output}' and commit the result");
            return ExitCodes.Changes;
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(settings.Output));
        if (dir != null) Directory.CreateDirectory(dir);
        // Write to a temporary file first so an interrupted run never leaves half a file behind.
        var tmp = settings.Output + ".tmp";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, settings.Output, overwrite: true);
        return ExitCodes.Ok;
    }
}
