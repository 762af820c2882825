namespace SchemaFirst.Rendering;

/// <summary>
/// Represents the escaping the CI report formats need: GitHub workflow command data and properties, and SARIF artifact
/// URIs (relative paths stay relative to the working directory).
/// </summary>
internal static class ReportEscaping
{
    public static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    public static string Uri(string path)
    {
        if (Path.IsPathRooted(path)) return new System.Uri(path).AbsoluteUri;
        return string.Join("/", path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
    }
}
