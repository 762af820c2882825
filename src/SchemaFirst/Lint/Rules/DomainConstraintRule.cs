namespace SchemaFirst.Lint.Rules;

/// <summary>MG122: constraints on domains.</summary>
public sealed class DomainConstraintRule : MigrationRule
{
    public override string Code => "MG122";
    public override string Name => "domain-constraint";
    public override string Summary => "No ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID, and no CREATE DOMAIN with a constraint in a migration.";
    public override string Why => "Adding a constraint to a domain checks every column of every table that uses it, each under a lock, with no way to do it online; a failure names a row somewhere in the database. A domain created with a constraint binds every future column to it: changing the rule later is that expensive ALTER DOMAIN, where a table CHECK is changed online per table.";
    public override string Bad => "ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0);";
    public override string Good => "ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0) NOT VALID;";
    public override string Fix => "add the constraint NOT VALID, then ALTER DOMAIN ... VALIDATE CONSTRAINT (or use table CHECK constraints)";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Warning;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var s in context.Statements)
        {
            if (s is { Verb: "create", ObjectKind: "domain", TypeAction: "constraint" })
            {
                yield return MigrationLintContext.On(this, settings, s, "create domain " + s.Target, $"domain {s.Target} is created with a constraint; changing it later checks every column that uses the domain");
                continue;
            }
            if (s is not { Verb: "alter", ObjectKind: "domain", TypeAction: "constraint" }) continue;
            if (s.Sql.Contains("NOT VALID", StringComparison.OrdinalIgnoreCase)) continue;
            yield return MigrationLintContext.On(this, settings, s, "alter domain " + s.Target, $"adding a constraint to domain {s.Target} checks every column that uses it, under locks");
        }
    }
}
