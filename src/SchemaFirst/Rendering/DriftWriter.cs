using System.Text;
using System.Text.Json;
using SchemaFirst.Drift;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes a drift report: text (one line per object, file:line:col first, as compilers do), json (for tools), md (a
/// pull-request comment), github (workflow annotations on the source lines) and sarif (2.1.0, for code scanning).
/// Deterministic: no dates, LF endings, items in source order.
/// </summary>
public static class DriftWriter
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "md", "github", "sarif"];

    public static string Write(DriftReport report, string format, string toolVersion) => format switch
    {
        "json" => Json(report),
        "md" => Markdown(report),
        "github" => GitHub(report),
        "sarif" => Sarif(report, toolVersion),
        _ => Text(report),
    };

    private static string Where(DriftItem item) => item.Location is { } l ? $"{l.Path}:{l.Line}:{l.Column}" : "(database only)";

    public static string Text(DriftReport report)
    {
        var sb = new StringBuilder();
        if (!report.HasDrift)
        {
            sb.Append("No drift: ").Append(report.Database).Append(" matches ").Append(report.Source).Append(".\n");
            return sb.ToString();
        }
        sb.Append("Drift: ").Append(report.Database).Append(" differs from ").Append(report.Source).Append(" in ")
            .Append(PlanSqlWriter.Count(report.Items.Count, "object")).Append(" (")
            .Append(string.Join(", ", report.Items.GroupBy(i => i.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))).Append(").\n");
        foreach (var item in report.Items) sb.Append(Where(item)).Append(": ").Append(item.Describe()).Append('\n');
        return sb.ToString();
    }

    public static string Json(DriftReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("source", report.Source);
            w.WriteString("database", report.Database);
            w.WriteBoolean("drift", report.HasDrift);
            w.WriteStartArray("items");
            foreach (var item in report.Items)
            {
                w.WriteStartObject();
                w.WriteString("state", item.State.ToString().ToLowerInvariant());
                w.WriteString("kind", item.Kind);
                w.WriteString("object", item.Object);
                w.WriteStartArray("details");
                foreach (var d in item.Details) w.WriteStringValue(d);
                w.WriteEndArray();
                if (item.Location is { } l)
                {
                    w.WriteStartObject("location");
                    w.WriteString("path", l.Path);
                    w.WriteNumber("line", l.Line);
                    w.WriteNumber("column", l.Column);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("location");
                }
                if (item.DatabaseSql != null) w.WriteString("database_sql", item.DatabaseSql);
                if (item.SourceSql != null) w.WriteString("source_sql", item.SourceSql);
                w.WriteStartArray("fix");
                foreach (var f in item.Fix) w.WriteStringValue(f);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Markdown(DriftReport report)
    {
        var sb = new StringBuilder();
        sb.Append("### Schema drift\n\n");
        if (!report.HasDrift)
        {
            sb.Append("No drift: `").Append(report.Database).Append("` matches `").Append(report.Source).Append("`.\n");
            return sb.ToString();
        }
        sb.Append('`').Append(report.Database).Append("` differs from `").Append(report.Source).Append("` in ").Append(PlanSqlWriter.Count(report.Items.Count, "object")).Append(".\n\n");
        sb.Append("| | object | what differs | source |\n|---|---|---|---|\n");
        foreach (var item in report.Items)
        {
            sb.Append("| ").Append(item.State.ToString().ToLowerInvariant()).Append(" | ").Append(Cell(item.Kind + " " + item.Object)).Append(" | ")
                .Append(Cell(string.Join("; ", item.Details))).Append(" | ").Append(item.Location is { } l ? $"`{l.Path}:{l.Line}`" : "database only").Append(" |\n");
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>GitHub Actions workflow commands: an error annotation on each object's source line.</summary>
    public static string GitHub(DriftReport report)
    {
        var sb = new StringBuilder();
        foreach (var item in report.Items)
        {
            sb.Append("::error ");
            if (item.Location is { } l) sb.Append("file=").Append(ReportEscaping.Property(l.Path)).Append(",line=").Append(l.Line).Append(",col=").Append(l.Column).Append(',');
            sb.Append("title=").Append(ReportEscaping.Property("Schema drift (" + item.RuleId + ")")).Append("::").Append(ReportEscaping.Data(item.Describe() + " in " + report.Database)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>SARIF 2.1.0: one result per object, with three rules (missing, extra, changed) and the source region.</summary>
    public static string Sarif(DriftReport report, string toolVersion) => SarifLog.Write(toolVersion, w =>
    {
        foreach (var (id, name, text) in new[]
                 {
                     ("SFD001", "MissingInDatabase", "An object of the source is missing from the database."),
                     ("SFD002", "ExtraInDatabase", "The database has an object the source does not declare."),
                     ("SFD003", "ChangedInDatabase", "An object differs between the source and the database."),
                 })
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", text);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", "error");
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }, w =>
    {
        foreach (var item in report.Items)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", item.RuleId);
            w.WriteNumber("ruleIndex", item.State switch { DriftState.Missing => 0, DriftState.Extra => 1, _ => 2 });
            w.WriteString("level", "error");
            w.WriteStartObject("message");
            w.WriteString("text", item.Describe() + " in " + report.Database);
            w.WriteEndObject();
            w.WriteStartArray("locations");
            if (item.Location is { } l)
            {
                w.WriteStartObject();
                SarifLog.WritePhysicalLocation(w, l);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("partialFingerprints");
            w.WriteString("schemaObject/v1", item.State.ToString().ToLowerInvariant() + " " + item.Kind + " " + item.Object);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    });
}
