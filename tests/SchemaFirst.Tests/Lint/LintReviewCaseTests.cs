using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Lint;
using SchemaFirst.Loading;

namespace SchemaFirst.Tests.Lint;

/// <summary>
/// Cases a second read of the lint rules found: where a rule fired on what is fine, stayed quiet on what is not, or an
/// ignore or a setting did not do what it says.
/// </summary>
public sealed class LintReviewCaseTests
{
    private static readonly LintProfile Defaults = LintProfile.Defaults;

    [Fact]
    public void An_ignore_on_a_line_with_an_inline_foreign_key_suppresses_that_keys_finding()
    {
        const string sql = "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (\n    id bigint PRIMARY KEY,\n    customer_id bigint REFERENCES customers (id) -- schemafirst:ignore KY104 a dozen rows, never deleted\n);\n";
        var findings = LintHarness.Schema(sql, Defaults);
        Assert.DoesNotContain(findings, f => f.Code is "KY104" or LintRules.UnusedIgnore);
    }

    [Fact]
    public void Repeating_create_schema_if_not_exists_in_every_file_is_no_shadowing()
    {
        var findings = LintHarness.Schema("CREATE SCHEMA app;\nCREATE SCHEMA IF NOT EXISTS app;\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\n", Defaults);
        Assert.DoesNotContain(findings, f => f.Code == "DF101");
    }

    [Fact]
    public void Set_search_path_puts_unqualified_names_where_the_parser_puts_them()
    {
        const string sql = "CREATE SCHEMA app;\nCREATE SCHEMA billing;\nSET search_path = app;\nCREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);\nSET search_path = billing, public;\nCREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);\n";
        Assert.DoesNotContain(LintHarness.Schema(sql, Defaults), f => f.Code == "DF101");
    }

    [Fact]
    public void A_plain_index_repeating_a_unique_one_is_the_duplicate_whatever_their_names()
    {
        foreach (var plain in new[] { "users_email_idx", "users_email_a" })
        {
            var findings = LintHarness.Schema($"CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX {plain} ON users (email);\nCREATE UNIQUE INDEX users_email_key ON users (email);\n", Defaults);
            var f = Assert.Single(findings, f => f.Code == "KY106");
            Assert.Equal($"index {plain} duplicates index users_email_key of public.users", f.Message);
        }
        var covering = LintHarness.Schema("CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE, name text);\nCREATE UNIQUE INDEX users_email_name ON users (email) INCLUDE (name);\n", Defaults);
        Assert.DoesNotContain(covering, f => f.Code == "KY106");
    }

    [Fact]
    public void Index_on_only_a_partitioned_parent_is_not_told_to_be_concurrent()
    {
        Assert.DoesNotContain(LintHarness.Migration("CREATE INDEX events_at_idx ON ONLY events (at);\n", Defaults), f => f.Code == "MG105");
    }

    [Fact]
    public void A_type_change_with_no_known_old_type_may_rewrite_whatever_the_new_type()
    {
        var f = Assert.Single(LintHarness.Migration("ALTER TABLE orders ALTER COLUMN quantity TYPE text;\n", Defaults), f => f.Code == "MG104");
        Assert.Contains("may rewrite", f.Message, StringComparison.Ordinal);
        var before = SqlSource.ParsePostgres("CREATE TABLE t (id bigint PRIMARY KEY, code char(4));").Model;
        Assert.Contains(LintHarness.Migration("ALTER TABLE t ALTER COLUMN code TYPE text;\n", Defaults, before: before), x => x.Code == "MG104");
    }

    [Fact]
    public void A_required_column_spec_may_put_not_null_after_its_default()
    {
        var profile = LintHarness.ProfileFor(LintRules.Find("CL101"), new Dictionary<string, object?> { ["columns"] = new List<object> { "created_at timestamptz DEFAULT now() NOT NULL" } });
        Assert.DoesNotContain(LintHarness.Schema("CREATE TABLE a (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());\n", profile), f => f.Code == "CL101");
        Assert.Contains(LintHarness.Schema("CREATE TABLE a (id bigint PRIMARY KEY, created_at timestamptz DEFAULT now());\n", profile), f => f.Code == "CL101" && f.Message.EndsWith("allows NULL", StringComparison.Ordinal));
    }

    [Fact]
    public void An_override_that_only_switches_a_rule_on_keeps_the_configured_severity_and_a_bad_pattern_is_a_diagnostic()
    {
        var diagnostics = new List<Diagnostic>();
        var profile = new LintProfile(new LintConfig
        {
            Rules = new Dictionary<string, object?> { ["KY104"] = "error", ["NM101"] = new Dictionary<object, object> { ["pattern"] = "[a-z" } },
            Overrides = [new LintOverride { Paths = ["legacy/*"], Rules = new Dictionary<string, object?> { ["KY104"] = "on" } }],
        }, diagnostics);
        Assert.Contains(diagnostics, d => d.Message.Contains("pattern is not a regular expression", StringComparison.Ordinal));
        const string sql = "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE \"B\" (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id));\n";
        var findings = LintHarness.Schema(sql, profile, "legacy/x.sql");
        Assert.Contains(findings, f => f.Code == "KY104" && f.Severity == Severity.Error);
        Assert.Contains(findings, f => f.Code == "NM101");
    }

    [Fact]
    public void New_since_leaves_an_unchanged_type_and_view_legacy_and_holds_a_new_one_strictly()
    {
        var old = SqlSource.ParsePostgres("CREATE TYPE \"Mood\" AS ENUM ('a');\nCREATE TABLE t (id bigint PRIMARY KEY);\n").Model;
        const string now = "CREATE TYPE \"Mood\" AS ENUM ('a');\nCREATE TYPE \"Fresh\" AS ENUM ('b');\nCREATE TABLE t (id bigint PRIMARY KEY);\n";
        var load = SqlSource.ParsePostgres(now, "s.sql");
        var findings = Linter.LintSchema(new SchemaLintContext(load.Model, load.SourceMap), Defaults);
        var scoped = new ChangeScope(old, []).Apply(findings, load.Model, []);
        Assert.Contains(scoped, f => f.Code == "NM101" && f.Subject == "type public.\"Mood\"" && f.Legacy && !f.Fails);
        Assert.Contains(scoped, f => f.Code == "NM101" && f.Subject == "type public.\"Fresh\"" && !f.Legacy && f.Severity == Severity.Error);
    }

    [Fact]
    public void Rules_about_postgresql_types_stay_quiet_on_a_sqlite_schema()
    {
        var load = SqliteDialect.Instance.ParseText("CREATE TABLE t (id INTEGER PRIMARY KEY, at TIMESTAMPTZ, doc JSONB, price MONEY);", "app.sql");
        var findings = Linter.LintSchema(new SchemaLintContext(load.Model, load.SourceMap), Defaults);
        Assert.DoesNotContain(findings, f => f.Code is "TY101" or "TY102" or "TY106" or "KY102");
    }

    [Fact]
    public void Dropping_if_exists_right_before_creating_the_same_trigger_is_the_rerunnable_idiom()
    {
        const string sql = "CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nDROP TRIGGER IF EXISTS t_touch ON t;\nCREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();\n";
        Assert.DoesNotContain(LintHarness.Schema(sql, Defaults), f => f.Code == "DF102");
        Assert.Contains(LintHarness.Schema("CREATE TABLE t (id bigint PRIMARY KEY);\nDROP TABLE IF EXISTS old_t;\n", Defaults), f => f.Code == "DF102");
    }
}
