using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Loading;

/// <summary>
/// Represents the outcome of loading a source: the model, where each object came from, the diagnostics, and counts
/// of what was read but not modelled.
/// </summary>
public sealed record LoadResult(Database Model, SourceMap SourceMap, IReadOnlyList<Diagnostic> Diagnostics, LoadStatistics Statistics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
