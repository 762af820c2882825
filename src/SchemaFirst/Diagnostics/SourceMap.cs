namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents where each object of a model was declared, kept apart from the model so that models compare by content.
/// Positions are stored compactly and turned into a <see cref="SourceSpan"/> only when one is asked for.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<SourceKey, Position> _positions = new();
    private readonly List<string> _paths = new();
    private readonly Dictionary<string, int> _pathIndex = new(StringComparer.Ordinal);

    private readonly Dictionary<SourceKey, List<SourceDirective>> _directives = new();
    private readonly List<SourceKey> _directiveOrder = new();

    private readonly record struct Position(int Path, int Line, int Column, int Length);

    public int Count => _positions.Count;

    /// <summary>Relations whose CREATE statement is marked <c>-- schemafirst:skip</c>: out of the model, and left alone in a database.</summary>
    public List<Model.QualifiedName> Skipped { get; } = [];

    public void Set(SourceKey key, string path, int line, int column, int length) => _positions[key] = new Position(PathIndex(path), line, column, length);

    public void TryAdd(SourceKey key, string path, int line, int column, int length) => _positions.TryAdd(key, new Position(PathIndex(path), line, column, length));

    public SourceSpan? Find(SourceKey key) =>
        _positions.TryGetValue(key, out var p) ? new SourceSpan(_paths[p.Path], p.Line, p.Column, p.Length) : null;

    public SourceSpan? Find(SourceKind kind, Model.QualifiedName name, string? member = null) => Find(new SourceKey(kind, name, member));

    /// <summary>The first place (in file order) an object of this kind and name was declared, whatever its member (a routine's arguments).</summary>
    public SourceSpan? FindAny(SourceKind kind, Model.QualifiedName name)
    {
        Position? best = null;
        foreach (var (key, p) in _positions)
        {
            if (key.Kind != kind || key.Name != name) continue;
            if (best is not { } b || (p.Path, p.Line, p.Column).CompareTo((b.Path, b.Line, b.Column)) < 0) best = p;
        }
        return best is { } f ? new SourceSpan(_paths[f.Path], f.Line, f.Column, f.Length) : null;
    }

    private int PathIndex(string path)
    {
        if (_pathIndex.TryGetValue(path, out var i)) return i;
        _pathIndex[path] = _paths.Count;
        _paths.Add(path);
        return _paths.Count - 1;
    }

    /// <summary>
    /// The same places and directives under other keys (the source converted to another dialect, where names change
    /// schema); a key mapped to null is left out.
    /// </summary>
    public SourceMap Rekey(Func<SourceKey, SourceKey?> rekey)
    {
        var map = new SourceMap();
        foreach (var (key, p) in _positions)
        {
            if (rekey(key) is { } k) map.TryAdd(k, _paths[p.Path], p.Line, p.Column, p.Length);
        }
        foreach (var key in _directiveOrder)
        {
            if (rekey(key) is not { } k) continue;
            foreach (var d in _directives[key]) map.AddDirective(k, d);
        }
        return map;
    }

    /// <summary>Keeps a directive with the object it was written on.</summary>
    public void AddDirective(SourceKey key, SourceDirective directive)
    {
        if (!_directives.TryGetValue(key, out var list))
        {
            _directives[key] = list = new List<SourceDirective>();
            _directiveOrder.Add(key);
        }
        list.Add(directive);
    }

    /// <summary>The directives written on an object, in source order (none when it has none).</summary>
    public IReadOnlyList<SourceDirective> DirectivesOf(SourceKey key) => _directives.TryGetValue(key, out var list) ? list : [];

    /// <summary>The directives written on an object of a kind, by its name and member.</summary>
    public IReadOnlyList<SourceDirective> DirectivesOf(SourceKind kind, Model.QualifiedName name, string? member = null) => DirectivesOf(new SourceKey(kind, name, member));

    /// <summary>Every object that carries directives, with them, in the order they were first written.</summary>
    public IEnumerable<(SourceKey Object, IReadOnlyList<SourceDirective> Directives)> Directives =>
        _directiveOrder.Select(k => (k, (IReadOnlyList<SourceDirective>)_directives[k]));
}
