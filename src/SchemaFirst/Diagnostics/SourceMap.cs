namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents where each object of a model was declared, kept apart from the model so that models compare by content.
/// Keys are object keys such as <c>table:public.users</c> or <c>column:public.users.email</c>.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourceSpan> _spans = new(StringComparer.Ordinal);

    public void Set(string key, SourceSpan span) => _spans[key] = span;

    public void TryAdd(string key, SourceSpan span) => _spans.TryAdd(key, span);

    public SourceSpan? Find(string key) => _spans.TryGetValue(key, out var span) ? span : null;

    public int Count => _spans.Count;
}
