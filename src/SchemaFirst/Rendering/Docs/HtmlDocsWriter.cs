using System.Net;
using System.Text;
using System.Text.Json;
using SchemaFirst.Model;

namespace SchemaFirst.Rendering.Docs;

/// <summary>
/// Writes the HTML part of a docs site: static, one folder, no network (it opens from <c>file://</c>): an index, a page
/// per table and view with links both ways along foreign keys, search over tables and columns, and the SVG diagrams
/// inline with pan and zoom. With <c>live</c>, pages ask the server of <c>schemafirst serve</c> whether the source
/// changed and reload.
/// </summary>
internal static class HtmlDocsWriter
{
    public const string LiveVersionPath = "/__schemafirst/version";

    public static IEnumerable<(string Path, string Text)> Pages(DocsSite site, IReadOnlyDictionary<string, string> svgs, bool live)
    {
        yield return ("schemafirst.css", Asset("schemafirst.css"));
        yield return ("schemafirst.js", Asset("schemafirst.js"));
        yield return ("search-index.js", SearchIndex(site));
        yield return ("index.html", Index(site, svgs, live));
        foreach (var t in site.Tables) yield return (SchemaGraph.Stem(t.Name) + ".html", Table(site, t, svgs, live));
        foreach (var v in site.Graph.Model.Views) yield return (SchemaGraph.Stem(v.Name) + ".html", View(site, v, live));
    }

