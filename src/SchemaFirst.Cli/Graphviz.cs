using System.Diagnostics;
using System.Text;

namespace SchemaFirst.Cli;

/// <summary>
/// Draws DOT diagrams as SVG with Graphviz's <c>dot</c>: many diagrams per process (<c>dot -O</c>), one process per core,
/// each under a timeout. The lines of the SVG that name Graphviz's version are dropped, so the same source gives the same
/// bytes on machines with another Graphviz.
/// </summary>
internal static class Graphviz
{
    public sealed record Result(Dictionary<string, string>? Svgs, string? Problem);

    private static readonly Dictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static async Task<Result> RenderAsync(IReadOnlyList<(string Name, string Dot)> diagrams, TimeSpan timeout, CancellationToken ct)
    {
        var svgs = new Dictionary<string, string>(StringComparer.Ordinal);
        var todo = new List<(string Name, string Dot)>();
        lock (Cache)
        {
            foreach (var d in diagrams)
            {
                if (Cache.TryGetValue(d.Dot, out var cached)) svgs[d.Name] = cached;
                else todo.Add(d);
            }
        }
        if (todo.Count == 0) return new Result(svgs, null);
        var dir = Path.Combine(Path.GetTempPath(), "schemafirst-dot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            for (var i = 0; i < todo.Count; i++) await File.WriteAllTextAsync(Path.Combine(dir, i + ".dot"), todo[i].Dot, ct);
            var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (todo.Count + 49) / 50));
            var chunks = Enumerable.Range(0, workers).Select(w => Enumerable.Range(0, todo.Count).Where(i => i % workers == w).ToList()).ToList();
            var runs = await Task.WhenAll(chunks.Select(chunk => RunAsync(dir, chunk, timeout, ct)));
            if (runs.FirstOrDefault(r => r != null) is { } problem) return new Result(null, problem);
            for (var i = 0; i < todo.Count; i++)
            {
                var svg = Clean(await File.ReadAllTextAsync(Path.Combine(dir, i + ".dot.svg"), ct));
                svgs[todo[i].Name] = svg;
                lock (Cache) Cache[todo[i].Dot] = svg;
            }
            return new Result(svgs, null);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string?> RunAsync(string dir, List<int> chunk, TimeSpan timeout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("dot") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-Tsvg");
        psi.ArgumentList.Add("-O");
        foreach (var i in chunk) psi.ArgumentList.Add(i + ".dot");
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Graphviz's dot was not found; install it (Debian: apt-get install graphviz) for SVG diagrams";
        }
        using (p)
        {
            var err = p.StandardError.ReadToEndAsync(ct);
            _ = p.StandardOutput.ReadToEndAsync(ct);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            try
            {
                await p.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                p.Kill(entireProcessTree: true);
                return $"Graphviz's dot did not finish within {timeout.TotalSeconds:0} s";
            }
            return p.ExitCode == 0 ? null : "Graphviz's dot failed: " + (await err).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        }
    }

    /// <summary>The SVG from its root element on: no XML prolog, no comments naming Graphviz's version or the input file.</summary>
    private static string Clean(string svg)
    {
        svg = svg.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start >= 0 ? svg[start..] : svg;
    }
}
