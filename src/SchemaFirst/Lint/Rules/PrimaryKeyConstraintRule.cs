namespace SchemaFirst.Lint.Rules;

/// <summary>MG110: a primary key added to an existing table builds its index under lock.</summary>
public sealed class PrimaryKeyConstraintRule : MigrationRule
{
    public override string Code => "MG110";
    public override string Name => "primary-key-without-index";
    public override string Summary => "A primary key on an existing table is made from a unique index built CONCURRENTLY (ADD CONSTRAINT ... PRIMARY KEY USING INDEX), and columns are not added with PRIMARY KEY.";
    public override string Why => "ADD PRIMARY KEY (or ADD COLUMN ... PRIMARY KEY) builds the index, and checks or sets NOT NULL, under ACCESS EXCLUSIVE: the table is unusable until it ends. A unique index built CONCURRENTLY and attached with USING INDEX avoids the long lock.";
    public override string Bad => "ALTER TABLE events ADD PRIMARY KEY (id);";
    public override string Good => "CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);\nALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;";
    public override string Fix => "CREATE UNIQUE INDEX CONCURRENTLY on NOT NULL columns, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s.Verb != "alter") continue;
            foreach (var a in s.Actions)
            {
                if (a is { Kind: "add constraint", ConstraintKind: "primary key", UsingIndex: false })
                {
                    yield return MigrationLintContext.On(this, settings, s, "add primary key on " + s.Table, $"the primary key of {s.Table} builds its index under an ACCESS EXCLUSIVE lock");
                }
                else if (a is { Kind: "add column", PrimaryKey: true })
                {
                    yield return MigrationLintContext.On(this, settings, s, $"add column {s.Table}.{a.Column}", $"column {a.Column} is added to {s.Table} as its primary key: the table is rewritten and indexed under an ACCESS EXCLUSIVE lock");
                }
            }
        }
    }
}
