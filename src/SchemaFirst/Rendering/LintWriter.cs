using System.Text;
using System.Text.Json;
using SchemaFirst.Diagnostics;
using SchemaFirst.Lint;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes lint findings: text grouped by file (for people), json (for tools), github (workflow annotations on the
/// lines) and sarif (2.1.0, for code scanning). Findings a baseline accepts are left out of text and annotations, and
/// kept, marked, in json and sarif.
/// </summary>
public static class LintWriter
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "sarif", "github"];

    public sealed record Report(IReadOnlyList<LintFinding> Findings, IReadOnlyList<LintBaseline.Entry> Stale, string Target)
    {
        public int Count(Severity s) => Findings.Count(f => f.Severity == s && !f.Baselined);

        public int Baselined => Findings.Count(f => f.Baselined);

        public int Failing => Findings.Count(f => f.Fails);
    }

    public static string Write(Report report, string format, string toolVersion) => format switch
    {
        "json" => Json(report),
        "sarif" => Sarif(report, toolVersion),
        "github" => GitHub(report),
        _ => Text(report),
    };

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    public static string Summary(Report r)
    {
        var shown = r.Findings.Count(f => !f.Baselined);
        var sb = new StringBuilder();
        sb.Append(shown == 0 ? "No findings" : $"{shown} finding{(shown == 1 ? string.Empty : "s")}: {r.Count(Severity.Error)} error{(r.Count(Severity.Error) == 1 ? string.Empty : "s")}, {r.Count(Severity.Warning)} warning{(r.Count(Severity.Warning) == 1 ? string.Empty : "s")}, {r.Count(Severity.Info)} info");
        sb.Append(" in ").Append(r.Target);
        var notes = new List<string>();
        if (r.Baselined > 0) notes.Add($"{r.Baselined} accepted by the baseline");
        var legacy = r.Findings.Count(f => f.Legacy && !f.Baselined);
        if (legacy > 0) notes.Add($"{legacy} on unchanged objects, not failing");
        if (r.Stale.Count > 0) notes.Add($"{r.Stale.Count} stale baseline entr{(r.Stale.Count == 1 ? "y" : "ies")}");
        if (notes.Count > 0) sb.Append(" (").Append(string.Join(", ", notes)).Append(')');
        return sb.Append('.').ToString();
    }

    /// <summary>Grouped by file, one line per finding (line:col, severity, code, message) and its help below it.</summary>
    public static string Text(Report report)
    {
        var sb = new StringBuilder();
        string? group = null;
        foreach (var f in report.Findings.Where(f => !f.Baselined))
        {
            var g = f.Location?.Path ?? report.Target;
            if (g != group)
            {
                if (group != null) sb.Append('\n');
                sb.Append(g).Append('\n');
                group = g;
            }
            sb.Append("  ");
            if (f.Location is { } at) sb.Append(at.Line).Append(':').Append(at.Column).Append("  ");
            sb.Append(Level(f.Severity)).Append(' ').Append(f.Code).Append(": ").Append(f.Message);
            if (f.Legacy) sb.Append(" [unchanged]");
            sb.Append('\n');
            if (f.Help != null) sb.Append("      help: ").Append(f.Help).Append('\n');
        }
        if (report.Stale.Count > 0)
        {
            if (group != null) sb.Append('\n');
            sb.Append("Stale baseline entries (their findings are gone; run lint --update-baseline to drop them):\n");
            foreach (var e in report.Stale) sb.Append("  ").Append(e.Code).Append(' ').Append(e.Subject).Append('\n');
        }
        if (sb.Length > 0) sb.Append('\n');
        return sb.Append(Summary(report)).Append('\n').ToString();
    }

    public static string Json(Report report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("target", report.Target);
            w.WriteStartObject("summary");
            w.WriteNumber("errors", report.Count(Severity.Error));
            w.WriteNumber("warnings", report.Count(Severity.Warning));
            w.WriteNumber("info", report.Count(Severity.Info));
            w.WriteNumber("baselined", report.Baselined);
            w.WriteNumber("failing", report.Failing);
            w.WriteEndObject();
            w.WritePropertyName("findings");
            WriteFindings(w, report.Findings);
            w.WriteStartArray("stale_baseline");
            foreach (var e in report.Stale)
            {
                w.WriteStartObject();
                w.WriteString("rule", e.Code);
                w.WriteString("object", e.Subject);
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The findings as a JSON array (also the plan JSON's "lint").</summary>
    public static void WriteFindings(Utf8JsonWriter w, IEnumerable<LintFinding> findings)
    {
        w.WriteStartArray();
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("rule", f.Code);
            w.WriteString("name", LintRules.Find(f.Code)?.Name);
            w.WriteString("severity", Level(f.Severity));
            w.WriteString("message", f.Message);
            w.WriteString("object", f.Subject);
            if (f.Location is { } at)
            {
                w.WriteString("file", at.Path);
                w.WriteNumber("line", at.Line);
                w.WriteNumber("column", at.Column);
            }
            if (f.Help != null) w.WriteString("help", f.Help);
            w.WriteString("fingerprint", f.Fingerprint);
            if (f.Baselined) w.WriteBoolean("baselined", true);
            if (f.Legacy) w.WriteBoolean("unchanged", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>GitHub workflow commands: an annotation per finding, on its line when it has one.</summary>
    public static string GitHub(Report report)
    {
        var sb = new StringBuilder();
        foreach (var f in report.Findings.Where(f => !f.Baselined))
        {
            sb.Append("::").Append(f.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" }).Append(' ');
            if (f.Location is { } at) sb.Append("file=").Append(ReportEscaping.Property(at.Path)).Append(",line=").Append(at.Line).Append(",col=").Append(at.Column).Append(',');
            sb.Append("title=").Append(ReportEscaping.Property($"SchemaFirst {f.Code} ({LintRules.Find(f.Code)?.Name})")).Append("::")
                .Append(ReportEscaping.Data(f.Message + (f.Help != null ? " (" + f.Help + ")" : string.Empty))).Append('\n');
        }
        sb.Append("::notice title=SchemaFirst lint::").Append(ReportEscaping.Data(Summary(report))).Append('\n');
        return sb.ToString();
    }

    /// <summary>SARIF 2.1.0: the rules that produced findings (with their help), and one result per finding.</summary>
    public static string Sarif(Report report, string toolVersion)
    {
        var rules = report.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).Select(c => LintRules.Find(c)!).ToList();
        var index = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return SarifLog.Write(toolVersion, w =>
        {
            foreach (var r in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Code);
                w.WriteString("name", string.Concat(r.Name.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", r.Summary);
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", r.Why);
                w.WriteEndObject();
                w.WriteStartObject("help");
                w.WriteString("text", "Fix: " + r.Fix);
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Sarif(r.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteStartArray("tags");
                w.WriteStringValue(r.Family);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }, w =>
        {
            foreach (var f in report.Findings)
            {
                SarifLog.StartResult(w, f.Code, index[f.Code], Sarif(f.Severity), f.Message + (f.Help != null ? " (" + f.Help + ")" : string.Empty), f.Location);
                w.WriteStartArray("logicalLocations");
                w.WriteStartObject();
                w.WriteString("fullyQualifiedName", f.Subject);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("partialFingerprints");
                w.WriteString("schemaFinding/v1", f.Fingerprint);
                w.WriteEndObject();
                if (f.Baselined)
                {
                    w.WriteString("baselineState", "unchanged");
                    w.WriteStartArray("suppressions");
                    w.WriteStartObject();
                    w.WriteString("kind", "external");
                    w.WriteString("justification", "accepted by the lint baseline");
                    w.WriteEndObject();
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
        });
    }

    private static string Sarif(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    /// <summary>What <c>lint --explain CODE</c> prints.</summary>
    public static string Explain(LintRule rule, RuleSettings? settings = null)
    {
        var sb = new StringBuilder();
        sb.Append(rule.Code).Append(' ').Append(rule.Name).Append(" (").Append(rule.Family).Append(", ")
            .Append(Level(settings?.Severity ?? rule.DefaultSeverity)).Append((settings?.Enabled ?? rule.OnByDefault) ? string.Empty : ", off unless configured").Append(")\n\n");
        sb.Append(rule.Summary).Append("\n\nWhy: ").Append(rule.Why).Append("\n\n");
        sb.Append("Fires on:\n").Append(Indent(rule.Bad)).Append("\nDoes not fire on:\n").Append(Indent(rule.Good));
        sb.Append("\nFix: ").Append(rule.Fix).Append('\n');
        if (rule.Options.Count > 0)
        {
            sb.Append("\nOptions (schemafirst.yaml, lint: rules: ").Append(rule.Code).Append(": { ... }):\n");
            foreach (var (name, dflt, meaning) in rule.Options) sb.Append("  ").Append(name).Append(": ").Append(meaning).Append(" (default: ").Append(dflt).Append(")\n");
        }
        sb.Append("\nSuppress one finding: -- schemafirst:ignore ").Append(rule.Code).Append(" <reason>, on the object's line.\n");
        return sb.ToString();
    }

    private static string Indent(string sql) => string.Concat(sql.Split('\n').Select(l => "    " + l + "\n"));
}
