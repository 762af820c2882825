using System.Text;
using System.Text.Json;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents accepted findings of legacy schema: one entry per fingerprint (rule and object, never a line, so moving
/// code around keeps them), with a count when one object has the same finding more than once. Findings the baseline
/// holds are reported but do not fail; entries no finding matches any more are stale and reported, so the file shrinks.
/// </summary>
public sealed class LintBaseline
{
    private readonly Dictionary<string, Entry> _entries;

    private LintBaseline(Dictionary<string, Entry> entries) => _entries = entries;

    public sealed record Entry(string Fingerprint, string Code, string Subject, int Count);

    public IReadOnlyCollection<Entry> Entries => _entries.Values;

    public static LintBaseline Of(IEnumerable<LintFinding> findings) => new(findings
        .GroupBy(f => f.Fingerprint)
        .ToDictionary(g => g.Key, g => new Entry(g.Key, g.First().Code, g.First().Subject, g.Count()), StringComparer.Ordinal));

    /// <summary>Reads a baseline file; an error message when it is not one.</summary>
    public static (LintBaseline? Baseline, string? Error) Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var e in doc.RootElement.GetProperty("findings").EnumerateArray())
            {
                var fp = e.GetProperty("fingerprint").GetString()!;
                entries[fp] = new Entry(fp, e.GetProperty("rule").GetString() ?? string.Empty, e.GetProperty("object").GetString() ?? string.Empty,
                    e.TryGetProperty("count", out var c) ? c.GetInt32() : 1);
            }
            return (new LintBaseline(entries), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, "not a lint baseline (" + e.Message.Split('\n')[0] + "); write a new one with --update-baseline");
        }
    }

    /// <summary>The findings with those the baseline accepts marked, and the entries nothing matched.</summary>
    public (List<LintFinding> Findings, List<Entry> Stale) Apply(IReadOnlyList<LintFinding> findings)
    {
        var left = _entries.ToDictionary(e => e.Key, e => e.Value.Count, StringComparer.Ordinal);
        var result = new List<LintFinding>(findings.Count);
        foreach (var f in findings)
        {
            if (left.TryGetValue(f.Fingerprint, out var n) && n > 0)
            {
                left[f.Fingerprint] = n - 1;
                result.Add(f with { Baselined = true });
            }
            else
            {
                result.Add(f);
            }
        }
        var stale = _entries.Values.Where(e => left[e.Fingerprint] == e.Count).OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Subject, StringComparer.Ordinal).ToList();
        return (result, stale);
    }

    /// <summary>The file: sorted, indented, LF, so it diffs well in review.</summary>
    public string Write()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("findings");
            foreach (var e in _entries.Values.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Subject, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("rule", e.Code);
                w.WriteString("object", e.Subject);
                w.WriteString("fingerprint", e.Fingerprint);
                if (e.Count > 1) w.WriteNumber("count", e.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
