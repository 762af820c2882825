using System.Text;
using System.Text.Json;
using SchemaFirst.Audit;
using SchemaFirst.Diagnostics;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes audit findings: text grouped by application file, json (file, line, column, code, message), github (workflow
/// annotations on the lines) and sarif (2.1.0, for code scanning).
/// </summary>
public static class AuditWriter
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "sarif", "github"];

    public static string Write(AuditReport report, string format, string toolVersion, bool impact, bool verbose = false) => format switch
    {
        "json" => Json(report, impact),
        "sarif" => Sarif(report, toolVersion),
        "github" => GitHub(report, impact),
        _ => Text(report, impact, verbose),
    };

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    private static string Name(string code) => AuditCodes.All.First(c => c.Code == code).Name;

    public static string Summary(AuditReport r, bool impact)
    {
        var sb = new StringBuilder();
        var n = r.Findings.Count;
        if (impact) sb.Append(n == 0 ? "The plan breaks no SQL in the application" : $"The plan would break {n} call site{(n == 1 ? string.Empty : "s")} ({r.Count(Severity.Error)} error{(r.Count(Severity.Error) == 1 ? string.Empty : "s")}, {r.Count(Severity.Warning)} warning{(r.Count(Severity.Warning) == 1 ? string.Empty : "s")})");
        else sb.Append(n == 0 ? "No findings" : $"{n} finding{(n == 1 ? string.Empty : "s")}: {r.Count(Severity.Error)} error{(r.Count(Severity.Error) == 1 ? string.Empty : "s")}, {r.Count(Severity.Warning)} warning{(r.Count(Severity.Warning) == 1 ? string.Empty : "s")}");
        sb.Append($" in {r.Statements} SQL statement{(r.Statements == 1 ? string.Empty : "s")} of {r.Files} file{(r.Files == 1 ? string.Empty : "s")}");
        var notes = new List<string>();
        if (r.Partial > 0) notes.Add($"{r.Partial} read a table or function whose columns are only known at run time (checked as far as they go)");
        var assembled = r.Findings.Count(f => f.Code == AuditCodes.Unreadable && f.Severity == Severity.Info);
        if (r.Unreadable - assembled > 0) notes.Add($"{r.Unreadable - assembled} could not be read");
        if (assembled > 0) notes.Add($"{assembled} assembled at run time could not be read as written (--verbose lists them)");
        if (r.NotAudited > 0) notes.Add($"{r.NotAudited} other statement{(r.NotAudited == 1 ? string.Empty : "s")} (DDL, transaction control) not audited");
        if (r.Ignored > 0) notes.Add($"{r.Ignored} silenced by schemafirst:ignore");
        if (notes.Count > 0) sb.Append(" (").Append(string.Join("; ", notes)).Append(')');
        return sb.Append('.').ToString();
    }

    public static string Text(AuditReport report, bool impact, bool verbose = false)
    {
        var sb = new StringBuilder();
        string? group = null;
        foreach (var f in report.Findings.Where(f => verbose || f.Severity != Severity.Info))
        {
            if (f.Location.Path != group)
            {
                if (group != null) sb.Append('\n');
                sb.Append(f.Location.Path).Append('\n');
                group = f.Location.Path;
            }
            sb.Append("  ").Append(f.Location.Line).Append(':').Append(f.Location.Column).Append("  ")
                .Append(Level(f.Severity)).Append(' ').Append(f.Code).Append(": ").Append(f.Message).Append('\n');
            if (f.Impact != null) sb.Append("      after the plan: ").Append(f.Impact).Append('\n');
            if (f.Help != null) sb.Append("      help: ").Append(f.Help).Append('\n');
            if (f.Statement.Length > 0) sb.Append("      in: ").Append(f.Statement).Append('\n');
        }
        if (sb.Length > 0) sb.Append('\n');
        return sb.Append(Summary(report, impact)).Append('\n').ToString();
    }

    public static string Json(AuditReport report, bool impact)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("mode", impact ? "plan-impact" : "audit");
            w.WriteStartObject("summary");
            w.WriteNumber("files", report.Files);
            w.WriteNumber("statements", report.Statements);
            w.WriteNumber("errors", report.Count(Severity.Error));
            w.WriteNumber("warnings", report.Count(Severity.Warning));
            w.WriteNumber("partial", report.Partial);
            w.WriteNumber("unreadable", report.Unreadable);
            w.WriteNumber("not_audited", report.NotAudited);
            w.WriteNumber("ignored", report.Ignored);
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("file", f.Location.Path);
                w.WriteNumber("line", f.Location.Line);
                w.WriteNumber("column", f.Location.Column);
                w.WriteString("code", f.Code);
                w.WriteString("name", Name(f.Code));
                w.WriteString("severity", Level(f.Severity));
                w.WriteString("message", f.Message);
                if (f.Help != null) w.WriteString("help", f.Help);
                if (f.Impact != null) w.WriteString("impact", f.Impact);
                w.WriteString("statement", f.Statement);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static string GitHub(AuditReport report, bool impact)
    {
        var sb = new StringBuilder();
        foreach (var f in report.Findings.Where(f => f.Severity != Severity.Info))
        {
            sb.Append("::").Append(f.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" }).Append(' ')
                .Append("file=").Append(ReportEscaping.Property(f.Location.Path)).Append(",line=").Append(f.Location.Line).Append(",col=").Append(f.Location.Column).Append(',')
                .Append("title=").Append(ReportEscaping.Property($"SchemaFirst {f.Code} ({Name(f.Code)})")).Append("::")
                .Append(ReportEscaping.Data(f.Message + (f.Impact != null ? " [after the plan: " + f.Impact + "]" : string.Empty) + (f.Help != null ? " (" + f.Help + ")" : string.Empty))).Append('\n');
        }
        sb.Append("::notice title=SchemaFirst audit::").Append(ReportEscaping.Data(Summary(report, impact))).Append('\n');
        return sb.ToString();
    }

    public static string Sarif(AuditReport report, string toolVersion)
    {
        var codes = report.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return SarifLog.Write(toolVersion, w =>
        {
            foreach (var code in codes)
            {
                var rule = AuditCodes.All.First(c => c.Code == code);
                w.WriteStartObject();
                w.WriteString("id", code);
                w.WriteString("name", string.Concat(rule.Name.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Summary);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }, w =>
        {
            foreach (var f in report.Findings)
            {
                SarifLog.StartResult(w, f.Code, index[f.Code], Level(f.Severity) == "info" ? "note" : Level(f.Severity),
                    f.Message + (f.Impact != null ? " [after the plan: " + f.Impact + "]" : string.Empty) + (f.Help != null ? " (" + f.Help + ")" : string.Empty), f.Location);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
        });
    }
}
