namespace SchemaFirst.Lint.Rules;

/// <summary>MG116: CONCURRENTLY inside a transaction fails.</summary>
public sealed class ConcurrentlyInTransactionRule : MigrationRule
{
    public override string Code => "MG116";
    public override string Name => "concurrently-in-transaction";
    public override string Summary => "CREATE/DROP INDEX CONCURRENTLY does not run inside a transaction (an explicit BEGIN, or a runner that wraps each file: --assume-in-transaction).";
    public override string Why => "PostgreSQL refuses it: \"CREATE INDEX CONCURRENTLY cannot run inside a transaction block\". The migration fails at deploy time, after the statements before it ran.";
    public override string Bad => "BEGIN;\nCREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);\nCOMMIT;";
    public override string Good => "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);";
    public override string Fix => "move the statement to a migration of its own that the runner does not wrap in a transaction";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var s in context.Statements)
        {
            if (s is { Concurrently: true, InTransaction: true }) yield return MigrationLintContext.On(this, settings, s, $"{s.Verb} index {s.Target?.Name} concurrently", $"{s.Verb.ToUpperInvariant()} INDEX CONCURRENTLY cannot run inside a transaction");
        }
    }
}
