using System.CommandLine;
using SchemaFirst.Cli.Artifacts;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Loading;
using SchemaFirst.Project;
using SchemaFirst.Seeding;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>generate seed</c>: the INSERTs of the seed files, checked against the schema and written as SQL that can run again
/// and again (exit 1 when a row does not fit the schema, 2 with --check when the file is stale).
/// </summary>
internal static class SeedCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var seeds = new Argument<string[]>("seeds") { Description = "Seed SQL files, directories or globs (default: seed.files of schemafirst.yaml, else seed/)", Arity = ArgumentArity.ZeroOrMore };
        var schema = new Option<string[]>("--schema") { Description = "The schema the rows must fit: files, directories, globs or a database URL (default: the schema globs of schemafirst.yaml)", AllowMultipleArgumentsPerToken = true };
        var dialect = new Option<string?>("--dialect", "-d") { Description = "Dialect to write: " + string.Join(", ", SqlDialects.Targets.Select(d => d.Name)) + " (default: seed.dialect, else the source's)" };
        dialect.AcceptOnlyFromAmong(SqlDialects.Targets.Select(d => d.Name).ToArray());
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (default: seed.out of schemafirst.yaml, else standard output)" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 2 if the file is missing or differs from what would be generated" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also name every row matched on all its values (no key given)" };
        var sourceDialect = new Option<string?>("--source-dialect") { Description = "Dialect of the schema and seed files" };
        var command = new Command("seed", "Idempotent seed data: the seed files' INSERTs checked against the schema and written to run again safely");
        command.Arguments.Add(seeds);
        foreach (var o in new Option[] { schema, dialect, output, check, verbose, sourceDialect }) command.Options.Add(o);
        command.SetAction(async (r, ct) =>
        {
            var (config, code) = ProjectSource.Config(stderr);
            if (code != ExitCodes.Ok) return code;
            var (file, buildCode) = await BuildAsync(r.GetValue(seeds) ?? [], r.GetValue(schema) ?? [], r.GetValue(dialect), r.GetValue(output) ?? config?.Seed?.Out, r.GetValue(verbose), r.GetValue(sourceDialect), config, stderr, ct);
            if (file == null) return buildCode;
            return await ArtifactFile.EmitAsync([file], r.GetValue(check), "schemafirst generate seed", stdout, stderr, ct);
        });
        return command;
    }

    /// <summary>The seed files to read: the arguments, else seed.files, else seed/ when it exists.</summary>
    public static IReadOnlyList<string> SeedInputs(IReadOnlyList<string> args, ProjectConfig? config) =>
        args.Count > 0 ? args : config?.Seed?.Files is { Count: > 0 } files ? files : Directory.Exists("seed") ? ["seed"] : [];

    /// <summary>The idempotent seed file for a dialect, or null with the exit code when the seeds or the schema are wrong.</summary>
    public static async Task<(ArtifactFile? File, int Code)> BuildAsync(IReadOnlyList<string> seedArgs, IReadOnlyList<string> schemaArgs, string? dialectName, string? output, bool verbose,
        string? sourceDialect, ProjectConfig? config, TextWriter stderr, CancellationToken ct)
    {
        var inputs = SeedInputs(seedArgs, config);
        if (inputs.Count == 0)
        {
            await stderr.WriteLineAsync("schemafirst: name the seed files (e.g. seed/), list them under seed: files: in schemafirst.yaml, or create a seed/ folder");
            return (null, ExitCodes.Usage);
        }
        var (source, code) = await ProjectSource.LoadAsync(schemaArgs, sourceDialect, config, stderr, ct);
        if (source == null) return (null, code);
        var target = SqlDialects.FindTarget(dialectName ?? config?.Seed?.Dialect ?? source.Dialect.Name);
        if (target == null)
        {
            await stderr.WriteLineAsync($"schemafirst: seed.dialect '{config?.Seed?.Dialect}' is not one of {SqlDialects.TargetNames}");
            return (null, ExitCodes.Usage);
        }
        var diagnostics = new List<Diagnostic>();
        var paths = SourceFiles.Expand(inputs, diagnostics);
        var files = new List<(string, string)>();
        foreach (var p in paths)
        {
            if (File.Exists(p)) files.Add((p, await File.ReadAllTextAsync(p, ct)));
        }
        var set = SeedReader.Read(files, source.Model, source.Dialect.DefaultSchema);
        diagnostics.AddRange(set.Diagnostics);
        Model.Database? targetModel = null;
        if (target != source.Dialect && target is ISqlDialect parser && !set.HasErrors)
        {
            // Checked again against the schema as the target dialect creates it, and cast to its types.
            var generated = target.Generate(source.Model, new SqlGenerationOptions(false));
            targetModel = parser.ParseTexts([("<generated " + target.Name + " schema>", generated.Text)]).Model;
            diagnostics.AddRange(SeedReader.CheckTarget(set.Rows, targetModel, target.DisplayName));
        }
        var (text, notes) = SeedWriter.Write(set, source.Model, target.Name, targetModel);
        diagnostics.AddRange(notes);
        var lines = new LineCache();
        foreach (var d in diagnostics.Where(d => verbose || d.Severity != Severity.Info)) await stderr.WriteAsync(DiagnosticTextFormatter.Format(d, lines.Read));
        var infos = diagnostics.Count(d => d.Severity == Severity.Info);
        if (!verbose && infos > 0) await stderr.WriteLineAsync($"schemafirst: {infos} row(s) give no key and are matched on all their values (--verbose names them)");
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            await stderr.WriteLineAsync($"schemafirst: {diagnostics.Count(d => d.Severity == Severity.Error)} problem(s) in the seed data; nothing was written");
            return (null, ExitCodes.Findings);
        }
        return (new ArtifactFile(output, text), ExitCodes.Ok);
    }
}
