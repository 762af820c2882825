using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>NM106: boolean columns read as a question (is_, has_, can_ ...).</summary>
public sealed class BooleanPrefixRule : SchemaRule
{
    private static readonly string[] DefaultPrefixes = ["is_", "has_", "can_", "should_", "was_", "allow_", "allows_", "needs_", "show_", "use_", "enable_", "enabled", "active", "deleted", "verified"];

    public override string Code => "NM106";
    public override string Name => "boolean-prefix";
    public override string Summary => "Boolean columns start with a prefix that reads as a question (is_, has_, can_, ...), as configured.";
    public override string Why => "\"WHERE published\" could be a date, a flag or a count; \"WHERE is_published\" can only be a flag. The prefix tells readers and generated code the column's meaning before they look up its type.";
    public override string Bad => "CREATE TABLE posts (id bigint PRIMARY KEY, published boolean NOT NULL DEFAULT false);";
    public override string Good => "CREATE TABLE posts (id bigint PRIMARY KEY, is_published boolean NOT NULL DEFAULT false);";
    public override string Fix => "rename the column with a prefix (is_, has_, can_); -- schemafirst:renamed-from keeps its values";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Info;
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("prefixes", string.Join(", ", DefaultPrefixes), "accepted prefixes (a column may also be exactly one of them)")];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var prefixes = settings.List("prefixes", DefaultPrefixes);
        foreach (var t in context.Tables)
        {
            foreach (var c in t.Columns)
            {
                if (c.Type.Kind != TypeKind.Boolean || c.Type.ArrayDimensions > 0) continue;
                if (prefixes.Any(p => c.Name.StartsWith(p, StringComparison.Ordinal))) continue;
                yield return context.OnColumn(this, settings, t, c, $"boolean column \"{c.Name}\" does not start with {string.Join(", ", prefixes.Take(3))} or another configured prefix");
            }
        }
    }
}
