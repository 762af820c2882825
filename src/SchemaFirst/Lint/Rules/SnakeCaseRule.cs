using System.Text.RegularExpressions;

namespace SchemaFirst.Lint.Rules;

/// <summary>NM101: every identifier in the configured case (snake_case by default).</summary>
public sealed partial class SnakeCaseRule : SchemaRule
{
    public override string Code => "NM101";
    public override string Name => "identifier-case";
    public override string Summary => "Tables, columns, constraints, indexes, views, types and sequences are named in snake_case (or the configured pattern).";
    public override string Why => "PostgreSQL folds unquoted names to lower case, so a name like \"OrderItems\" must be quoted in every query forever, and one written once without quotes is a different, missing name. One case everywhere also makes generated code and docs predictable.";
    public override string Bad => "CREATE TABLE \"OrderItems\" (id bigint PRIMARY KEY, \"unitPrice\" numeric);";
    public override string Good => "CREATE TABLE order_items (id bigint PRIMARY KEY, unit_price numeric);";
    public override string Fix => "rename the object to snake_case (-- schemafirst:renamed-from old_name keeps its data when the plan runs)";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("pattern", "^[a-z_][a-z0-9_]*$", "a regular expression every name must match")];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var pattern = settings.Text("pattern", "^[a-z_][a-z0-9_]*$");
        var regex = pattern == "^[a-z_][a-z0-9_]*$" ? Snake() : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        foreach (var (kind, name, finding) in NamedObjects.Of(context))
        {
            if (!regex.IsMatch(name)) yield return finding(this, settings, $"{kind} name \"{name}\" is not snake_case");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Snake();
}
