using System.Globalization;
using SchemaFirst.Diagnostics;
using SchemaFirst.Sql;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents the rule settings of a run, resolved from schemafirst.yaml's <c>lint:</c> section: per rule, on or off,
/// severity and options; per path, severity overrides. Problems in the section (an unknown rule, a severity that is not
/// one) are diagnostics, and the rule keeps its default.
/// </summary>
public sealed class LintProfile
{
    private readonly Dictionary<string, RuleSettings> _settings = new(StringComparer.Ordinal);
    private readonly List<(List<string> Paths, Dictionary<string, (bool Enabled, Severity? Severity)> Rules)> _overrides = [];

    public LintProfile(LintConfig? config, List<Diagnostic> diagnostics, string configPath = "schemafirst.yaml")
    {
        foreach (var rule in LintRules.All) _settings[rule.Code] = RuleSettings.Default(rule);
        foreach (var (key, value) in config?.Rules ?? [])
        {
            if (Resolve(key, diagnostics, configPath) is not { } rule) continue;
            _settings[rule.Code] = Read(rule, value, diagnostics, configPath);
        }
        foreach (var o in config?.Overrides ?? [])
        {
            var rules = new Dictionary<string, (bool, Severity?)>(StringComparer.Ordinal);
            foreach (var (key, value) in o.Rules ?? [])
            {
                if (Resolve(key, diagnostics, configPath) is not { } rule) continue;
                var s = Read(rule, value, diagnostics, configPath);
                if (s.Options.Count > 0)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.ConfigInvalid, $"lint: an override for {string.Join(", ", o.Paths ?? [])} sets options of {rule.Code}; overrides set only off or a severity",
                        new SourceSpan(configPath, 1, 1), "set the rule's options under lint: rules:"));
                }
                // An override that says only "on" keeps the severity configured for the whole project.
                rules[rule.Code] = (s.Enabled, s.SeverityGiven ? s.Severity : null);
            }
            _overrides.Add((o.Paths ?? [], rules));
        }
    }

    /// <summary>The settings with every rule on at its default severity (the corpus test, the conventions page's "all").</summary>
    public static LintProfile Defaults { get; } = new(null, []);

    public RuleSettings For(LintRule rule) => _settings[rule.Code];

    /// <summary>Whether a rule runs at all: on by configuration, or on for some path.</summary>
    public bool Runs(LintRule rule) => _settings[rule.Code].Enabled || _overrides.Any(o => o.Rules.TryGetValue(rule.Code, out var r) && r.Enabled);

    /// <summary>The finding as the path overrides have it; null when an override turns its rule off there.</summary>
    public LintFinding? Apply(LintFinding f)
    {
        var enabled = _settings[f.Code].Enabled;
        var severity = f.Severity;
        if (f.Location is { } at)
        {
            var path = at.Path.Replace('\\', '/');
            foreach (var (paths, rules) in _overrides)
            {
                if (!paths.Any(p => Glob.IsMatch(p, path)) || !rules.TryGetValue(f.Code, out var r)) continue;
                enabled = r.Enabled;
                if (r.Severity is { } s) severity = s;
            }
        }
        return enabled ? f with { Severity = severity } : null;
    }

    private static LintRule? Resolve(string key, List<Diagnostic> diagnostics, string configPath)
    {
        if (LintRules.Find(key) is { } rule) return rule;
        diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.ConfigInvalid, $"lint: unknown rule '{key}'", new SourceSpan(configPath, 1, 1),
            "run 'schemafirst lint --explain' for the list of rules (by code or name)"));
        return null;
    }

    private static RuleSettings Read(LintRule rule, object? value, List<Diagnostic> diagnostics, string configPath)
    {
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? level = null;
        switch (value)
        {
            case null:
                break;
            case string s:
                level = s;
                break;
            case bool b:
                level = b ? "on" : "off";
                break;
            case System.Collections.IDictionary map:
                foreach (System.Collections.DictionaryEntry e in map)
                {
                    var name = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    if (name == "severity") level = Convert.ToString(e.Value, CultureInfo.InvariantCulture);
                    else options[name] = e.Value;
                }
                break;
        }
        var enabled = true;
        var severity = rule.DefaultSeverity;
        var given = true;
        switch (level?.Trim().ToLowerInvariant())
        {
            case null or "on" or "true" or "":
                given = false;
                break;
            case "off" or "false":
                enabled = false;
                given = false;
                break;
            case "error":
                severity = Severity.Error;
                break;
            case "warning" or "warn":
                severity = Severity.Warning;
                break;
            case "info":
                severity = Severity.Info;
                break;
            default:
                diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.ConfigInvalid, $"lint: rule {rule.Code} ({rule.Name}): '{level}' is not a severity",
                    new SourceSpan(configPath, 1, 1), "write off, error, warning or info"));
                break;
        }
        foreach (var name in options.Keys.Where(k => rule.Options.All(o => o.Name != k)))
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.ConfigInvalid, $"lint: rule {rule.Code} ({rule.Name}) has no option '{name}'",
                new SourceSpan(configPath, 1, 1), rule.Options.Count == 0 ? "this rule takes no options" : "its options are " + string.Join(", ", rule.Options.Select(o => o.Name))));
        }
        foreach (var name in options.Keys.Where(k => k == "pattern").ToList())
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(Convert.ToString(options[name], CultureInfo.InvariantCulture) ?? string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.ConfigInvalid, $"lint: rule {rule.Code} ({rule.Name}): pattern is not a regular expression: {e.Message}",
                    new SourceSpan(configPath, 1, 1), "fix the pattern; the rule uses its default until then"));
                options.Remove(name);
            }
        }
        return new RuleSettings(enabled, severity, options) { SeverityGiven = given };
    }
}
