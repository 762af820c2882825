using SchemaFirst.Cli.Commands;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Project;

namespace SchemaFirst.Cli.Artifacts;

/// <summary>
/// The schema a generator works from: the sources named on the command line, else the schema globs of
/// schemafirst.yaml; files, git:REV:path or a database URL, read and checked the way validate does.
/// </summary>
internal static class ProjectSource
{
    public static (ProjectConfig? Config, int Code) Config(TextWriter stderr)
    {
        var (config, error) = ProjectConfig.Load(Environment.CurrentDirectory);
        if (error == null) return (config, ExitCodes.Ok);
        stderr.Write(DiagnosticTextFormatter.Format(error));
        return (null, ExitCodes.Usage);
    }

    public static async Task<(SchemaSource? Source, int Code)> LoadAsync(IReadOnlyList<string> inputs, string? sourceDialectFlag, ProjectConfig? config, TextWriter stderr, CancellationToken ct)
    {
        if (SourceDialectOption.Resolve(sourceDialectFlag, config, stderr) is not { } dialect) return (null, ExitCodes.Usage);
        if (inputs.Count == 0) inputs = config?.Schema ?? [];
        if (inputs.Count == 0)
        {
            await stderr.WriteLineAsync("schemafirst: name the schema files (e.g. schema/) or a database URL, or list them under 'schema:' in schemafirst.yaml");
            return (null, ExitCodes.Usage);
        }
        var loader = new SchemaSourceLoader(stderr, new InspectOptions([], []), config);
        var source = await loader.LoadAsync(inputs, dialect, ct);
        return (source, source == null ? loader.ExitCode : ExitCodes.Ok);
    }
}
