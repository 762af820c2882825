using System.Diagnostics;
using Microsoft.Playwright;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Loading;
using SchemaFirst.Rendering.Docs;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The docs site in a real browser: search, foreign-key links both ways, zoom, screenshots kept as artifacts; every
/// Mermaid diagram of the corpus parsed by the real Mermaid library; and serve redrawing a page when a file is saved.
/// </summary>
[Collection("browser")]
public sealed class DocsBrowserTests(Browser browser) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sf-docs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string Generate()
    {
        Directory.CreateDirectory(_dir);
        var docs = Path.Combine(_dir, "site");
        var (code, _, err) = CliRunner.Run("generate", "docs", TestPaths.Examples, "-o", docs);
        Assert.True(code == 0, err);
        Assert.DoesNotContain("warning", err, StringComparison.Ordinal);
        return docs;
    }

    [BrowserFact]
    public async Task The_site_opens_from_file_searches_follows_foreign_keys_both_ways_and_zooms()
    {
        var docs = Generate();
        var page = await browser.Instance.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(new Uri(Path.Combine(docs, "index.html")).AbsoluteUri);
        Assert.Equal("Database schema", await page.TitleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "docs-index.png") });

        // Search for a column and go to it.
        await page.FillAsync("#sf-search", "grand_tot");
        var hit = page.Locator("#sf-results a", new PageLocatorOptions { HasText = "shop.orders.grand_total" });
        await hit.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "docs-search.png") });
        await hit.ClickAsync();
        await page.WaitForURLAsync("**/shop.orders.html#col-grand_total");
        Assert.True(await page.Locator("#col-grand_total").IsVisibleAsync());

        // A foreign key out of orders, then back in from customers.
        await page.Locator("#relations tr.out a", new PageLocatorOptions { HasText = "shop.customers" }).ClickAsync();
        await page.WaitForURLAsync("**/shop.customers.html");
        Assert.Equal("shop.customers", await page.Locator("h1").InnerTextAsync());
        await page.Locator("#relations tr.in a", new PageLocatorOptions { HasText = "shop.orders" }).First.ClickAsync();
        await page.WaitForURLAsync("**/shop.orders.html");

        // The neighbourhood diagram: the SVG Graphviz drew, loaded, and zoom.
        var diagram = page.Locator(".diagram").First;
        Assert.True(await diagram.Locator("img").EvaluateAsync<int>("img => img.naturalWidth") > 200, "the diagram did not load");
        var before = double.Parse((await diagram.GetAttributeAsync("data-scale"))!, System.Globalization.CultureInfo.InvariantCulture);
        await diagram.Locator("button[data-zoom=in]").ClickAsync();
        await diagram.Locator("button[data-zoom=in]").ClickAsync();
        var after = double.Parse((await diagram.GetAttributeAsync("data-scale"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after > before * 1.5, $"zoom in went from {before} to {after}");
        await diagram.HoverAsync();
        await page.Mouse.WheelAsync(0, 400);
        var wheeled = double.Parse((await diagram.GetAttributeAsync("data-scale"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(wheeled < after, $"wheel out went from {after} to {wheeled}");
        await diagram.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "docs-orders-diagram.png") });
    }

    [BrowserFact]
    public async Task Every_mermaid_diagram_of_the_examples_and_the_corpus_parses_with_mermaid()
    {
        var mermaid = Path.Combine(TestPaths.Root, ".tmp", "tools", "mermaid", "package", "dist", "mermaid.min.js");
        Assert.True(File.Exists(mermaid) || Environment.GetEnvironmentVariable("CI") != "true", $"Mermaid is missing at {mermaid}; scripts/test.sh fetches it from npm");
        if (!File.Exists(mermaid)) return;
        var sources = new List<(string Name, Model.Database Model, Dialects.ISqlDialect Dialect)> { ("examples", SqlSource.LoadPostgres([TestPaths.Examples]).Model, PostgresDialect.Instance) };
        if (TestPaths.CorpusAvailable())
        {
            foreach (var f in CorpusFiles.Postgres) sources.Add((f.Path, SqlSource.LoadPostgres([Path.Combine(TestPaths.Corpus, f.Path)]).Model, PostgresDialect.Instance));
            foreach (var f in CorpusFiles.Sqlite) sources.Add((f.Path, SqliteDialect.Instance.Parse([Path.Combine(TestPaths.Corpus, f.Path)], []).Model, SqliteDialect.Instance));
        }
        var page = await browser.Instance.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.SetContentAsync("<!DOCTYPE html><html><body></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = mermaid });
        var total = 0;
        foreach (var (name, model, dialect) in sources)
        {
            var site = DocsSite.Build(model, dialect, name);
            var diagrams = site.SchemaDiagrams.Values.Concat(site.TableDiagrams.Values).Select(d => d.Mermaid).ToArray();
            total += diagrams.Length;
            var failures = await page.EvaluateAsync<string[]>(
                "async (texts) => { const bad = []; for (const t of texts) { try { await mermaid.parse(t); } catch (e) { bad.push(String(e && e.message || e).slice(0, 300) + '\\n' + t.slice(0, 400)); } } return bad; }",
                diagrams);
            Assert.True(failures.Length == 0, $"{name}: {failures.Length} of {diagrams.Length} diagrams do not parse; the first:\n{failures.FirstOrDefault()}");
        }
        Assert.True(total > (TestPaths.CorpusAvailable() ? 400 : 20), $"only {total} diagrams were parsed");
    }

    [BrowserFact]
    public async Task Serve_redraws_the_page_when_a_file_is_saved_and_shows_a_syntax_error_instead()
    {
        var schema = Path.Combine(_dir, "schema");
        Directory.CreateDirectory(schema);
        var file = Path.Combine(schema, "app.sql");
        await File.WriteAllTextAsync(file, "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\n");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "SchemaFirst.Cli.dll"), "serve", schema, "--port", "0" }) psi.ArgumentList.Add(a);
        using var server = Process.Start(psi)!;
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            var url = string.Empty;
            var printed = new System.Text.StringBuilder();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (url.Length == 0 && DateTime.UtcNow < deadline)
            {
                var line = await server.StandardOutput.ReadLineAsync().WaitAsync(deadline - DateTime.UtcNow);
                if (line == null) break;
                printed.AppendLine(line);
                url = System.Text.RegularExpressions.Regex.Match(line, @"http://127\.0\.0\.1:\d+/").Value;
            }
            Assert.True(url.Length > 0, "serve printed: " + printed + (errors.IsCompleted ? await errors : string.Empty));
            var page = await browser.Instance.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync(url);
            Assert.Equal(1, await page.Locator("table.grid a", new PageLocatorOptions { HasText = "public.customers" }).CountAsync());

            await File.WriteAllTextAsync(file, "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));\n");
            await page.Locator("table.grid a", new PageLocatorOptions { HasText = "public.orders" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "serve-after-save.png") });

            await File.WriteAllTextAsync(file, "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL;\n");
            await page.Locator(".errors").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
            Assert.Contains("app.sql:1:", await page.Locator(".errors").InnerTextAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "serve-syntax-error.png") });

            await File.WriteAllTextAsync(file, "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\n");
            await page.Locator("table.grid a", new PageLocatorOptions { HasText = "public.customers" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
            Assert.Equal(0, await page.Locator(".errors").CountAsync());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public void The_svg_diagrams_are_drawn_by_graphviz_and_shown_in_the_html()
    {
        if (!File.Exists("/usr/bin/dot"))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "Graphviz's dot is missing; scripts/test.sh installs it");
            return;
        }
        var docs = Generate();
        var svg = File.ReadAllText(Path.Combine(docs, "shop.orders.svg"));
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("graphviz version", svg, StringComparison.Ordinal);
        Assert.Contains("shop.order_items.html", svg, StringComparison.Ordinal);
        Assert.Contains("<img src=\"shop.orders.svg\"", File.ReadAllText(Path.Combine(docs, "shop.orders.html")), StringComparison.Ordinal);
        Assert.Contains("![shop.orders](shop.orders.svg)", File.ReadAllText(Path.Combine(docs, "shop.orders.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(docs, "schema-shop.svg")));
        Assert.Equal(0, CliRunner.Run("generate", "docs", TestPaths.Examples, "-o", docs, "--check").Code);
        // Another Graphviz lays the same diagram out to other bytes: --check compares the diagram drawn, not the drawing.
        File.WriteAllText(Path.Combine(docs, "shop.orders.svg"), svg.Replace("<svg", "<svg data-other-graphviz=\"1\"", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("generate", "docs", TestPaths.Examples, "-o", docs, "--check").Code);
        File.Delete(Path.Combine(docs, "shop.orders.svg"));
        Assert.Equal(2, CliRunner.Run("generate", "docs", TestPaths.Examples, "-o", docs, "--check").Code);
    }
}
