using System.Text.Json;

namespace SchemaFirst.Tests.Cli;

/// <summary>
/// audit on the sample application of examples/app: exactly the planted defects, each at its line, in every format; the
/// call sites a saved plan would break; usage errors.
/// </summary>
public sealed class AuditCommandTests : TempDirectoryTest
{
    private static string App => Path.Combine(TestPaths.Root, "examples", "app");

    /// <summary>The defects planted in examples/app: file, line, column and code. Nothing else may be reported.</summary>
    private static readonly (string File, int Line, int Column, string Code)[] Planted =
    [
        ("admin/stores.ts", 15, 10, "SF801"),
        ("api/StoreRepository.cs", 42, 92, "SF806"),
        ("api/StoreRepository.cs", 51, 27, "SF808"),
        ("crawler/crawler.py", 14, 22, "SF804"),
        ("crawler/crawler.py", 14, 40, "SF802"),
        ("crawler/crawler.py", 14, 46, "SF802"),
        ("crawler/crawler.py", 14, 55, "SF802"),
        ("cron/cleanup.go", 11, 42, "SF807"),
        ("jobs/refresh_search.rb", 18, 44, "SF805"),
        ("reports/VisitReport.java", 22, 17, "SF803"),
        ("web/store.php", 7, 32, "SF802"),
    ];

