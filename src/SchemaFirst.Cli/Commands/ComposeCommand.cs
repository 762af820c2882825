using System.CommandLine;
using System.Text.RegularExpressions;
using SchemaFirst.Cli.Artifacts;
using SchemaFirst.Dialects;
using SchemaFirst.Project;
using SchemaFirst.Rendering.Compose;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>generate compose</c>: a Docker Compose environment for the schema: the compose file, <c>.env.example</c>, and an
/// init folder holding the generated DDL (and the idempotent seeds when there are seed files) that the database runs on
/// its first start. Written whole, or checked for staleness (exit 2).
/// </summary>
internal static partial class ComposeCommand
{
    public static readonly string[] Engines = ["postgres", "mysql", "mariadb", "sqlserver", "oracle"];

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ImageTag();

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new Argument<string[]>("source") { Description = "SQL files, directories, globs or a database URL (default: the schema globs of schemafirst.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var engine = new Option<string?>("--engine") { Description = "Database engine: postgres, mysql, mariadb, sqlserver or oracle (default: compose.engine, else postgres)" };
        engine.AcceptOnlyFromAmong(Engines);
        var version = new Option<string?>("--version") { Description = "Image version (default: compose.version, else postgres 17, mysql 8.4, mariadb 11.4, sqlserver 2022-latest, oracle 23-slim)" };
        var output = new Option<string?>("--output", "-o") { Description = "The compose file to write (default: compose.out of schemafirst.yaml); .env.example and the init folder go beside it" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 2 if any of the files is missing, different, or no longer written" };
        var sourceDialect = new Option<string?>("--source-dialect") { Description = "Dialect of the source files" };
        var command = new Command("compose", "A Docker Compose environment for the schema: image, healthcheck, volume, the DDL and seeds as init scripts, .env.example");
        command.Arguments.Add(source);
        foreach (var o in new Option[] { engine, version, output, check, sourceDialect }) command.Options.Add(o);
        command.SetAction(async (r, ct) =>
        {
            var (config, code) = ProjectSource.Config(stderr);
            if (code != ExitCodes.Ok) return code;
            var settings = new Settings(r.GetValue(engine), r.GetValue(version), r.GetValue(output), r.GetValue(sourceDialect));
            var (files, stale, buildCode) = await BuildAsync(r.GetValue(source) ?? [], settings, config, stderr, ct);
            if (files == null) return buildCode;
            return await EmitAsync(files, stale, r.GetValue(check), stdout, stderr, ct);
        });
        return command;
    }

    internal sealed record Settings(string? Engine, string? Version, string? Output, string? SourceDialect);

    /// <summary>Writes (removing init scripts no longer generated) or checks the environment's files.</summary>
    public static async Task<int> EmitAsync(IReadOnlyList<ArtifactFile> files, IReadOnlyList<string> stale, bool check, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var code = await ArtifactFile.EmitAsync(files, check, "schemafirst generate compose", stdout, stderr, ct);
        if (check)
        {
            foreach (var s in stale) await stderr.WriteLineAsync($"{s}: no longer generated; run 'schemafirst generate compose' and commit the result");
            return stale.Count > 0 ? ExitCodes.Changes : code;
        }
        foreach (var s in stale)
        {
            File.Delete(s);
            await stderr.WriteLineAsync("schemafirst: removed " + s);
        }
        return code;
    }

    /// <summary>The environment's files, and the init scripts in its folder that are no longer generated.</summary>
    public static async Task<(IReadOnlyList<ArtifactFile>? Files, IReadOnlyList<string> Stale, int Code)> BuildAsync(IReadOnlyList<string> inputs, Settings settings, ProjectConfig? config, TextWriter stderr, CancellationToken ct)
    {
        var compose = config?.Compose;
        var engine = settings.Engine ?? compose?.Engine ?? "postgres";
        if (!ComposeWriter.Engines.Contains(engine))
        {
            var known = Engines.Contains(engine);
            await stderr.WriteLineAsync(known
                ? $"schemafirst: a {engine} environment needs SchemaFirst's {engine} DDL generator, which this version does not have yet; {string.Join(", ", ComposeWriter.Engines)} are supported"
                : $"schemafirst: compose.engine '{engine}' is not one of {string.Join(", ", Engines)}");
            return (null, [], ExitCodes.Usage);
        }
        var output = settings.Output ?? compose?.Out;
        if (output == null)
        {
            await stderr.WriteLineAsync("schemafirst: name the compose file with -o (e.g. -o docker-compose.yml), or set compose: out: in schemafirst.yaml");
            return (null, [], ExitCodes.Usage);
        }
        var version = settings.Version ?? compose?.Version;
        var database = compose?.Database ?? "app";
        if ((version != null && !ImageTag().IsMatch(version)) || !DatabaseName().IsMatch(database) || compose?.Port is < 1 or > 65535)
        {
            await stderr.WriteLineAsync("schemafirst: compose settings: version must be an image tag (e.g. 17 or 16.4), database a plain lower-case name, port 1-65535");
            return (null, [], ExitCodes.Usage);
        }
        var (source, code) = await ProjectSource.LoadAsync(inputs, settings.SourceDialect, config, stderr, ct);
        if (source == null) return (null, [], code);
        var target = SqlDialects.FindTarget(engine)!;
        var generated = target.Generate(source.Model, new SqlGenerationOptions(false));
        foreach (var n in generated.Notes.Where(n => n.Severity == Diagnostics.Severity.Error)) await stderr.WriteAsync(Diagnostics.DiagnosticTextFormatter.Format(n));
        if (generated.HasErrors)
        {
            await stderr.WriteLineAsync($"schemafirst: the schema cannot be written for {target.DisplayName} as it is; nothing was generated");
            return (null, [], ExitCodes.Findings);
        }
        var leftOut = generated.Notes.Count(n => n.Severity == Diagnostics.Severity.Warning);
        if (leftOut > 0) await stderr.WriteLineAsync($"schemafirst: {leftOut} thing(s) of the schema {target.DisplayName} cannot hold are left out of the init script ('schemafirst generate sql --dialect {target.Name}' names each)");
        var options = new ComposeOptions(engine, version, compose?.Extensions, compose?.Port, database);
        var dir = Path.GetDirectoryName(output) ?? string.Empty;
        var initDir = Path.Combine(dir, options.InitDir);
        var files = new List<ArtifactFile>
        {
            new(output, ComposeWriter.Write(source.Model, options)),
            new(Path.Combine(dir, ".env.example"), ComposeWriter.EnvExample(options)),
        };
        if (engine == "postgres" && ComposeWriter.ExtensionsScript(source.Model, options.Extensions) is { } extensions) files.Add(new(Path.Combine(initDir, "00-extensions.sql"), extensions));
        else if (engine != "postgres" && options.Extensions is { Count: > 0 }) await stderr.WriteLineAsync($"schemafirst: note: compose.extensions are PostgreSQL's; ignored for {target.DisplayName}");
        files.Add(new(Path.Combine(initDir, "10-schema.sql"), ComposeWriter.InitPrefix(options) + generated.Text));
        if (ComposeWriter.InitScript(options) is { } script) files.Add(new(Path.Combine(initDir, "init.sh"), script));
        if (SeedCommand.SeedInputs([], config).Count > 0)
        {
            var (seed, seedCode) = await SeedCommand.BuildAsync([], inputs, engine, Path.Combine(initDir, "20-seed.sql"), false, settings.SourceDialect, config, stderr, ct);
            if (seed == null) return (null, [], seedCode);
            files.Add(seed with { Text = ComposeWriter.InitPrefix(options) + seed.Text });
        }
        var written = files.Select(f => Path.GetFullPath(f.Path!)).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.Exists(initDir) ? Directory.GetFiles(initDir).Where(f => f.EndsWith(".sql", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal)).Where(f => !written.Contains(Path.GetFullPath(f))).Order(StringComparer.Ordinal).ToList() : [];
        return (files, stale, ExitCodes.Ok);
    }
}
