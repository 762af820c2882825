namespace SchemaFirst.Lint.Rules;

/// <summary>MG115: DROP DATABASE in a migration.</summary>
public sealed class DropDatabaseRule : MigrationRule
{
    public override string Code => "MG115";
    public override bool AppliesTo(string dialect) => true;
    public override string Name => "drop-database";
    public override string Summary => "No migration drops a database.";
    public override string Why => "A migration runs against production sooner or later; one DROP DATABASE there is the end of the data.";
    public override string Bad => "DROP DATABASE shop;";
    public override string Good => "DROP SCHEMA IF EXISTS scratch CASCADE;";
    public override string Fix => "remove the statement; set up databases outside migrations";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var s in context.Statements)
        {
            if (s is { Verb: "drop", ObjectKind: "database" }) yield return MigrationLintContext.On(this, settings, s, "drop database " + s.Target?.Name, $"DROP DATABASE {s.Target?.Name} in a migration");
        }
    }
}