    /// <summary>A page of the live server when the source does not load: the diagnostics instead of the diagrams.</summary>
    public static string ErrorPage(string title, string diagnostics) =>
        Page(title, "Errors", $"<h1>The schema source has errors</h1><div class=\"errors\"><pre>{H(diagnostics)}</pre></div><p class=\"note\">Fix the file and save it; this page redraws.</p>", true);

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlDocsWriter).Assembly.GetManifestResourceStream("SchemaFirst.Docs." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string SearchIndex(DocsSite site)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var t in site.Tables)
            {
                var url = SchemaGraph.Stem(t.Name) + ".html";
                Entry(w, t.Name.ToString(), "table", url);
                foreach (var c in t.Columns) Entry(w, t.Name + "." + QualifiedName.Display(c.Name), "column", url + "#col-" + Anchor(c.Name));
            }
            foreach (var v in site.Graph.Model.Views.OrderBy(v => v.Name)) Entry(w, v.Name.ToString(), v.Materialized ? "materialized view" : "view", SchemaGraph.Stem(v.Name) + ".html");
            w.WriteEndArray();
        }
        return "window.SF_INDEX = " + Encoding.UTF8.GetString(stream.ToArray()) + ";\n";
    }

    private static void Entry(Utf8JsonWriter w, string name, string kind, string url)
    {
        w.WriteStartObject();
        w.WriteString("n", name);
        w.WriteString("k", kind);
        w.WriteString("u", url);
        w.WriteEndObject();
    }

    private static string Anchor(string column) => string.Concat(column.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c.ToString() : "-" + ((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Index(DocsSite site, IReadOnlyDictionary<string, string> svgs, bool live)
    {
        var db = site.Graph.Model;
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(H(site.Title)).Append("</h1>\n");
        sb.Append("<p class=\"comment\">").Append(H(site.Headline())).Append("</p>\n");
        foreach (var schema in site.Schemas)
        {
            var tables = site.Tables.Where(t => t.Name.Schema == schema).ToList();
            var views = db.Views.Where(v => v.Name.Schema == schema).OrderBy(v => v.Name).ToList();
            sb.Append("<h2 id=\"schema-").Append(H(schema)).Append("\">Schema ").Append(H(schema)).Append("</h2>\n");
            if (svgs.ContainsKey(DocsSite.SchemaDiagramName(schema))) sb.Append(Diagram(DocsSite.SchemaDiagramName(schema), "Schema " + schema));
            else if (tables.Count > site.Options.MaxDiagramTables) sb.Append("<p class=\"note\">").Append(H(PlanSqlWriter.Count(tables.Count, "table"))).Append(": too many for one readable diagram; each table's page draws its neighbourhood.</p>\n");
            if (tables.Count > 0)
            {
                sb.Append("<table class=\"grid\"><tr><th>table</th><th>columns</th><th>comment</th></tr>\n");
                foreach (var t in tables) sb.Append("<tr><td><a href=\"").Append(H(SchemaGraph.Stem(t.Name))).Append(".html\">").Append(H(t.Name.ToString())).Append("</a></td><td>").Append(t.Columns.Count).Append("</td><td>").Append(H(t.Comment ?? string.Empty)).Append("</td></tr>\n");
                sb.Append("</table>\n");
            }
            if (views.Count > 0)
            {
                sb.Append("<table class=\"grid\"><tr><th>view</th><th>kind</th><th>comment</th></tr>\n");
                foreach (var v in views) sb.Append("<tr><td><a href=\"").Append(H(SchemaGraph.Stem(v.Name))).Append(".html\">").Append(H(v.Name.ToString())).Append("</a></td><td>").Append(v.Materialized ? "materialized view" : "view").Append("</td><td>").Append(H(v.Comment ?? string.Empty)).Append("</td></tr>\n");
                sb.Append("</table>\n");
            }
        }
        var types = DocsSite.Types(db);
        if (types.Count > 0)
        {
            sb.Append("<h2>Types</h2>\n<table class=\"grid\"><tr><th>type</th><th>kind</th><th>definition</th><th>comment</th></tr>\n");
            foreach (var (name, kind, definition, comment) in types) sb.Append(Row(name.ToString(), kind, definition, comment));
            sb.Append("</table>\n");
        }
        if (db.Routines.Count > 0)
        {
            sb.Append("<h2>Functions</h2>\n");
            foreach (var r in db.Routines.OrderBy(r => r.Name).ThenBy(r => r.ArgumentTypes, StringComparer.Ordinal))
            {
                sb.Append("<details><summary><code>").Append(H(r.Signature)).Append("</code> ").Append(r.Kind.ToString().ToLowerInvariant());
                if (r.Comment != null) sb.Append(" — ").Append(H(r.Comment));
                sb.Append("</summary><pre>").Append(H(r.Definition.TrimEnd())).Append("</pre></details>\n");
            }
        }
        return Page(site.Title, site.Title, sb.ToString(), live);
    }

    private static string Row(string name, string kind, string definition, string? comment) =>
        "<tr><td>" + H(name) + "</td><td>" + kind + "</td><td><code>" + H(definition) + "</code></td><td>" + H(comment ?? string.Empty) + "</td></tr>\n";

    private static string Table(DocsSite site, Table t, IReadOnlyDictionary<string, string> svgs, bool live)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(H(t.Name.ToString())).Append("</h1>\n");
        if (t.Comment is { Length: > 0 }) sb.Append("<p class=\"comment\">").Append(H(t.Comment)).Append("</p>\n");
        sb.Append("<h2>Columns</h2>\n<table class=\"grid\" id=\"columns\"><tr><th>name</th><th>type</th><th>nullable</th><th>default</th><th>comment</th></tr>\n");
        foreach (var c in t.Columns)
        {
            var dflt = DocsSite.DefaultText(c);
            sb.Append("<tr id=\"col-").Append(Anchor(c.Name)).Append("\"><td>").Append(H(c.Name)).Append("</td><td><code>").Append(H(c.Type.Text)).Append("</code></td><td>").Append(c.NotNull ? "no" : "yes")
                .Append("</td><td><code>").Append(H(dflt)).Append("</code></td><td>").Append(H(c.Comment ?? string.Empty)).Append("</td></tr>\n");
        }
        sb.Append("</table>\n");
        var constraints = DocsSite.Constraints(t);
        if (constraints.Count > 0)
        {
            sb.Append("<h2>Constraints</h2>\n<table class=\"grid\"><tr><th>name</th><th>type</th><th>definition</th></tr>\n");
            foreach (var (name, kind, definition) in constraints) sb.Append("<tr><td>").Append(H(name)).Append("</td><td>").Append(kind).Append("</td><td><code>").Append(H(definition)).Append("</code></td></tr>\n");
            sb.Append("</table>\n");
        }
        var indexes = site.IndexesOf(t.Name);
        if (indexes.Count > 0)
        {
            sb.Append("<h2>Indexes</h2>\n<table class=\"grid\"><tr><th>name</th><th>definition</th></tr>\n");
            foreach (var i in indexes) sb.Append("<tr><td>").Append(H(i.Name.Name)).Append("</td><td><code>").Append(H(DocsSite.IndexDefinition(i))).Append("</code></td></tr>\n");
            sb.Append("</table>\n");
        }
        var incoming = site.Graph.Incoming(t.Name);
        if (t.ForeignKeys.Count > 0 || incoming.Count > 0)
        {
            sb.Append("<h2>Relations</h2>\n<table class=\"grid\" id=\"relations\"><tr><th>direction</th><th>table</th><th>columns</th><th>constraint</th></tr>\n");
            foreach (var f in t.ForeignKeys) sb.Append("<tr class=\"out\"><td>references</td><td>").Append(Link(site, f.ReferencedTable)).Append("</td><td>").Append(H(DocsSite.KeyColumns(f))).Append("</td><td>").Append(H(f.Name)).Append("</td></tr>\n");
            foreach (var (from, f) in incoming) sb.Append("<tr class=\"in\"><td>referenced by</td><td>").Append(Link(site, from.Name)).Append("</td><td>").Append(H(DocsSite.KeyColumns(f))).Append("</td><td>").Append(H(f.Name)).Append("</td></tr>\n");
            sb.Append("</table>\n");
        }
        var partitions = site.Graph.PartitionsOf(t.Name);
        if (partitions.Count > 0)
        {
            sb.Append("<h2>Partitions</h2>\n<p><code>").Append(H(t.PartitionBy ?? string.Empty)).Append("</code></p>\n<table class=\"grid\"><tr><th>partition</th><th>bound</th></tr>\n");
            foreach (var p in partitions) sb.Append("<tr><td>").Append(H(p.Name.ToString())).Append("</td><td><code>").Append(H(p.PartitionOf!.Bound)).Append("</code></td></tr>\n");
            sb.Append("</table>\n");
        }
        var triggers = site.TriggersOf(t.Name);
        if (triggers.Count > 0)
        {
            sb.Append("<h2>Triggers</h2>\n<table class=\"grid\"><tr><th>name</th><th>definition</th></tr>\n");
            foreach (var x in triggers) sb.Append("<tr><td>").Append(H(x.Name)).Append("</td><td><code>").Append(H(x.Definition)).Append("</code></td></tr>\n");
            sb.Append("</table>\n");
        }
        var policies = site.PoliciesOf(t.Name);
        if (policies.Count > 0)
        {
            sb.Append("<h2>Policies</h2>\n<table class=\"grid\"><tr><th>name</th><th>command</th><th>roles</th><th>using</th><th>with check</th></tr>\n");
            foreach (var p in policies) sb.Append("<tr><td>").Append(H(p.Name)).Append("</td><td>").Append(H(p.Command)).Append("</td><td>").Append(H(string.Join(", ", p.Roles))).Append("</td><td><code>").Append(H(p.Using ?? string.Empty)).Append("</code></td><td><code>").Append(H(p.WithCheck ?? string.Empty)).Append("</code></td></tr>\n");
            sb.Append("</table>\n");
        }
        sb.Append("<h2>Diagram</h2>\n");
        var diagram = site.TableDiagrams[t.Name];
        if (diagram.Left > 0) sb.Append("<p class=\"note\">").Append(H(PlanSqlWriter.Count(diagram.Left, "more related table"))).Append(" not drawn; see Relations.</p>\n");
        sb.Append(svgs.ContainsKey(SchemaGraph.Stem(t.Name)) ? Diagram(SchemaGraph.Stem(t.Name), t.Name + " and its neighbours") : "<p class=\"note\">No diagram: the site was generated without Graphviz (dot).</p>\n");
        sb.Append("<h2>Definition</h2>\n<pre>").Append(H(site.Ddl(t))).Append("</pre>\n");
        return Page(t.Name + " — " + site.Title, t.Name.ToString(), sb.ToString(), live);
    }

    private static string View(DocsSite site, View v, bool live)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(H(v.Name.ToString())).Append("</h1>\n");
        if (v.Comment is { Length: > 0 }) sb.Append("<p class=\"comment\">").Append(H(v.Comment)).Append("</p>\n");
        sb.Append("<p>").Append(v.Materialized ? "Materialized view" : "View").Append(".</p>\n<h2>Definition</h2>\n<pre>").Append(H(v.Query.TrimEnd())).Append("</pre>\n");
        return Page(v.Name + " — " + site.Title, v.Name.ToString(), sb.ToString(), live);
    }

    private static string Link(DocsSite site, QualifiedName name) =>
        site.Graph.Find(name) != null ? "<a href=\"" + H(SchemaGraph.Stem(name)) + ".html\">" + H(name.ToString()) + "</a>" : H(name.ToString());

    /// <summary>
    /// A diagram drawn by Graphviz in a pan-and-zoom frame. The page shows the site's .svg file rather than a copy of it,
    /// which keeps a large site half the size; the file itself links each table box to its page.
    /// </summary>
    private static string Diagram(string svgName, string alt) =>
        "<div class=\"diagram\"><div class=\"controls\"><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">−</button><button type=\"button\" data-zoom=\"fit\" title=\"Fit\">⤢</button>"
        + "<a class=\"open\" href=\"" + H(svgName) + ".svg\" title=\"Open the diagram alone (its tables link to their pages)\">↗</a></div><div class=\"canvas\"><img src=\"" + H(svgName) + ".svg\" alt=\"" + H(alt) + "\" draggable=\"false\"></div></div>\n";

    private static string Page(string title, string heading, string body, bool live)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"generator\" content=\"SchemaFirst\">\n<title>").Append(H(title)).Append("</title>\n");
        sb.Append("<link rel=\"stylesheet\" href=\"schemafirst.css\">\n<script src=\"search-index.js\"></script>\n<script src=\"schemafirst.js\"></script>\n");
        if (live) sb.Append("<script>").Append(LiveScript).Append("</script>\n");
        sb.Append("</head>\n<body>\n<header><a class=\"home\" href=\"index.html\">").Append(H(heading == title ? "Schema" : "← All tables")).Append("</a>");
        sb.Append("<div class=\"search\"><input id=\"sf-search\" type=\"search\" placeholder=\"Search tables and columns\" autocomplete=\"off\"><div id=\"sf-results\" class=\"results\"></div></div></header>\n<main>\n");
        sb.Append(body).Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>serve's pages ask for the source's version twice a second and reload when it changes.</summary>
    private const string LiveScript = "(function(){var v=null;function poll(){fetch('" + LiveVersionPath + "',{cache:'no-store'}).then(function(r){return r.text();}).then(function(t){if(v!==null&&t!==v){location.reload();return;}v=t;setTimeout(poll,500);}).catch(function(){setTimeout(poll,1000);});}poll();})();";

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
