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

    /// <summary>Keeps serve's cache of drawn diagrams from growing without end (a rebuild after many edits starts afresh).</summary>
    public static void Trim()
    {
        lock (Cache)
        {
            if (Cache.Count > 20_000) Cache.Clear();
        }
    }

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
        // Each worker gets its diagrams on standard input, one graph after another, and writes the SVGs to standard output
        // in the same order: no temporary files (which this many small files would make the slow part).
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (todo.Count + 49) / 50));
        var chunks = Enumerable.Range(0, workers).Select(w => Enumerable.Range(0, todo.Count).Where(i => i % workers == w).ToList()).ToList();
        var runs = await Task.WhenAll(chunks.Select(chunk => RunAsync(chunk.Select(i => todo[i].Dot).ToList(), timeout, ct)));
        if (runs.FirstOrDefault(r => r.Problem != null) is { Problem: { } problem }) return new Result(null, problem);
        lock (Cache)
        {
            for (var w = 0; w < workers; w++)
            {
                for (var k = 0; k < chunks[w].Count; k++)
                {
                    var i = chunks[w][k];
                    svgs[todo[i].Name] = runs[w].Svgs[k];
                    Cache[todo[i].Dot] = runs[w].Svgs[k];
                }
            }
        }
        return new Result(svgs, null);
    }

    private static async Task<(List<string> Svgs, string? Problem)> RunAsync(List<string> dots, TimeSpan timeout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("dot") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = new UTF8Encoding(false) };
        psi.ArgumentList.Add("-Tsvg");
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ([], "Graphviz's dot was not found; install it (Debian: apt-get install graphviz) for SVG diagrams");
        }
        using (p)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            var output = p.StandardOutput.ReadToEndAsync(cts.Token);
            var err = p.StandardError.ReadToEndAsync(cts.Token);
            try
            {
                try
                {
                    var input = new StreamWriter(p.StandardInput.BaseStream, new UTF8Encoding(false), 1 << 16);
                    foreach (var dot in dots) await input.WriteAsync(dot.AsMemory(), cts.Token);
                    await input.DisposeAsync();
                }
                catch (IOException)
                {
                    // dot stopped reading (it failed early): what it said on stderr tells why.
                }
                await p.WaitForExitAsync(cts.Token);
                var text = await output;
                if (p.ExitCode != 0) return ([], "Graphviz's dot failed: " + (await err).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
                var svgs = Split(text);
                return svgs.Count == dots.Count ? (svgs, null) : ([], $"Graphviz's dot drew {svgs.Count} of {dots.Count} diagrams");
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return ([], $"Graphviz's dot did not finish within {timeout.TotalSeconds:0} s");
            }
            finally
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The SVG documents of dot's output, in order.</summary>
    private static List<string> Split(string text)
    {
        var result = new List<string>();
        var at = 0;
        while (true)
        {
            var end = text.IndexOf("</svg>", at, StringComparison.Ordinal);
            if (end < 0) break;
            end += "</svg>".Length;
            result.Add(Clean(text[at..end]) + "\n");
            at = end;
        }
        return result;
    }

    /// <summary>The SVG from its root element on: no XML prolog, no comments naming Graphviz's version or the input file.</summary>
    /// <remarks>The font every label shares moves from each text element into one style rule, which halves the file.</remarks>
    private static string Clean(string svg)
    {
        svg = svg.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start > 0) svg = svg[start..];
        var open = svg.IndexOf('>', StringComparison.Ordinal);
        if (open < 0) return svg;
        return svg[..(open + 1)] + "\n<style>text{font-family:Helvetica,sans-serif;font-size:10px}</style>"
            + svg[(open + 1)..].Replace(" font-family=\"Helvetica,sans-Serif\" font-size=\"10.00\"", string.Empty, StringComparison.Ordinal);
    }
}
