namespace SchemaFirst.Diagnostics;

/// <summary>
/// Reads one line of a source file for a diagnostic's excerpt, without loading the whole file.
/// </summary>
public static class SourceText
{
    public static string? ReadLine(string path, int line)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            string? text;
            var n = 0;
            while ((text = reader.ReadLine()) != null)
            {
                if (++n == line) return text.Length > 400 ? text[..400] : text;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
