namespace SchemaFirst.Lint;

/// <summary>
/// Represents the <c>lint:</c> section of schemafirst.yaml: per rule (by code or name) <c>off</c>, a severity
/// (<c>error</c>, <c>warning</c>, <c>info</c>) or a map of <c>severity</c> and the rule's options; per-path overrides of
/// the same shape; and the baseline file.
/// </summary>
public sealed class LintConfig
{
    public Dictionary<string, object?>? Rules { get; init; }

    public List<LintOverride>? Overrides { get; init; }

    /// <summary>The baseline file (default .schemafirst/lint-baseline.json, used when it exists).</summary>
    public string? Baseline { get; init; }
}

/// <summary>
/// Represents rule settings that hold only for findings in files matching one of <see cref="Paths"/> (globs).
/// </summary>
public sealed class LintOverride
{
    public List<string>? Paths { get; init; }

    public Dictionary<string, object?>? Rules { get; init; }
}
