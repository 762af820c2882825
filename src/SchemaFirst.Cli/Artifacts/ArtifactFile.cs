using System.Text;
using SchemaFirst.Cli.Commands;

namespace SchemaFirst.Cli.Artifacts;

/// <summary>
/// Represents one derived file: written to standard output, written to its path (only when its bytes change), or, with
/// --check, compared with what is on disk (exit 2 when missing or different, naming the command that regenerates it).
/// </summary>
internal sealed record ArtifactFile(string? Path, string Text)
{
    /// <summary>Whether the file on disk already holds exactly these bytes.</summary>
    public bool IsCurrent() => Path is not (null or "-") && File.Exists(Path) && File.ReadAllBytes(Path).AsSpan().SequenceEqual(new UTF8Encoding(false).GetBytes(Text));

    /// <summary>Writes, prints or checks a set of files that belong together; the exit code of the whole.</summary>
    public static async Task<int> EmitAsync(IReadOnlyList<ArtifactFile> files, bool check, string regenerate, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (check)
        {
            if (files.Any(f => f.Path is null or "-"))
            {
                await stderr.WriteLineAsync("schemafirst: --check needs the output file (-o FILE, or out: in schemafirst.yaml) to compare with");
                return ExitCodes.Usage;
            }
            var stale = files.Where(f => !f.IsCurrent()).ToList();
            foreach (var f in stale) await stderr.WriteLineAsync($"{f.Path}: {(File.Exists(f.Path) ? "out of date" : "missing")}; run '{regenerate}' and commit the result");
            return stale.Count == 0 ? ExitCodes.Ok : ExitCodes.Changes;
        }
        foreach (var f in files)
        {
            if (f.Path is null or "-")
            {
                await stdout.WriteAsync(f.Text);
                continue;
            }
            if (f.IsCurrent()) continue;
            await PlanCommand.WriteFileAsync(f.Path, f.Text, ct);
            await stderr.WriteLineAsync("schemafirst: wrote " + f.Path);
        }
        return ExitCodes.Ok;
    }
}
