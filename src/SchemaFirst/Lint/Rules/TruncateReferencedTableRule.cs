namespace SchemaFirst.Lint.Rules;

/// <summary>DF103: TRUNCATE of a table that other tables reference.</summary>
public sealed class TruncateReferencedTableRule : SchemaRule
{
    public override string Code => "DF103";
    public override string Name => "truncate-referenced-table";
    public override string Summary => "No TRUNCATE of a table that foreign keys of other tables reference.";
    public override string Why => "TRUNCATE of a referenced table fails (\"cannot truncate a table referenced in a foreign key constraint\") unless CASCADE is added, and with CASCADE it silently empties every referencing table too. A job that did this for years starts failing the day a new foreign key lands.";
    public override string Bad => "CREATE TABLE stores (id bigint PRIMARY KEY);\nCREATE TABLE visits (id bigint PRIMARY KEY, store_id bigint REFERENCES stores (id));\nTRUNCATE stores;";
    public override string Good => "CREATE TABLE stores (id bigint PRIMARY KEY);\nCREATE TABLE visits (id bigint PRIMARY KEY, store_id bigint REFERENCES stores (id));\nTRUNCATE visits;";
    public override string Fix => "delete the rows instead, or truncate the referencing tables in the same statement on purpose";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Error;

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        if (!context.Statements.Any(s => s.Verb == "truncate")) yield break;
        var referencedBy = context.Model.Tables.SelectMany(t => t.ForeignKeys.Where(f => f.ReferencedTable != t.Name).Select(f => (From: t.Name, To: f.ReferencedTable)))
            .GroupBy(x => x.To).ToDictionary(g => g.Key, g => g.Select(x => x.From).Distinct().Order().ToList());
        foreach (var s in context.Statements.Where(s => s.Verb == "truncate"))
        {
            foreach (var t in s.Tables)
            {
                if (!referencedBy.TryGetValue(t, out var from) || from.All(s.Tables.Contains)) continue;
                yield return MigrationLintContext.On(this, settings, s, "truncate " + t,
                    $"TRUNCATE {t}: {string.Join(", ", from.Where(f => !s.Tables.Contains(f)))} reference{(from.Count == 1 ? "s" : string.Empty)} it, so it {(s.Cascade ? "empties them too (CASCADE)" : "fails")}");
            }
        }
    }
}
