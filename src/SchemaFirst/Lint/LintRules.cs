namespace SchemaFirst.Lint;

/// <summary>
/// Represents every lint rule SchemaFirst has, in code order, found by their type (one file per rule under Rules/).
/// </summary>
public static class LintRules
{
    private static readonly Lazy<IReadOnlyList<LintRule>> AllRules = new(() => typeof(LintRule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(LintRule)) && !t.IsAbstract)
        .Select(t => (LintRule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Code, StringComparer.Ordinal)
        .ToList());

    public const string UnusedIgnore = "LN001";

    public const string UnknownRule = "LN002";

    public static IReadOnlyList<LintRule> All => AllRules.Value;

    /// <summary>A rule by its code (any case) or its name.</summary>
    public static LintRule? Find(string codeOrName) =>
        All.FirstOrDefault(r => string.Equals(r.Code, codeOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, codeOrName, StringComparison.OrdinalIgnoreCase));
}
