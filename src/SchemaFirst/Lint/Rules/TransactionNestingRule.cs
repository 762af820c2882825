namespace SchemaFirst.Lint.Rules;

/// <summary>MG123: BEGIN inside a transaction, or a transaction left open.</summary>
public sealed class TransactionNestingRule : MigrationRule
{
    public override string Code => "MG123";
    public override string Name => "transaction-nesting";
    public override string Summary => "A migration does not BEGIN inside a transaction (its own or the runner's, with --assume-in-transaction), and commits what it begins.";
    public override string Why => "A nested BEGIN is only a warning to PostgreSQL, and its COMMIT ends the runner's transaction early, so a later failure leaves half the migration applied. A BEGIN without COMMIT leaves the work to be rolled back when the session ends.";
    public override string Bad => "BEGIN;\nALTER TABLE orders ADD COLUMN note text;";
    public override string Good => "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;";
    public override string Fix => "remove the inner BEGIN/COMMIT (the runner already wraps the file), or add the missing COMMIT";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        ScriptStatement? open = null;
        var assumed = context.Statements.Count > 0 && context.Statements[0].InTransaction && context.Statements[0].Verb != "begin";
        foreach (var s in context.Statements)
        {
            if (s.Verb == "begin")
            {
                if (open != null || assumed) yield return MigrationLintContext.On(this, settings, s, "nested begin", "BEGIN inside a transaction: its COMMIT ends the outer transaction early");
                open = s;
            }
            else if (s.Verb is "commit" or "rollback")
            {
                open = null;
            }
        }
        if (open != null && !assumed) yield return MigrationLintContext.On(this, settings, open, "uncommitted begin", "BEGIN without COMMIT: the migration's work is rolled back when the session ends");
    }
}
