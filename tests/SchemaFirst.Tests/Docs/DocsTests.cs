using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Rendering.Docs;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Docs;

/// <summary>
/// The docs site without a browser: Markdown and Mermaid of the examples pinned as golden files, byte-identical
/// output, large schemas cut into readable diagrams, and --check exact.
/// </summary>
public sealed class DocsTests : TempDirectoryTest
{
    private static DocsSite Examples() => DocsSite.Build(SqlSource.LoadPostgres([TestPaths.Examples]).Model, PostgresDialect.Instance, "Database schema");

    [Fact]
    public void The_examples_markdown_and_mermaid_are_as_pinned()
    {
        var files = Examples().Files(null).ToDictionary(f => f.Path, f => f.Text);
        Golden.Check("docs/examples/README.md", files["README.md"]);
        Golden.Check("docs/examples/shop.orders.md", files["shop.orders.md"]);
        Golden.Check("docs/examples/shop.order_items.md", files["shop.order_items.md"]);
        Golden.Check("docs/examples/shop.available_stock.md", files["shop.available_stock.md"]);
    }

    [Fact]
    public void Every_table_and_view_has_a_markdown_and_an_html_page_and_links_resolve()
    {
        var site = Examples();
        var files = site.Files(null).ToDictionary(f => f.Path, f => f.Text);
        foreach (var t in site.Tables)
        {
            Assert.Contains(SchemaGraph.Stem(t.Name) + ".md", files.Keys);
            Assert.Contains(SchemaGraph.Stem(t.Name) + ".html", files.Keys);
        }
        Assert.Contains("shop.available_stock.md", files.Keys);
        Assert.Contains("index.html", files.Keys);
        Assert.Contains("schema.json", files.Keys);
        // Every relative link of every page names a file of the site.
        foreach (var (path, text) in files.Where(f => f.Key.EndsWith(".md", StringComparison.Ordinal) || f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"(?:\]\(|href="")([^)""#:]+\.(?:md|html|css|js))"))
            {
                Assert.True(files.ContainsKey(m.Groups[1].Value), $"{path} links to {m.Groups[1].Value}, which the site does not have");
            }
        }
        Assert.Contains("| referenced by | [shop.order_items](shop.order_items.md) |", files["shop.orders.md"], StringComparison.Ordinal);
        Assert.Contains("| references | [shop.orders](shop.orders.md) |", files["shop.order_items.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_source_gives_the_same_bytes()
    {
        var a = Examples().Files(null);
        var b = Examples().Files(null);
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_large_schema_is_drawn_as_neighbourhoods_never_one_hairball()
    {
        // 200 tables: a hub every other table references, and a chain.
        var sql = new System.Text.StringBuilder("CREATE TABLE hub (id bigint PRIMARY KEY);\n");
        for (var i = 0; i < 200; i++) sql.Append($"CREATE TABLE t{i:000} (id bigint PRIMARY KEY, hub_id bigint REFERENCES hub (id){(i > 0 ? $", prev_id bigint REFERENCES t{i - 1:000} (id)" : string.Empty)});\n");
        var site = DocsSite.Build(SqlSource.ParsePostgres(sql.ToString()).Model, PostgresDialect.Instance, "Big");
        var files = site.Files(null).ToDictionary(f => f.Path, f => f.Text);
        Assert.Empty(site.SchemaDiagrams);
        Assert.Contains("_201 tables: too many for one readable diagram; each table's page draws its neighbourhood._", files["README.md"], StringComparison.Ordinal);
        var hub = site.TableDiagrams[new Model.QualifiedName("public", "hub")];
        Assert.Equal(200 - site.Options.MaxNeighbours, hub.Left);
        Assert.Equal(site.Options.MaxNeighbours + 1, hub.Mermaid.Split('\n').Count(l => l.EndsWith(" {", StringComparison.Ordinal)));
        Assert.Contains("_170 more related tables not drawn; see Relations._", files["public.hub.md"], StringComparison.Ordinal);
        var middle = site.TableDiagrams[new Model.QualifiedName("public", "t100")];
        Assert.Equal(4, middle.Mermaid.Split('\n').Count(l => l.EndsWith(" {", StringComparison.Ordinal)));
        Assert.Equal(0, middle.Left);
    }

    [Fact]
    public void Check_exits_2_after_an_edit_and_0_after_regenerating_and_stale_pages_go()
    {
        var schema = Path.Combine(Dir, "schema");
        Directory.CreateDirectory(schema);
        File.WriteAllText(Path.Combine(schema, "a.sql"), "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id));\n");
        var docs = Path.Combine(Dir, "docs");
        var (code, _, err) = CliRunner.Run("generate", "docs", schema, "-o", docs, "--no-svg");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(docs, "public.b.md")));
        Assert.Equal(0, CliRunner.Run("generate", "docs", schema, "-o", docs, "--no-svg", "--check").Code);
        File.WriteAllText(Path.Combine(schema, "a.sql"), "CREATE TABLE a (id bigint PRIMARY KEY, name text);\n");
        var (stale, _, staleErr) = CliRunner.Run("generate", "docs", schema, "-o", docs, "--no-svg", "--check");
        Assert.Equal(2, stale);
        Assert.Contains("out of date", staleErr, StringComparison.Ordinal);
        Assert.Contains("public.b.md", staleErr, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("generate", "docs", schema, "-o", docs, "--no-svg").Code);
        Assert.False(File.Exists(Path.Combine(docs, "public.b.md")), "the page of a dropped table stays behind");
        Assert.Contains("| name | text | yes |", File.ReadAllText(Path.Combine(docs, "public.a.md")), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("generate", "docs", schema, "-o", docs, "--no-svg", "--check").Code);
    }

    [Fact]
    public void Comments_are_text_fences_hold_any_backticks_and_partitions_are_on_their_parents_page()
    {
        const string sql = "CREATE TABLE events (id bigint, at timestamptz NOT NULL, note text) PARTITION BY RANGE (at);\n"
            + "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\n"
            + "COMMENT ON TABLE events IS '<img src=x onerror=alert(1)> a | b';\n"
            + "CREATE VIEW v AS SELECT '```' AS ticks;\n";
        var site = DocsSite.Build(SqlSource.ParsePostgres(sql).Model, PostgresDialect.Instance, "t");
        var files = site.Files(null).ToDictionary(f => f.Path, f => f.Text);
        var page = files["public.events.md"];
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; a | b", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\n<img", page, StringComparison.Ordinal);
        Assert.Contains("| public.events_2026 | `FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')` |", page, StringComparison.Ordinal);
        Assert.False(files.ContainsKey("public.events_2026.md"));
        Assert.Contains("````sql\n", files["public.v.md"], StringComparison.Ordinal);
        Assert.DoesNotContain("<img", files["public.events.html"], StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_whose_names_read_the_same_to_mermaid_get_entities_of_their_own()
    {
        const string sql = "CREATE TABLE \"Users\" (id bigint PRIMARY KEY);\nCREATE TABLE users (id bigint PRIMARY KEY, boss bigint REFERENCES \"Users\" (id));\n";
        var site = DocsSite.Build(SqlSource.ParsePostgres(sql).Model, PostgresDialect.Instance, "t");
        var mermaid = site.SchemaDiagrams["public"].Mermaid;
        Assert.Contains("    Users {", mermaid, StringComparison.Ordinal);
        Assert.Contains("    users {", mermaid, StringComparison.Ordinal);
        var a = site.TableDiagrams[new Model.QualifiedName("public", "users")].Mermaid;
        Assert.Equal(2, a.Split('\n').Count(l => l.EndsWith(" {", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_manifest_cannot_point_a_deletion_outside_the_folder()
    {
        var schema = Path.Combine(Dir, "a.sql");
        File.WriteAllText(schema, "CREATE TABLE a (id bigint PRIMARY KEY);\n");
        var docs = Path.Combine(Dir, "docs");
        Directory.CreateDirectory(docs);
        var victim = Path.Combine(Dir, "keep.txt");
        File.WriteAllText(victim, "mine");
        File.WriteAllText(Path.Combine(docs, ".schemafirst-docs"), "../keep.txt\n" + victim + "\n");
        Assert.Equal(0, CliRunner.Run("generate", "docs", schema, "-o", docs, "--no-svg").Code);
        Assert.True(File.Exists(victim));
    }

    [Fact]
    public void Schemafirst_yaml_names_the_sources_the_folder_and_the_title_and_without_them_the_folder_is_asked_for()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "schema"));
        File.WriteAllText(Path.Combine(Dir, "schema", "a.sql"), "CREATE TABLE a (id bigint PRIMARY KEY);\n");
        var (missing, _, err) = CliRunner.RunIn(Dir, "generate", "docs", "schema", "--no-svg");
        Assert.Equal(3, missing);
        Assert.Contains("name the folder to write the site into with -o", err, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), "schema: [schema/]\ndocs:\n  out: site\n  title: Shop\n");
        var (code, _, stderr) = CliRunner.RunIn(Dir, "generate", "docs", "--no-svg");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("# Shop\n", File.ReadAllText(Path.Combine(Dir, "site", "README.md")), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "docs", "--no-svg", "--check").Code);
    }
}
