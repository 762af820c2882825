using System.Text.Json;

namespace SchemaFirst.Diagnostics;

/// <summary>
/// Writes diagnostics as JSON objects with stable property names.
/// </summary>
public static class DiagnosticJsonWriter
{
    public static void Write(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("severity", DiagnosticTextFormatter.SeverityName(d.Severity));
        w.WriteString("code", d.Code);
        w.WriteString("message", d.Message);
        if (d.Location is { } l)
        {
            w.WriteString("file", l.Path);
            w.WriteNumber("line", l.Line);
            w.WriteNumber("column", l.Column);
        }
        if (d.Help != null) w.WriteString("help", d.Help);
        w.WriteEndObject();
    }
}
