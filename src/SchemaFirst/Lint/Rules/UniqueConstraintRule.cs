namespace SchemaFirst.Lint.Rules;

/// <summary>MG109: a UNIQUE (or EXCLUDE) constraint added to an existing table builds its index under lock.</summary>
public sealed class UniqueConstraintRule : MigrationRule
{
    public override string Code => "MG109";
    public override string Name => "unique-constraint-without-index";
    public override string Summary => "A UNIQUE constraint on an existing table is made from a unique index built CONCURRENTLY (ADD CONSTRAINT ... UNIQUE USING INDEX).";
    public override string Why => "ADD CONSTRAINT ... UNIQUE builds its index while holding ACCESS EXCLUSIVE: nothing reads or writes the table until the build ends. Building the unique index CONCURRENTLY first and attaching it with USING INDEX takes the lock only for an instant.";
    public override string Bad => "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);";
    public override string Good => "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;";
    public override string Fix => "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s.Verb != "alter") continue;
            foreach (var a in s.Actions.Where(a => a is { Kind: "add constraint", ConstraintKind: "unique" or "exclude", UsingIndex: false }))
            {
                yield return MigrationLintContext.On(this, settings, s, $"add {a.ConstraintKind} {a.ConstraintName ?? "on " + s.Table}",
                    $"{a.ConstraintKind} constraint {a.ConstraintName} builds its index on {s.Table} under an ACCESS EXCLUSIVE lock");
            }
        }
    }
}
