namespace SchemaFirst.Lint.Rules;

/// <summary>MG117: a migration that locks existing tables sets lock_timeout (and statement_timeout).</summary>
public sealed class MissingTimeoutRule : MigrationRule
{
    public override string Code => "MG117";
    public override string Name => "missing-timeouts";
    public override string Summary => "A migration that takes locks on existing tables sets lock_timeout (and statement_timeout) first.";
    public override string Why => "An ALTER waiting for its lock behind one long query queues every later query of the table behind itself: a one-millisecond change becomes an outage. lock_timeout makes it give up instead (retry later); statement_timeout bounds the rest. SchemaFirst's own apply sets both.";
    public override string Bad => "ALTER TABLE orders ADD COLUMN note text;";
    public override string Good => "SET lock_timeout = '5s';\nSET statement_timeout = '5min';\nALTER TABLE orders ADD COLUMN note text;";
    public override string Fix => "start the migration with SET lock_timeout = '5s' and SET statement_timeout = '...'";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Warning;
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("statement_timeout", "true", "also require statement_timeout")];

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        if (context.Planned) yield break;
        var wantStatement = settings.Text("statement_timeout", "true") is not ("false" or "False" or "no");
        var missing = new List<string>();
        if (!context.HasLockTimeout) missing.Add("lock_timeout");
        if (wantStatement && !context.HasStatementTimeout) missing.Add("statement_timeout");
        if (missing.Count == 0) yield break;
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s.Verb is not ("alter" or "drop" or "truncate") && !(s is { Verb: "create", ObjectKind: "index" or "trigger" or "policy" or "rule" })) continue;
            yield return MigrationLintContext.On(this, settings, s, "timeouts", $"{s.Verb.ToUpperInvariant()} {s.ObjectKind.ToUpperInvariant()} locks {s.Table} but the migration sets no {string.Join(" or ", missing)}");
            yield break;
        }
    }
}
