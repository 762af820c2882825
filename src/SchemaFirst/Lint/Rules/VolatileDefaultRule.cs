namespace SchemaFirst.Lint.Rules;

/// <summary>MG102: ADD COLUMN with a volatile default rewrites the table.</summary>
public sealed class VolatileDefaultRule : MigrationRule
{
    private static readonly string[] Volatile = ["random(", "gen_random_uuid(", "uuid_generate_", "clock_timestamp(", "timeofday(", "nextval(", "txid_current(", "uuidv7(", "uuidv4("];

    public override string Code => "MG102";
    public override string Name => "volatile-default";
    public override string Summary => "A column added to an existing table has no volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()).";
    public override string Why => "A constant or stable default (now() included) is stored once in the catalog since PostgreSQL 11; a volatile one must be computed for every existing row, so the whole table is rewritten under an ACCESS EXCLUSIVE lock that blocks reads and writes.";
    public override string Bad => "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();";
    public override string Good => "ALTER TABLE orders ADD COLUMN token uuid;\nALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();";
    public override string Fix => "add the column without the default, set the default in a second statement (new rows), and backfill old rows in batches";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s.Verb != "alter") continue;
            foreach (var a in s.Actions.Where(a => a.Kind == "add column"))
            {
                var volatileDefault = a.Default != null && Volatile.Any(v => a.Default.Contains(v, StringComparison.OrdinalIgnoreCase));
                var serial = a.Generated && !a.PrimaryKey;
                if (!volatileDefault && !serial) continue;
                yield return MigrationLintContext.On(this, settings, s, $"add column {s.Table}.{a.Column}",
                    $"column {a.Column} is added to {s.Table} with {(serial ? "values from a sequence" : "the volatile default " + a.Default)}; every row is rewritten under an exclusive lock");
            }
        }
    }
}
