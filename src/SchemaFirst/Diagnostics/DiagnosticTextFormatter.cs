using System.Text;

namespace SchemaFirst.Diagnostics;

/// <summary>
/// Writes diagnostics as <c>path:line:col: severity CODE: message</c>, followed by the source line and a caret.
/// </summary>
public static class DiagnosticTextFormatter
{
    public static string Format(Diagnostic d, Func<string, int, string?>? lineReader = null)
    {
        var sb = new StringBuilder();
        if (d.Location is { } loc) sb.Append(loc.Path).Append(':').Append(loc.Line).Append(':').Append(loc.Column).Append(": ");
        sb.Append(SeverityName(d.Severity)).Append(' ').Append(d.Code).Append(": ").Append(d.Message).Append('\n');
        if (d.Location is { } at && at.Line > 0)
        {
            var line = (lineReader ?? SourceText.ReadLine)(at.Path, at.Line);
            if (line != null)
            {
                var gutter = at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sb.Append(' ').Append(gutter).Append(" | ").Append(line.Replace('\t', ' ')).Append('\n');
                var col = Math.Clamp(at.Column, 1, line.Length + 1);
                var width = Math.Clamp(at.Length, 1, Math.Max(1, line.Length - col + 1));
                sb.Append(' ').Append(' ', gutter.Length).Append(" | ").Append(' ', col - 1).Append('^', width).Append('\n');
            }
        }
        if (d.Help != null) sb.Append("  help: ").Append(d.Help).Append('\n');
        return sb.ToString();
    }

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