    [Fact]
    public void The_sample_application_gives_exactly_the_planted_defects()
    {
        var (code, stdout, err) = CliRunner.RunIn(App, "audit", "--format", "json");
        Assert.True(code == 1, err);
        using var doc = JsonDocument.Parse(stdout);
        var found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32(), f.GetProperty("code").GetString()!)).ToArray();
        Assert.Equal(Planted, found);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(30, summary.GetProperty("statements").GetInt32());
        Assert.Equal(1, summary.GetProperty("ignored").GetInt32());
        Assert.Equal(0, summary.GetProperty("unreadable").GetInt32());
    }

    [Fact]
    public void The_text_report_is_pinned_and_the_same_on_every_run()
    {
        var first = CliRunner.RunIn(App, "audit");
        var second = CliRunner.RunIn(App, "audit", "crawler/", "cron/", "api/", "admin/", "reports/", "jobs/", "web/", "queries/", "--schema", "schema/");
        Assert.Equal(1, first.Code);
        Assert.Equal(first.Out, second.Out);
        Golden.Check("audit/examples-app.txt", first.Out);
    }

    [Fact]
    public void Github_and_sarif_carry_every_finding_on_its_line()
    {
        var github = CliRunner.RunIn(App, "audit", "--format", "github");
        var lines = github.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Planted.Length, lines.Count(l => l.StartsWith("::error file=", StringComparison.Ordinal)));
        Assert.Contains("::error file=web/store.php,line=7,col=32,title=SchemaFirst SF802 (unknown-column)::no column store_name: not in public.stores (did you mean store_nm?)", lines);
        var sarif = CliRunner.RunIn(App, "audit", "--format", "sarif");
        using var doc = JsonDocument.Parse(sarif.Out);
        var run = doc.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Planted.Length, results.Count);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(Planted.Select(p => p.Code).Distinct().Order(StringComparer.Ordinal), rules);
        var region = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("admin/stores.ts", region.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(15, region.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void A_plan_that_renames_and_drops_columns_lists_the_call_sites_it_would_break()
    {
        CopyApp();
        var schema = File.ReadAllText(Path.Combine(Dir, "schema", "10_stores.sql"));
        var next = schema.Replace("    tel_no      text,", "    phone       text, -- schemafirst:renamed-from tel_no", StringComparison.Ordinal)
            .Replace("ON stores (tel_no) WHERE tel_no IS NOT NULL", "ON stores (phone) WHERE phone IS NOT NULL", StringComparison.Ordinal)
            .Replace("    bytes       integer", "    size_bytes  integer", StringComparison.Ordinal);
        Write("next/10_stores.sql", next);
        var diff = CliRunner.RunIn(Dir, "diff", "schema/", "next/", "--format", "json", "-o", "plan.json");
        Assert.True(diff.Code == 2, diff.Err);
        var (code, stdout, err) = CliRunner.RunIn(Dir, "audit", "--against-plan", "plan.json", "--format", "json");
        Assert.True(code == 1, err);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("plan-impact", doc.RootElement.GetProperty("mode").GetString());
        var found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("message").GetString(), f.GetProperty("impact").GetString())).ToList();
        Assert.Equal(
        [
            ("crawler/crawler.py", 5, "INSERT INTO public.store_visits: no column bytes", "drop column public.store_visits.bytes; add column public.store_visits.size_bytes"),
            ("queries/stores.sql", 4, "no column tel_no: not in public.stores", "rename column public.stores.tel_no to phone"),
            ("web/store.php", 7, "no column tel_no: not in public.stores", "rename column public.stores.tel_no to phone"),
        ], found);
        // A plan that changes nothing the code reads breaks nothing.
        Write("same/10_stores.sql", schema + "\nCREATE INDEX stores_region_idx ON stores (region_id);\n");
        Assert.Equal(2, CliRunner.RunIn(Dir, "diff", "schema/", "same/", "--format", "json", "-o", "plan2.json").Code);
        var clean = CliRunner.RunIn(Dir, "audit", "--against-plan", "plan2.json");
        Assert.True(clean.Code == 0, clean.Out + clean.Err);
        Assert.StartsWith("The plan breaks no SQL in the application", clean.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_runs_the_audit_when_schemafirst_yaml_lists_the_application_paths()
    {
        CopyApp();
        var (code, stdout, _) = CliRunner.RunIn(Dir, "check");
        Assert.Equal(1, code);
        Assert.Contains("FAILED audit (errors)", stdout, StringComparison.Ordinal);
        Assert.Contains("web/store.php", stdout, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), "schema: [schema/]\n");
        Assert.DoesNotContain("audit", CliRunner.RunIn(Dir, "check").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_leaves_out_ignored_paths_and_the_search_path_resolves_unqualified_names()
    {
        Write("schema/app.sql", "CREATE SCHEMA billing;\nCREATE TABLE billing.invoices (id bigint PRIMARY KEY, total numeric NOT NULL);\nCREATE TABLE public.invoices (id bigint PRIMARY KEY, memo text);\n");
        Write("src/app.py", "q = \"SELECT total FROM invoices\"\n");
        Write("src/generated/old.py", "q = \"SELECT nothing FROM nowhere\"\n");
        Write("schemafirst.yaml", "schema: [schema/]\naudit: { paths: [src/], ignore: [\"src/generated/**\"] }\n");
        var publicFirst = CliRunner.RunIn(Dir, "audit");
        Assert.Equal(1, publicFirst.Code);
        Assert.Contains("no column total: not in public.invoices", publicFirst.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("nowhere", publicFirst.Out, StringComparison.Ordinal);
        var billing = CliRunner.RunIn(Dir, "audit", "--search-path", "billing,public");
        Assert.True(billing.Code == 0, billing.Out);
        Write("schemafirst.yaml", "schema: [schema/]\naudit: { paths: [src/], ignore: [\"src/generated/**\"], search_path: [billing] }\n");
        Assert.Equal(0, CliRunner.RunIn(Dir, "audit").Code);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_warning_not_the_end_of_the_run()
    {
        Write("schema/app.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
        Write("src/ok.py", "q = \"SELECT id FROM t\"\n");
        File.CreateSymbolicLink(Path.Combine(Dir, "src", "config.py"), "/nonexistent/config.py");
        var (code, stdout, _) = CliRunner.RunIn(Dir, "audit", "src/", "--schema", "schema/");
        Assert.Equal(0, code);
        Assert.Contains("warning SF809: the file could not be read", stdout, StringComparison.Ordinal);
        Assert.Contains("1 finding: 0 errors, 1 warning in 1 SQL statement of 1 file", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_3_with_what_to_do()
    {
        var none = CliRunner.RunIn(Dir, "audit");
        Assert.Equal(3, none.Code);
        Assert.Contains("name the application source to audit", none.Err, StringComparison.Ordinal);
        CopyApp();
        Write("plan.json", "{ \"dialect\": 1 }");
        var bad = CliRunner.RunIn(Dir, "audit", "--against-plan", "plan.json");
        Assert.Equal(3, bad.Code);
        Assert.Contains("is not a plan saved with 'plan -o'", bad.Err, StringComparison.Ordinal);
        var missing = CliRunner.RunIn(Dir, "audit", "nowhere/");
        Assert.Equal(3, missing.Code);
        Assert.Contains("no such file or directory: 'nowhere/'", missing.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Err + missing.Err + none.Err, StringComparison.Ordinal);
    }

    private void CopyApp()
    {
        foreach (var file in Directory.EnumerateFiles(App, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Dir, Path.GetRelativePath(App, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, true);
        }
    }
}
