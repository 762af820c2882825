using SchemaFirst.Diagnostics;

namespace SchemaFirst.Audit.Extraction;

/// <summary>
/// Represents the text of one string literal (or a chain of literals joined in code) that may hold SQL, with, for each
/// character, where it stands in the application file, so a finding inside the SQL points at the right line and column
/// of the code. Parts of the string built at run time (interpolation holes, concatenated variables, printf and format
/// placeholders) read as parameters <c>$n</c>; <see cref="Holes"/> says where they are, so a table name built at run
/// time is known to be unknown rather than reported.
/// </summary>
public sealed class SqlSnippet
{
    internal SqlSnippet(string path, string text, int[] map, IReadOnlyList<int> holes, SourceLines lines, string language, IReadOnlySet<int>? valueHoles = null)
    {
        ValueHoles = valueHoles ?? new HashSet<int>();
        Path = path;
        Text = text;
        Map = map;
        Holes = holes;
        Lines = lines;
        Language = language;
    }

    public string Path { get; }

    /// <summary>The SQL as the program sends it, holes written as <c>$n</c>.</summary>
    public string Text { get; }

    /// <summary>The offset in the source file of each character of <see cref="Text"/>, and one past the last.</summary>
    internal int[] Map { get; }

    /// <summary>The offsets in <see cref="Text"/> where a part built at run time begins.</summary>
    public IReadOnlyList<int> Holes { get; }

    /// <summary>
    /// The holes that stand for exactly one value (a driver's placeholder such as <c>%s</c>, a tagged template's
    /// <c>${x}</c>); the others may stand for any SQL text (several values, a list, a condition).
    /// </summary>
    public IReadOnlySet<int> ValueHoles { get; }

    /// <summary>Whether a hole starts at this offset that may stand for SQL text rather than one value.</summary>
    public bool IsTextHole(int offset) => !ValueHoles.Contains(offset) && Holes.Contains(offset);

    internal SourceLines Lines { get; }

    /// <summary>The language the snippet was read from (csharp, java, python, ..., sql).</summary>
    public string Language { get; }

    /// <summary>Where a character of the SQL stands in the application file.</summary>
    public SourceSpan At(int textOffset, int length = 1)
    {
        var offset = Map[Math.Clamp(textOffset, 0, Map.Length - 1)];
        var (line, column) = Lines.Position(offset);
        return new SourceSpan(Path, line, column, Math.Max(1, length));
    }

    /// <summary>The line the snippet starts on.</summary>
    public int StartLine => Lines.Position(Map[0]).Line;

    /// <summary>The line the snippet ends on.</summary>
    public int EndLine => Lines.Position(Map[^1]).Line;

    /// <summary>Whether the text between two offsets contains a part built at run time.</summary>
    public bool HasHole(int start, int end)
    {
        foreach (var h in Holes)
        {
            if (h >= start && h < end) return true;
        }
        return false;
    }
}

/// <summary>Represents the start offsets of a file's lines, to turn an offset into a 1-based line and column.</summary>
internal sealed class SourceLines
{
    private readonly List<int> _starts = [0];

    public SourceLines(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') _starts.Add(i + 1);
        }
    }

    public (int Line, int Column) Position(int offset)
    {
        var i = _starts.BinarySearch(offset);
        if (i < 0) i = ~i - 1;
        return (i + 1, offset - _starts[i] + 1);
    }
}

/// <summary>
/// Builds a snippet character by character from the decoded contents of literals, keeping each character's place in
/// the source file.
/// </summary>
internal sealed class SnippetBuilder
{
    private readonly System.Text.StringBuilder _text = new();
    private readonly List<int> _map = [];
    private readonly List<int> _holes = [];
    private readonly HashSet<int> _valueHoles = [];
    private int _holeCount;
    private int _end;

    /// <summary>Whether any literal text was added (a chain of variables alone is not a snippet).</summary>
    public bool HasText { get; private set; }

    public int Length => _text.Length;

    public void Add(char c, int source)
    {
        _text.Append(c);
        _map.Add(source);
        _end = source + 1;
        HasText = true;
    }

    /// <summary>Adds characters that stand at consecutive offsets in the source.</summary>
    public void AddRun(string text, int start, int end)
    {
        for (var i = start; i < end; i++) Add(text[i], i);
    }

    /// <summary>Holes added from now on stand for one value each (a tagged template's, EF Core's interpolated SQL).</summary>
    public bool ValueHoles { get; set; }

    /// <summary>Adds a part built at run time, which the SQL reads as a parameter.</summary>
    public void Hole(int source, int sourceEnd = -1)
    {
        if (ValueHoles) _valueHoles.Add(_text.Length);
        _holes.Add(_text.Length);
        var name = "$" + (++_holeCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var ch in name)
        {
            _text.Append(ch);
            _map.Add(source);
        }
        _end = Math.Max(_end, sourceEnd >= 0 ? sourceEnd : source + 1);
    }

    public SqlSnippet? Build(string path, SourceLines lines, string language)
    {
        if (!HasText) return null;
        var (text, map, holes, values) = Placeholders.Replace(_text.ToString(), _map, _holes, _valueHoles, ref _holeCount);
        map.Add(_end);
        return new SqlSnippet(path, text, map.ToArray(), holes, lines, language, values);
    }
}
