using System.Diagnostics;
using System.Text.Json;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Lint;

/// <summary>
/// <c>schemafirst lint</c> as a user runs it: exit codes, the formats, --explain, baselines, migration files, and
/// --new-since on a git repository made for the test.
/// </summary>
public sealed class LintCommandTests : TempDirectoryTest
{
    private const string Clean = "CREATE TABLE customers (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    name text NOT NULL\n);\n";

    [Fact]
    public void A_clean_schema_exits_0_and_says_so()
    {
        var file = Write("schema.sql", Clean);
        var (code, stdout, _) = CliRunner.Run("lint", file);
        Assert.Equal(0, code);
        Assert.Equal($"No findings in {file}.\n", stdout);
    }

    [Fact]
    public void An_error_level_finding_exits_1_and_text_groups_findings_by_file_with_line_and_column()
    {
        var file = Write("schema.sql", Clean + "CREATE INDEX IF NOT EXISTS customers_name_idx ON customers (name);\nCREATE INDEX IF NOT EXISTS customers_name_idx ON customers (lower(name));\n");
        var (code, stdout, _) = CliRunner.Run("lint", file);
        Assert.Equal(1, code);
        Assert.StartsWith(file + "\n  6:1  error DF101: index public.customers_name_idx was already created (index) at schema.sql:5", stdout, StringComparison.Ordinal);
        Assert.EndsWith($"1 finding: 1 error, 0 warnings, 0 info in {file}.\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_alone_exit_0_and_json_carries_every_field()
    {
        var file = Write("schema.sql", "CREATE TABLE events (name text, at timestamp);\n");
        var (code, stdout, _) = CliRunner.Run("lint", file, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var ts = findings.Single(f => f.GetProperty("rule").GetString() == "TY101");
        Assert.Equal("timestamp-without-time-zone", ts.GetProperty("name").GetString());
        Assert.Equal("warning", ts.GetProperty("severity").GetString());
        Assert.Equal("column public.events.at", ts.GetProperty("object").GetString());
        Assert.Equal(1, ts.GetProperty("line").GetInt32());
        Assert.Equal(16, ts.GetProperty("fingerprint").GetString()!.Length);
        Assert.Equal(0, doc.RootElement.GetProperty("summary").GetProperty("failing").GetInt32());
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "KY101");
    }

    [Fact]
    public void GitHub_format_annotates_the_lines()
    {
        var file = Write("schema.sql", "CREATE TABLE events (name text);\n");
        var (_, stdout, _) = CliRunner.Run("lint", file, "--format", "github");
        Assert.Contains($"::warning file={file.Replace(":", "%3A")},line=1,col=14,title=SchemaFirst KY101 (missing-primary-key)::table public.events has no primary key", stdout, StringComparison.Ordinal);
        Assert.EndsWith("::notice title=SchemaFirst lint::3 findings: 0 errors, 2 warnings, 1 info in " + file + ".\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_prints_a_rule_and_lists_them_all_and_an_unknown_one_is_a_usage_error()
    {
        var (code, stdout, _) = CliRunner.Run("lint", "--explain", "MG105");
        Assert.Equal(0, code);
        Assert.StartsWith("MG105 index-without-concurrently (migration safety, error)", stdout, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX CONCURRENTLY orders_placed_at_idx", stdout, StringComparison.Ordinal);
        var (byName, named, _) = CliRunner.Run("lint", "--explain", "index-without-concurrently");
        Assert.Equal(0, byName);
        Assert.Equal(stdout, named);
        var (all, list, _) = CliRunner.Run("lint", "--explain");
        Assert.Equal(0, all);
        Assert.Contains("  KY101  missing-primary-key ", list, StringComparison.Ordinal);
        Assert.Contains("  CL101  required-columns                 off", list, StringComparison.Ordinal);
        var (bad, _, err) = CliRunner.Run("lint", "--explain", "XX999");
        Assert.Equal(3, bad);
        Assert.Contains("no rule 'XX999'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Migration_files_get_the_safety_rules_in_version_order()
    {
        var dir = Path.Combine(Dir, "migrations");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "V10__index.sql"), "CREATE INDEX orders_placed_idx ON orders (placed_at);\n");
        File.WriteAllText(Path.Combine(dir, "V2__column.sql"), "SET lock_timeout = '3s';\nSET statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN region text NOT NULL;\n");
        var (code, stdout, _) = CliRunner.Run("lint", dir);
        Assert.Equal(1, code);
        var v2 = stdout.IndexOf("V2__column.sql\n", StringComparison.Ordinal);
        var v10 = stdout.IndexOf("V10__index.sql\n", StringComparison.Ordinal);
        Assert.True(v2 >= 0 && v10 > v2, stdout);
        Assert.Contains("  3:1  error MG101: column region is added to public.orders as NOT NULL without a default", stdout, StringComparison.Ordinal);
        Assert.Contains("  1:1  error MG105: CREATE INDEX orders_placed_idx on public.orders without CONCURRENTLY", stdout, StringComparison.Ordinal);
        // The same files named as schema would get the schema rules instead; --migrations says what they are.
        var plain = Write("change.sql", "CREATE INDEX orders_placed_idx ON orders (placed_at);\n");
        Assert.Contains("MG105", CliRunner.Run("lint", plain, "--migrations").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_folder_gets_schema_rules_on_its_schema_and_safety_rules_on_its_migrations()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "db", "migrations"));
        Write("db/schema.sql", "CREATE TABLE events (name text);\n");
        Write("db/migrations/V1__index.sql", "-- schemafirst:ignore MG105\nCREATE INDEX events_name_idx ON events (name);\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", Path.Combine(Dir, "db"));
        Assert.Equal(1, code);
        Assert.Contains("warning KY101: table public.events has no primary key", stdout, StringComparison.Ordinal);
        Assert.Contains("error MG105: CREATE INDEX events_name_idx", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("MG105", stdout[..stdout.IndexOf("V1__index.sql", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("V1__index.sql:1:1: warning SF307: schemafirst:ignore needs a rule code and a reason", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_linted_against_the_schema_know_which_type_changes_are_free()
    {
        var schema = Write("schema.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20));\n");
        var migration = Write("V3__widen.sql", "SET lock_timeout = '3s';\nSET statement_timeout = '1min';\nALTER TABLE orders ALTER COLUMN note TYPE varchar(40);\n");
        Assert.Equal((0, $"No findings in {migration}.\n"), (CliRunner.Run("lint", migration, "--against", schema).Code, CliRunner.Run("lint", migration, "--against", schema).Out));
        var narrow = Write("V4__narrow.sql", "SET lock_timeout = '3s';\nSET statement_timeout = '1min';\nALTER TABLE orders ALTER COLUMN note TYPE varchar(10);\n");
        Assert.Contains("MG104: changing public.orders.note from character varying(20) to varchar(10) rewrites", CliRunner.Run("lint", narrow, "--against", schema).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_written_once_accepts_legacy_findings_and_every_new_one_still_fails()
    {
        var file = Write("schema.sql", "CREATE TABLE legacy (name text);\nCREATE INDEX legacy_name ON legacy (name);\nCREATE INDEX IF NOT EXISTS legacy_name ON legacy (lower(name));\n");
        var baseline = Path.Combine(Dir, "baseline.json");
        var (updated, _, note) = CliRunner.Run("lint", file, "--baseline", baseline, "--update-baseline");
        Assert.Equal(0, updated);
        Assert.Contains("wrote 3 findings to", note, StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"DF101\"", File.ReadAllText(baseline), StringComparison.Ordinal);
        var (accepted, quiet, _) = CliRunner.Run("lint", file, "--baseline", baseline);
        Assert.Equal(0, accepted);
        Assert.Equal($"No findings in {file} (3 accepted by the baseline).\n", quiet);
        File.AppendAllText(file, "CREATE INDEX IF NOT EXISTS legacy_name ON legacy (upper(name));\n");
        var (failing, loud, _) = CliRunner.Run("lint", file, "--baseline", baseline);
        Assert.Equal(1, failing);
        Assert.Contains("  4:1  error DF101", loud, StringComparison.Ordinal);
        Assert.DoesNotContain("  3:1", loud, StringComparison.Ordinal);
        var (missing, _, err) = CliRunner.Run("lint", file, "--baseline", Path.Combine(Dir, "nope.json"));
        Assert.Equal(3, missing);
        Assert.Contains("--update-baseline", err, StringComparison.Ordinal);
    }

    [Fact]
    public void New_since_is_strict_for_what_changed_and_lenient_for_the_rest()
    {
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "t@example.com");
        Git("config", "user.name", "t");
        Directory.CreateDirectory(Path.Combine(Dir, "schema"));
        Write("schema/app.sql", "CREATE TABLE legacy (name text, at timestamp);\n");
        Git("add", ".");
        Git("commit", "-q", "-m", "legacy");
        Write("schema/app.sql", "CREATE TABLE legacy (name text, at timestamp);\nCREATE TABLE fresh (id bigint PRIMARY KEY, at timestamp);\n");
        var (code, stdout, stderr) = CliRunner.RunIn(Dir, "lint", "schema", "--new-since", "git:main");
        Assert.True(code == 1, stdout + stderr);
        Assert.Contains("2:44  error TY101: column public.fresh.at", stdout, StringComparison.Ordinal);
        Assert.Contains("warning TY101: column public.legacy.at: timestamp without time zone; use timestamptz [unchanged]", stdout, StringComparison.Ordinal);
        Assert.Contains("1:14  warning KY101: table public.legacy has no primary key [unchanged]", stdout, StringComparison.Ordinal);
        Assert.Contains("(3 on unchanged objects, not failing)", stdout, StringComparison.Ordinal);
        Write("schema/app.sql", "CREATE TABLE legacy (name text, at timestamp);\nCREATE TABLE fresh (id bigint PRIMARY KEY, at timestamptz);\n");
        Assert.Equal(0, CliRunner.RunIn(Dir, "lint", "schema", "--new-since", "main").Code);
        var (bad, _, err) = CliRunner.RunIn(Dir, "lint", "schema", "--new-since", "no-such-branch");
        Assert.Equal(3, bad);
        Assert.Contains("--new-since no-such-branch", err, StringComparison.Ordinal);
    }

    private void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "git " + string.Join(" ", args) + ": " + p.StandardError.ReadToEnd());
    }
}
