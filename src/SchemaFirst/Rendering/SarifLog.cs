using System.Text;
using System.Text.Json;
using SchemaFirst.Diagnostics;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes the parts every SchemaFirst SARIF 2.1.0 report shares: the log with one run, the tool's driver (whose rules
/// and results the caller writes), and a result's place in a source file.
/// </summary>
internal static class SarifLog
{
    public static string Write(string toolVersion, Action<Utf8JsonWriter> writeRules, Action<Utf8JsonWriter> writeResults)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "SchemaFirst");
            w.WriteString("semanticVersion", toolVersion);
            w.WriteStartArray("rules");
            writeRules(w);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            writeResults(w);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>
    /// Opens a result: its rule (by id and index), level and message, and the opened <c>locations</c> array with its
    /// first location object, whose physical place is written when known; the caller adds what else it has and closes
    /// the location, the array and the result.
    /// </summary>
    public static void StartResult(Utf8JsonWriter w, string ruleId, int ruleIndex, string level, string text, SourceSpan? at)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", ruleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", level);
        w.WriteStartObject("message");
        w.WriteString("text", text);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        if (at != null) WritePhysicalLocation(w, at);
    }

    /// <summary>The <c>physicalLocation</c> of a place in a source file (inside a location object the caller opened).</summary>
    public static void WritePhysicalLocation(Utf8JsonWriter w, SourceSpan at)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", ReportEscaping.Uri(at.Path));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", at.Line);
        w.WriteNumber("startColumn", at.Column);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
