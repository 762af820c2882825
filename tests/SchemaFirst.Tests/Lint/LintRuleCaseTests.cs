using SchemaFirst.Diagnostics;
using SchemaFirst.Lint;
using SchemaFirst.Loading;

namespace SchemaFirst.Tests.Lint;

/// <summary>
/// The cases beyond each rule's examples where a rule must know the schema: a table made by the same migration, the
/// type a column had, a constraint validated earlier, a runner's transaction, the configuration.
/// </summary>
public sealed class LintRuleCaseTests
{
    private static readonly LintProfile Defaults = LintProfile.Defaults;

    private static Model.Database Before(string sql) => SqlSource.ParsePostgres(sql).Model;

    private static List<string> Codes(IEnumerable<LintFinding> findings) => findings.Select(f => f.Code).ToList();

    [Fact]
    public void Indexes_and_constraints_on_a_table_the_migration_creates_are_not_flagged()
    {
        var sql = "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL);\n"
            + "CREATE INDEX events_kind_idx ON events (kind);\nALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind <> '');\nALTER TABLE events ADD COLUMN note text NOT NULL;\n";
        var findings = LintHarness.Migration(sql, Defaults);
        Assert.DoesNotContain(findings, f => f.Code is "MG105" or "MG108" or "MG101" or "MG117");
        var onExisting = LintHarness.Migration("CREATE INDEX events_kind_idx ON events (kind);\n", Defaults);
        Assert.Equal(["MG105", "MG117"], Codes(onExisting));
    }

