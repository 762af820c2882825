using System.Globalization;
using SchemaFirst.Diagnostics;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents how one rule runs after schemafirst.yaml: on or off, at which severity, with which options. Options are
/// read as text or lists of text, whatever YAML shape they were written in.
/// </summary>
public sealed class RuleSettings(bool enabled, Severity severity, IReadOnlyDictionary<string, object?> options)
{
    public bool Enabled { get; } = enabled;

    public Severity Severity { get; } = severity;

    public IReadOnlyDictionary<string, object?> Options { get; } = options;

    /// <summary>Whether the configuration named a severity (rather than only switching the rule on).</summary>
    public bool SeverityGiven { get; init; }

    public static RuleSettings Default(LintRule rule) => new(rule.OnByDefault, rule.DefaultSeverity, new Dictionary<string, object?>());

    public string Text(string name, string fallback) => Options.TryGetValue(name, out var v) && v != null ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? fallback : fallback;

    public int Number(string name, int fallback) => int.TryParse(Text(name, string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    public IReadOnlyList<string> List(string name, IReadOnlyList<string> fallback) => Options.TryGetValue(name, out var v) ? v switch
    {
        null => fallback,
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? string.Empty).ToList(),
        _ => [Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty],
    } : fallback;

    /// <summary>A finding of the rule at the configured severity.</summary>
    public LintFinding Finding(LintRule rule, string message, string subject, SourceKey? obj, SourceSpan? at, string? help = null) =>
        new(rule.Code, Severity, message, subject, obj, at, help ?? rule.Fix);
}
