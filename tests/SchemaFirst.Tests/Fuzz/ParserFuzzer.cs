using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SchemaFirst.Diagnostics;

namespace SchemaFirst.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing of a reader: real inputs (the repository's own test schemas and examples, and the corpus when it is
/// there) mutated with a fixed seed (bytes flipped in the UTF-8, so invalid sequences and NUL bytes come through as a
/// reader would get them from a file; tokens dropped, repeated and swapped; the text cut at a statement boundary or
/// anywhere; thousands of parentheses; a 100,000-character identifier), each run with a time limit. A crash is an
/// exception that escapes the reader; a hang is an input over the limit; an error without a place is a diagnostic of
/// severity error with no line and column. The same seed gives the same inputs, so a finding is reproduced by its index.
/// </summary>
public sealed partial class ParserFuzzer(string name, IReadOnlyList<string> seeds, Func<string, IEnumerable<Diagnostic>> read)
{
    private static readonly string[] Noise = ["(", ")", "'", "\"", "`", "$$", "$", ";", "--", "/*", "*/", "\\", "\0", "[", "]", "E'", "N'", "\uFFFD", "@", ":", "::", ",", ".", " ", "\n"];

    public sealed record Finding(int Index, string Kind, string Detail, string Input);

    /// <summary>Runs <paramref name="count"/> mutated inputs; returns the findings (at most 20, the first of each kind and place).</summary>
    public (List<Finding> Findings, TimeSpan Elapsed, int Inputs) Run(int count, int seed = 20261202, TimeSpan? limit = null)
    {
        var perInput = limit ?? TimeSpan.FromSeconds(10);
        // string.GetHashCode differs from process to process: the reader's name is folded in by its characters.
        var random = new Random(seed ^ name.Aggregate(17, (h, ch) => h * 31 + ch) & 0x7fffffff);
        var findings = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count && findings.Count < 20; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            var task = Task.Run(() => read(input).ToList());
            try
            {
                if (!task.Wait(perInput))
                {
                    findings.Add(new Finding(i, "hang", $"over {perInput.TotalSeconds} s", Clip(input)));
                    continue;
                }
                foreach (var d in task.Result.Where(d => d.Severity == Severity.Error && (d.Location is not { } at || at.Line < 1 || at.Column < 1)))
                {
                    if (seen.Add("place:" + d.Code)) findings.Add(new Finding(i, "error without a place", $"{d.Code}: {d.Message}", Clip(input)));
                }
                // A reader's own safety net turns a bug into a diagnostic for users; here it is still a crash.
                foreach (var d in task.Result.Where(d => d.Message.StartsWith("internal error", StringComparison.Ordinal)))
                {
                    if (seen.Add("internal:" + d.Message)) findings.Add(new Finding(i, "crash", $"{d.Code}: {d.Message} at {d.Location?.Line}", Clip(input)));
                }
            }
            catch (AggregateException e)
            {
                var inner = e.InnerException ?? e;
                var frame = inner.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("SchemaFirst.", StringComparison.Ordinal))?.Trim() ?? string.Empty;
                if (seen.Add(inner.GetType().Name + frame)) findings.Add(new Finding(i, "crash", $"{inner.GetType().Name}: {inner.Message} {frame}", Clip(input)));
            }
        }
        return (findings, clock.Elapsed, count);
    }

    private static string Clip(string input) => input.Length <= 300 ? input : input[..300] + $"... ({input.Length} chars)";

    /// <summary>One to three mutations of a seed.</summary>
    public static string Mutate(string seed, Random random)
    {
        var text = seed;
        var times = 1 + random.Next(3);
        for (var n = 0; n < times; n++)
        {
            text = random.Next(9) switch
            {
                0 => FlipBytes(text, random),
                1 => Tokens(text, random, drop: true),
                2 => Tokens(text, random, drop: false),
                3 => Swap(text, random),
                4 => CutAtStatement(text, random),
                5 => text.Length == 0 ? text : text[..random.Next(text.Length)],
                6 => Insert(text, random, new string('(', 1 + random.Next(5000)) + "1" + new string(')', random.Next(2) == 0 ? 0 : 1 + random.Next(5000))),
                7 => Insert(text, random, random.Next(2) == 0 ? new string('x', 100_000) : "\"" + new string('y', 100_000) + "\""),
                _ => Insert(text, random, Noise[random.Next(Noise.Length)]),
            };
        }
        return text;
    }

    private static string FlipBytes(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0) return text;
        for (var k = 1 + random.Next(4); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        return Encoding.UTF8.GetString(bytes);
    }

    [GeneratedRegex(@"\w+|\s+|.", RegexOptions.Singleline)]
    private static partial Regex TokenPattern();

    private static string Tokens(string text, Random random, bool drop)
    {
        var tokens = TokenPattern().Matches(text).Select(m => m.Value).ToList();
        if (tokens.Count == 0) return text;
        for (var k = 1 + random.Next(3); k > 0 && tokens.Count > 0; k--)
        {
            var at = random.Next(tokens.Count);
            if (drop) tokens.RemoveAt(at);
            else tokens.Insert(at, tokens[at]);
        }
        return string.Concat(tokens);
    }

    private static string Swap(string text, Random random)
    {
        var tokens = TokenPattern().Matches(text).Select(m => m.Value).ToList();
        if (tokens.Count < 2) return text;
        var (a, b) = (random.Next(tokens.Count), random.Next(tokens.Count));
        (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
        return string.Concat(tokens);
    }

    private static string CutAtStatement(string text, Random random)
    {
        var ends = new List<int>();
        for (var i = text.IndexOf(';'); i >= 0; i = text.IndexOf(';', i + 1)) ends.Add(i);
        return ends.Count == 0 ? text : text[..(ends[random.Next(ends.Count)] + random.Next(2))];
    }

    private static string Insert(string text, Random random, string what)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        return text[..at] + what + text[at..];
    }
}