    [Theory]
    [InlineData("varchar(10)", "varchar(20)", false)]
    [InlineData("varchar(20)", "varchar(10)", true)]
    [InlineData("varchar(20)", "text", false)]
    [InlineData("numeric(10,2)", "numeric(12,2)", false)]
    [InlineData("numeric(10,2)", "numeric(12,3)", true)]
    [InlineData("integer", "bigint", true)]
    [InlineData("text", "integer", true)]
    [InlineData("timestamp(3)", "timestamp(6)", false)]
    public void A_type_change_is_flagged_only_when_it_rewrites(string from, string to, bool rewrites)
    {
        var before = Before($"CREATE TABLE t (id bigint PRIMARY KEY, c {from});");
        var findings = LintHarness.Migration($"SET lock_timeout = '5s';\nSET statement_timeout = '1min';\nALTER TABLE t ALTER COLUMN c TYPE {to};\n", Defaults, before: before);
        Assert.Equal(rewrites, findings.Any(f => f.Code == "MG104"));
        if (rewrites) Assert.Contains($"from {Before($"CREATE TABLE t (c {from});").Tables[0].Columns[0].Type.Text} to {to} rewrites", findings.Single(f => f.Code == "MG104").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_not_null_after_a_validated_is_not_null_check_is_not_flagged()
    {
        var rule = LintRules.Find("MG103")!;
        Assert.DoesNotContain(LintHarness.Migration(rule.Good, Defaults), f => f.Code == "MG103");
        var before = Before("CREATE TABLE orders (id bigint PRIMARY KEY, region text, CONSTRAINT region_nn CHECK (region IS NOT NULL));");
        Assert.DoesNotContain(LintHarness.Migration(rule.Bad, Defaults, before: before), f => f.Code == "MG103");
        var notValidOnly = "ALTER TABLE orders ADD CONSTRAINT orders_region_not_null CHECK (region IS NOT NULL) NOT VALID;\nALTER TABLE orders ALTER COLUMN region SET NOT NULL;";
        Assert.Contains(LintHarness.Migration(notValidOnly, Defaults), f => f.Code == "MG103");
    }

    [Fact]
    public void Concurrently_fails_inside_the_runners_transaction()
    {
        const string sql = "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);";
        Assert.DoesNotContain(LintHarness.Migration(sql, Defaults), f => f.Code == "MG116");
        var wrapped = LintHarness.Migration(sql, Defaults, inTransaction: true);
        Assert.Contains(wrapped, f => f.Code == "MG116" && f.Location!.Line == 1);
        Assert.Contains(LintHarness.Migration("BEGIN;\n" + sql, Defaults, inTransaction: true), f => f.Code == "MG123");
    }

    [Fact]
    public void A_migration_that_sets_its_timeouts_is_not_told_to()
    {
        var findings = LintHarness.Migration("SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;\n", Defaults);
        var f = Assert.Single(findings, f => f.Code == "MG117");
        Assert.Contains("no statement_timeout", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lock_timeout", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_a_migration_adds_get_the_type_rules()
    {
        var findings = LintHarness.Migration("ALTER TABLE orders ADD COLUMN shipped_at timestamp, ADD COLUMN meta json;\nCREATE TABLE notes (id serial PRIMARY KEY, body text);\n", Defaults);
        Assert.Contains(findings, f => f.Code == "TY101" && f.Subject == "V2__change.sql: column public.orders.shipped_at");
        Assert.Contains(findings, f => f.Code == "TY106" && f.Message.Contains("meta", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "TY104" && f.Message.Contains("notes.id", StringComparison.Ordinal));
    }

    [Fact]
    public void Enum_recreated_without_a_value_is_flagged_and_one_only_extended_is_not()
    {
        var before = Before("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');");
        var removed = LintHarness.Migration("DROP TYPE mood;\nCREATE TYPE mood AS ENUM ('sad', 'happy');\n", Defaults, before: before);
        Assert.Contains(removed, f => f.Code == "MG118" && f.Message.Contains("without 'ok'", StringComparison.Ordinal));
        var reordered = LintHarness.Migration("ALTER TYPE mood RENAME TO mood_old;\nCREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');\n", Defaults, before: before);
        Assert.Contains(reordered, f => f.Code == "MG118" && f.Message.Contains("reordered", StringComparison.Ordinal));
        var extended = LintHarness.Migration("ALTER TYPE mood RENAME TO mood_old;\nCREATE TYPE mood AS ENUM ('sad', 'ok', 'meh', 'happy');\n", Defaults, before: before);
        Assert.DoesNotContain(extended, f => f.Code == "MG118");
    }

    [Fact]
    public void A_foreign_key_led_by_a_composite_index_in_another_order_is_indexed_but_not_by_its_second_column()
    {
        const string head = "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id), at timestamptz);\n";
        Assert.DoesNotContain(LintHarness.Schema(head + "CREATE INDEX b_a_at_idx ON b (a_id, at);", Defaults), f => f.Code == "KY104");
        Assert.Contains(LintHarness.Schema(head + "CREATE INDEX b_at_a_idx ON b (at, a_id);", Defaults), f => f.Code == "KY104");
        Assert.Contains(LintHarness.Schema(head + "CREATE INDEX b_a_idx ON b (a_id) WHERE at IS NULL;", Defaults), f => f.Code == "KY104");
    }

    [Fact]
    public void Index_names_share_the_relation_namespace_so_if_not_exists_on_another_table_is_a_silent_no_op()
    {
        var findings = LintHarness.Schema("CREATE TABLE a (id bigint PRIMARY KEY, x int);\nCREATE TABLE b (id bigint PRIMARY KEY, x int);\nCREATE INDEX IF NOT EXISTS x_idx ON a (x);\nCREATE INDEX IF NOT EXISTS x_idx ON b (x);\n", Defaults);
        var f = Assert.Single(findings, f => f.Code == "DF101");
        Assert.Equal(4, f.Location!.Line);
        Assert.Contains("schema.sql:3", f.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, f.Severity);
    }

    [Fact]
    public void Configuration_sets_severity_options_and_path_overrides()
    {
        var config = new LintConfig
        {
            Rules = new Dictionary<string, object?>
            {
                ["KY101"] = "error",
                ["table-name-plurality"] = new Dictionary<object, object> { ["style"] = "singular" },
                ["TY105"] = "off",
            },
            Overrides = [new LintOverride { Paths = ["legacy/*"], Rules = new Dictionary<string, object?> { ["KY101"] = "off" } }],
        };
        var diagnostics = new List<Diagnostic>();
        var profile = new LintProfile(config, diagnostics);
        Assert.Empty(diagnostics);
        const string sql = "CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20));\nCREATE TABLE events (name text);\n";
        var findings = LintHarness.Schema(sql, profile, "schema/app.sql");
        Assert.Contains(findings, f => f.Code == "KY101" && f.Severity == Severity.Error);
        Assert.Contains(findings, f => f.Code == "NM102" && f.Message.Contains("\"orders\" is plural", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Code == "TY105");
        Assert.DoesNotContain(LintHarness.Schema(sql, profile, "legacy/app.sql"), f => f.Code == "KY101");
    }

    [Fact]
    public void Unknown_rules_severities_and_options_in_the_configuration_are_diagnostics()
    {
        var diagnostics = new List<Diagnostic>();
        _ = new LintProfile(new LintConfig
        {
            Rules = new Dictionary<string, object?>
            {
                ["NOPE1"] = "error",
                ["KY101"] = "loud",
                ["KY102"] = new Dictionary<object, object> { ["typez"] = "bigint" },
            },
        }, diagnostics);
        Assert.Equal(3, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Message.Contains("unknown rule 'NOPE1'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("'loud' is not a severity", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("no option 'typez'", StringComparison.Ordinal) && d.Help!.Contains("types", StringComparison.Ordinal));
    }

    [Fact]
    public void A_baseline_accepts_known_findings_by_object_not_line_and_reports_stale_entries()
    {
        const string v1 = "CREATE TABLE a (name text);\nCREATE TABLE b (name text);\n";
        var first = LintHarness.Schema(v1, Defaults);
        var baseline = LintBaseline.Read(LintBaseline.Of(first).Write()).Baseline!;
        // Moved down two lines, b fixed, c new: a's findings stay accepted, b's entries are stale, c's are new.
        const string v2 = "\n\nCREATE TABLE a (name text);\nCREATE TABLE b (id bigint PRIMARY KEY, name text);\nCREATE TABLE c (name text);\n";
        var (marked, stale) = baseline.Apply(LintHarness.Schema(v2, Defaults));
        Assert.All(marked.Where(f => f.Subject == "table public.a"), f => Assert.True(f.Baselined));
        Assert.All(marked.Where(f => f.Subject == "table public.c"), f => Assert.False(f.Baselined));
        Assert.Contains(marked, f => f.Subject == "table public.c" && f.Code == "KY101");
        Assert.Contains(stale, e => e.Subject == "table public.b" && e.Code == "KY101");
        Assert.DoesNotContain(stale, e => e.Subject == "table public.a");
    }

    [Fact]
    public void The_same_findings_come_out_in_the_same_order_every_time()
    {
        var sql = File.ReadAllText(Path.Combine(TestPaths.Examples, "30_orders.sql"));
        var a = LintHarness.Schema(sql, Defaults);
        var b = LintHarness.Schema(sql, Defaults);
        Assert.Equal(a.Select(f => f.Code + f.Subject + f.Message), b.Select(f => f.Code + f.Subject + f.Message));
        Assert.NotEmpty(a);
    }
}
