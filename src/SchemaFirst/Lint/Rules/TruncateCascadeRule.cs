namespace SchemaFirst.Lint.Rules;

/// <summary>MG120: TRUNCATE ... CASCADE.</summary>
public sealed class TruncateCascadeRule : MigrationRule
{
    public override string Code => "MG120";
    public override string Name => "truncate-cascade";
    public override string Summary => "No TRUNCATE ... CASCADE.";
    public override string Why => "CASCADE empties every table that references the truncated one, and every table referencing those, as far as the foreign keys reach; the statement does not say which tables those are, and a foreign key added later widens it silently.";
    public override string Bad => "TRUNCATE stores CASCADE;";
    public override string Good => "TRUNCATE visits, stores;";
    public override string Fix => "name every table to empty in the TRUNCATE";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var s in context.Statements)
        {
            if (s is { Verb: "truncate", Cascade: true }) yield return MigrationLintContext.On(this, settings, s, "truncate cascade " + s.Table, $"TRUNCATE {string.Join(", ", s.Tables)} CASCADE also empties every table that references them");
        }
    }
}
