using SchemaFirst.Cli.Commands;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Planning;
using SchemaFirst.Rendering;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Planning;

/// <summary>
/// What apply and plan write and read besides SQL: saved JSON plans read back whole (statements, phases, hazards and
/// their pre-flight queries), Flyway migration files with Flyway's checksum, durations for the timeouts, and the
/// counts in refusal messages.
/// </summary>
public sealed class ApplyArtifactTests : TempDirectoryTest
{
    private static MigrationPlan Plan(string a, string b, PlanOptions? options = null)
    {
        var to = Sql.Parse(b);
        return MigrationPlanner.Plan(Sql.Parse(a).Model, to.Model, to.SourceMap, PostgresDialect.Instance, options);
    }

    private const string A = "CREATE TABLE t (id integer PRIMARY KEY, v text, n integer);";
    private const string B = "CREATE TABLE t (id integer PRIMARY KEY, v varchar(5) NOT NULL UNIQUE, n integer CHECK (n > 0));\nCREATE INDEX t_n_idx ON t (n);";

    [Fact]
    public void A_saved_plan_reads_back_with_its_statements_phases_hazards_and_checks()
    {
        var plan = Plan(A, B, new PlanOptions(ConcurrentIndexes: true));
        var (saved, error) = SavedPlan.Read(PlanJsonWriter.Write(plan));
        Assert.Null(error);
        Assert.Equal(plan.FromFingerprint, saved!.FromFingerprint);
        Assert.Equal(plan.ToFingerprint, saved.ToFingerprint);
        Assert.Equal(plan.FromSchema, saved.FromSchema);
        Assert.Equal(plan.Statements.Select(s => (s.Sql, s.Phase)), saved.Statements.Select(s => (s.Sql, s.Phase)));
        Assert.Equal(plan.Statements.SelectMany(s => s.Hazards), saved.Statements.SelectMany(s => s.Hazards));
        Assert.Equal(plan.Statements.Select(s => s.Change.Describe()), saved.Statements.Select(s => s.Change.Describe()));
        Assert.Contains(saved.Statements, s => s.Phase == StatementPhase.After && s.Sql.StartsWith("CREATE INDEX CONCURRENTLY", StringComparison.Ordinal));
        var checks = saved.Statements.SelectMany(s => s.Hazards).Select(h => h.Check).OfType<DataCheck>().Select(c => c.Sql).ToList();
        Assert.Contains("SELECT count(*) FROM public.t WHERE v IS NULL", checks);
        Assert.Contains("SELECT count(*) FROM public.t WHERE length(v) > 5", checks);
        Assert.Contains("SELECT count(*) FROM public.t WHERE NOT (n > 0)", checks);
        Assert.Contains("SELECT count(*) FROM (SELECT 1 AS one FROM public.t WHERE v IS NOT NULL GROUP BY v HAVING count(*) > 1) AS duplicates", checks);
    }

