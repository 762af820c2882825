namespace SchemaFirst.Lint.Rules;

/// <summary>MG105: CREATE INDEX on an existing table without CONCURRENTLY.</summary>
public sealed class IndexWithoutConcurrentlyRule : MigrationRule
{
    public override string Code => "MG105";
    public override string Name => "index-without-concurrently";
    public override string Summary => "Indexes on existing tables are built CONCURRENTLY.";
    public override string Why => "A plain CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table waits, for minutes on a large table. CONCURRENTLY builds without blocking writes (it takes longer and cannot run in a transaction).";
    public override string Bad => "CREATE INDEX orders_placed_at_idx ON orders (placed_at);";
    public override string Good => "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);";
    public override string Fix => "CREATE INDEX CONCURRENTLY, outside a transaction (schemafirst plan --concurrent-indexes does this)";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s is not { Verb: "create", ObjectKind: "index", Concurrently: false, Only: false }) continue;
            yield return MigrationLintContext.On(this, settings, s, $"create index {s.Target?.Name ?? "on " + s.Table}", $"CREATE INDEX {s.Target?.Name} on {s.Table} without CONCURRENTLY blocks writes to the table while it builds");
        }
    }
}
