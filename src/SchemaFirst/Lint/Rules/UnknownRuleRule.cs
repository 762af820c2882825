namespace SchemaFirst.Lint.Rules;

/// <summary>LN002: an ignore directive that names no rule.</summary>
public sealed class UnknownRuleRule : LintRule
{
    public override string Code => LintRules.UnknownRule;
    public override string Name => "unknown-rule";
    public override string Summary => "Every -- schemafirst:ignore directive names an existing rule (by code or name).";
    public override string Why => "A typo in the code (KY10 for KY101) suppresses nothing, and the finding it was meant for still fails the build with no hint why the ignore did not work.";
    public override string Bad => "CREATE TABLE orders (id bigint); -- schemafirst:ignore KY10 legacy table without a key";
    public override string Good => "CREATE TABLE orders (id bigint); -- schemafirst:ignore KY101 legacy table without a key";
    public override string Fix => "write an existing rule's code or name ('schemafirst lint --explain' lists them)";
}
