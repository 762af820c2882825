namespace SchemaFirst.Lint.Rules;

/// <summary>MG106: DROP INDEX without CONCURRENTLY.</summary>
public sealed class DropIndexWithoutConcurrentlyRule : MigrationRule
{
    public override string Code => "MG106";
    public override string Name => "drop-index-without-concurrently";
    public override string Summary => "Indexes are dropped CONCURRENTLY.";
    public override string Why => "DROP INDEX takes ACCESS EXCLUSIVE on the table: it waits behind every running query and blocks every new one (reads included) while it waits. DROP INDEX CONCURRENTLY waits without blocking.";
    public override string Bad => "DROP INDEX orders_placed_at_idx;";
    public override string Good => "DROP INDEX CONCURRENTLY orders_placed_at_idx;";
    public override string Fix => "DROP INDEX CONCURRENTLY, outside a transaction";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Warning;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        var created = new HashSet<Model.QualifiedName>();
        foreach (var s in context.Statements)
        {
            if (s is { Verb: "create", ObjectKind: "index", Target: { } t }) created.Add(t);
            if (s is not { Verb: "drop", ObjectKind: "index", Concurrently: false, Target: { } name } || created.Contains(name)) continue;
            yield return MigrationLintContext.On(this, settings, s, "drop index " + name, $"DROP INDEX {name} without CONCURRENTLY blocks reads and writes of its table while it waits for the lock");
        }
    }
}