    [Theory]
    [InlineData("{", "")]
    [InlineData("{\"dialect\": \"postgres\"}", "")]
    [InlineData("{\"dialect\": \"postgres\", \"from_fingerprint\": \"x\", \"to_fingerprint\": \"y\", \"changes\": [], \"statements\": [{\"sql\": \"SELECT 1\", \"change\": 4, \"hazards\": []}]}", "names change 4")]
    public void A_file_that_is_not_a_saved_plan_is_an_error_saying_what_is_wrong(string json, string expected)
    {
        var (plan, error) = SavedPlan.Read(json);
        Assert.Null(plan);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE public.t ALTER COLUMN v SET NOT NULL", "ALTER TABLE public.t DROP COLUMN v")]
    [InlineData("\"code\": \"DS", "\"code\": \"XX")]
    [InlineData("SELECT count(*) FROM public.t WHERE v IS NULL", "SELECT 0")]
    [InlineData("\"phase\": \"after\"", "\"phase\": \"transaction\"")]
    [InlineData("\"from_fingerprint\": \"sha256:", "\"from_fingerprint\": \"sha256:0")]
    public void A_saved_plan_edited_in_any_part_apply_trusts_is_refused(string what, string edit)
    {
        var json = PlanJsonWriter.Write(Plan(A + "CREATE TABLE old (id integer);", B, new PlanOptions(ConcurrentIndexes: true)), null, null);
        Assert.Contains(what, json, StringComparison.Ordinal);
        var (plan, error) = SavedPlan.Read(json.Replace(what, edit, StringComparison.Ordinal), null);
        Assert.Null(plan);
        Assert.Contains("edited after it was planned", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_its_hash_or_with_a_key_it_was_not_made_with_is_refused()
    {
        var json = PlanJsonWriter.Write(Plan(A, B), null, null);
        var (_, unhashed) = SavedPlan.Read(System.Text.RegularExpressions.Regex.Replace(json, ",\\s*\"plan_hash\": \"[^\"]*\"", string.Empty), null);
        Assert.Contains("has no plan_hash", unhashed, StringComparison.Ordinal);
        var (_, notKeyed) = SavedPlan.Read(json, "team-key");
        Assert.Contains("not keyed", notKeyed, StringComparison.Ordinal);
        var keyed = PlanJsonWriter.Write(Plan(A, B), null, "team-key");
        Assert.Contains("\"plan_hash\": \"hmac-sha256:", keyed, StringComparison.Ordinal);
        Assert.Null(SavedPlan.Read(keyed, "team-key").Error);
        Assert.Contains("is keyed", SavedPlan.Read(keyed, null).Error, StringComparison.Ordinal);
        Assert.Contains("edited after it was planned", SavedPlan.Read(keyed, "another-key").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Flyway_files_follow_the_highest_version_one_per_phase_with_flyways_checksum()
    {
        var plan = Plan(A, B, new PlanOptions(ConcurrentIndexes: true));
        var (files, sums) = FlywayWriter.Write(plan, ["V1__init.sql", "V7_1__fix.sql", "R__views.sql", "notes.txt"], null);
        var name = $"modify_column_public_t_v_type_nullability_and_{plan.Changes.Count - 1}_more";
        Assert.Equal([$"V8__{name}.sql", $"V9__{name}_after.sql"], files.Select(f => f.Name));
        Assert.Contains("CREATE INDEX CONCURRENTLY t_n_idx", files[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CONCURRENTLY", files[0].Text, StringComparison.Ordinal);
        // CRC32 of "a" and "b" without line ends, as Flyway reads a file line by line.
        Assert.Equal(unchecked((int)0x9E83486D), FlywayWriter.Crc32OfLines("a\r\nb\n"));
        Assert.Equal(FlywayWriter.Crc32OfLines("a\nb"), FlywayWriter.Crc32OfLines("\uFEFFa\r\nb\n"));
        var lines = sums.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"V8__{name}.sql  {FlywayWriter.Crc32OfLines(files[0].Text)}  sha256:", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_writes_flyway_migrations_into_the_output_folder()
    {
        var folder = Path.Combine(Dir, "migrations");
        var (code, stdout, stderr) = CliRunner.Run("diff", Write("a.sql", A), Write("b.sql", B), "--format", "flyway", "-o", folder);
        Assert.Equal(2, code);
        Assert.Contains("wrote 1 migration to", stderr, StringComparison.Ordinal);
        Assert.Matches(@"/migrations/V1__modify_column_public_t_v_type_nullability_and_\d+_more\.sql\n$", stdout);
        Assert.True(File.Exists(Path.Combine(folder, FlywayWriter.ChecksumFile)));
        Assert.Equal(3, CliRunner.Run("diff", Write("c.sql", A), Write("d.sql", B), "--format", "flyway").Code);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("10", 10_000)]
    [InlineData("2min", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("0", 0)]
    public void Durations_read_as_written(string text, long milliseconds) => Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ApplyCommand.ParseDuration(text));

    [Theory]
    [InlineData("ten seconds")]
    [InlineData("-1s")]
    [InlineData("5d")]
    [InlineData("600h")]
    public void A_duration_that_is_not_one_is_a_usage_error(string text)
    {
        Assert.Null(ApplyCommand.ParseDuration(text));
        var (code, _, stderr) = CliRunner.Run("apply", Write("a.sql", A), "--db", "sqlite:///" + Path.Combine(Dir, "x.db"), "--lock-timeout", text);
        Assert.Equal(3, code);
        Assert.Contains("take a duration such as 500ms", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_to_a_bounded_character_type_goes_through_text_so_long_values_fail_instead_of_being_cut()
    {
        var plan = Plan("CREATE TABLE t (id integer PRIMARY KEY, n integer, m numeric(10,2), at timestamp);",
            "CREATE TABLE t (id integer PRIMARY KEY, n varchar(3), m integer, at date);");
        var sql = plan.Statements.Select(s => s.Sql).ToList();
        Assert.Contains("ALTER TABLE public.t ALTER COLUMN n TYPE character varying(3) USING n::text", sql);
        var checks = plan.Statements.SelectMany(s => s.Hazards).Select(h => h.Check?.Sql).OfType<string>().ToList();
        Assert.Contains("SELECT count(*) FROM public.t WHERE length(n::text) > 3", checks);
        // Rounding a fraction away and cutting a time to a date lose part of every value: destructive.
        var destructive = plan.Destructive.Select(s => s.Sql).ToList();
        Assert.Contains("ALTER TABLE public.t ALTER COLUMN m TYPE integer USING m::integer", destructive);
        Assert.Contains("ALTER TABLE public.t ALTER COLUMN at TYPE date USING at::date", destructive);
    }

    [Theory]
    [InlineData(1, "public.t.v: 1 row is NULL; SET NOT NULL would fail")]
    [InlineData(12, "public.t.v: 12 rows are NULL; SET NOT NULL would fail")]
    public void Refusals_say_the_count_in_words(long count, string expected) =>
        Assert.Equal(expected, new DataCheck("SELECT 1", "public.t.v: {0} row(s) are NULL; SET NOT NULL would fail").Describe(count));
}
