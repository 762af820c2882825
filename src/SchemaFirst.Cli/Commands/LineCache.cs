namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Represents source lines read for diagnostic excerpts, each file read at most once per run and only up to the
/// furthest line asked for.
/// </summary>
internal sealed class LineCache
{
    private readonly Dictionary<string, List<string>> _files = new(StringComparer.Ordinal);

    public string? Read(string path, int line)
    {
        if (!_files.TryGetValue(path, out var lines))
        {
            lines = new List<string>();
            _files[path] = lines;
        }
        if (line <= lines.Count) return lines[line - 1];
        try
        {
            using var reader = new StreamReader(path);
            lines.Clear();
            string? text;
            while (lines.Count < line && (text = reader.ReadLine()) != null) lines.Add(text.Length > 400 ? text[..400] : text);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        return line <= lines.Count ? lines[line - 1] : null;
    }
}
