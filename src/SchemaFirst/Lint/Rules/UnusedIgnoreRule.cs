namespace SchemaFirst.Lint.Rules;

/// <summary>LN001: an ignore directive that suppresses nothing.</summary>
public sealed class UnusedIgnoreRule : LintRule
{
    public override string Code => LintRules.UnusedIgnore;
    public override string Name => "unused-ignore";
    public override string Summary => "Every -- schemafirst:ignore directive suppresses a finding.";
    public override string Why => "An ignore left behind after its finding was fixed (or written on the wrong line) hides the next real finding of that rule on the object, and tells readers of a problem that is not there.";
    public override string Bad => "CREATE TABLE orders (id bigint PRIMARY KEY); -- schemafirst:ignore KY101 legacy table without a key";
    public override string Good => "CREATE TABLE orders (id bigint); -- schemafirst:ignore KY101 legacy table without a key";
    public override string Fix => "remove the directive, or move it onto the line of the object the finding is about";
}
