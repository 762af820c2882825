using System.Text;
using SchemaFirst.Model;

namespace SchemaFirst.Rendering.Docs;

/// <summary>
/// Writes the Markdown part of a docs site in the layout tbls users know: <c>README.md</c> (schemas, tables, views,
/// types, functions, and a diagram where one fits) and one <c>schema.table.md</c> per table (columns, constraints,
/// indexes, foreign keys both ways, triggers, policies, its DDL, and its neighbourhood diagram).
/// </summary>
internal static class MarkdownDocsWriter
{
    public static string Index(DocsSite site)
    {
        var db = site.Graph.Model;
        var sb = new StringBuilder();
        sb.Append("# ").Append(site.Title).Append("\n\n");
        sb.Append(DocsSite.Banner).Append("\n\n");
        sb.Append(site.Headline()).Append(".\n\n");
        foreach (var schema in site.Schemas)
        {
            var tables = site.Tables.Where(t => t.Name.Schema == schema).ToList();
            var views = db.Views.Where(v => v.Name.Schema == schema).OrderBy(v => v.Name).ToList();
            if (site.Schemas.Count > 1) sb.Append("## Schema ").Append(schema).Append("\n\n");
            if (site.SchemaDiagrams.TryGetValue(schema, out var diagram))
            {
                sb.Append("```mermaid\n").Append(diagram.Mermaid).Append("```\n\n");
            }
            else if (tables.Count > 0)
            {
                sb.Append($"_{PlanSqlWriter.Count(tables.Count, "table")}: too many for one readable diagram; each table's page draws its neighbourhood._\n\n");
            }
            if (tables.Count > 0)
            {
                sb.Append("| table | columns | comment |\n|---|---|---|\n");
                foreach (var t in tables) sb.Append("| [").Append(Cell(t.Name.ToString())).Append("](").Append(SchemaGraph.Stem(t.Name)).Append(".md) | ").Append(t.Columns.Count).Append(" | ").Append(Cell(t.Comment ?? string.Empty)).Append(" |\n");
                sb.Append('\n');
            }
            if (views.Count > 0)
            {
                sb.Append("| view | kind | comment |\n|---|---|---|\n");
                foreach (var v in views) sb.Append("| [").Append(Cell(v.Name.ToString())).Append("](").Append(SchemaGraph.Stem(v.Name)).Append(".md) | ").Append(v.Materialized ? "materialized view" : "view").Append(" | ").Append(Cell(v.Comment ?? string.Empty)).Append(" |\n");
                sb.Append('\n');
            }
        }
        var types = DocsSite.Types(db);
        if (types.Count > 0)
        {
            sb.Append("## Types\n\n| type | kind | definition | comment |\n|---|---|---|---|\n");
            foreach (var (name, kind, detail, comment) in types) sb.Append("| ").Append(Cell(name.ToString())).Append(" | ").Append(kind).Append(" | ").Append(Cell(detail)).Append(" | ").Append(Cell(comment ?? string.Empty)).Append(" |\n");
            sb.Append('\n');
        }
        if (db.Routines.Count > 0)
        {
            sb.Append("## Functions\n\n| function | kind | comment |\n|---|---|---|\n");
            foreach (var r in db.Routines.OrderBy(r => r.Name).ThenBy(r => r.ArgumentTypes, StringComparer.Ordinal))
            {
                sb.Append("| ").Append(Cell(r.Signature)).Append(" | ").Append(r.Kind.ToString().ToLowerInvariant()).Append(" | ").Append(Cell(r.Comment ?? string.Empty)).Append(" |\n");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Table(DocsSite site, Table t)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(t.Name).Append("\n\n");
        sb.Append(DocsSite.Banner).Append("\n\n");
        if (t.Comment is { Length: > 0 }) sb.Append(Prose(t.Comment)).Append("\n\n");
        sb.Append("[All tables](README.md)\n\n");
        sb.Append("## Columns\n\n| name | type | nullable | default | comment |\n|---|---|---|---|---|\n");
        foreach (var c in t.Columns)
        {
            var dflt = DocsSite.DefaultText(c);
            sb.Append("| ").Append(Cell(c.Name)).Append(" | ").Append(Cell(c.Type.Text)).Append(" | ").Append(c.NotNull ? "no" : "yes").Append(" | ").Append(Code(dflt)).Append(" | ").Append(Cell(c.Comment ?? string.Empty)).Append(" |\n");
        }
        sb.Append('\n');
        var constraints = DocsSite.Constraints(t);
        if (constraints.Count > 0)
        {
            sb.Append("## Constraints\n\n| name | type | definition |\n|---|---|---|\n");
            foreach (var (name, kind, definition) in constraints) sb.Append("| ").Append(Cell(name)).Append(" | ").Append(kind).Append(" | ").Append(Code(definition)).Append(" |\n");
            sb.Append('\n');
        }
        var indexes = site.IndexesOf(t.Name);
        if (indexes.Count > 0)
        {
            sb.Append("## Indexes\n\n| name | definition |\n|---|---|\n");
            foreach (var i in indexes) sb.Append("| ").Append(Cell(i.Name.Name)).Append(" | ").Append(Code(DocsSite.IndexDefinition(i))).Append(" |\n");
            sb.Append('\n');
        }
        var (outgoing, incoming) = (t.ForeignKeys.ToList(), site.Graph.Incoming(t.Name));
        if (outgoing.Count > 0 || incoming.Count > 0)
        {
            sb.Append("## Relations\n\n| direction | table | columns | constraint |\n|---|---|---|---|\n");
            foreach (var f in outgoing) sb.Append("| references | ").Append(Link(site, f.ReferencedTable, ".md")).Append(" | ").Append(Cell(DocsSite.KeyColumns(f))).Append(" | ").Append(Cell(f.Name)).Append(" |\n");
            foreach (var (from, f) in incoming) sb.Append("| referenced by | ").Append(Link(site, from.Name, ".md")).Append(" | ").Append(Cell(DocsSite.KeyColumns(f))).Append(" | ").Append(Cell(f.Name)).Append(" |\n");
            sb.Append('\n');
        }
        var partitions = site.Graph.PartitionsOf(t.Name);
        if (partitions.Count > 0)
        {
            sb.Append("## Partitions\n\n").Append(Cell(t.PartitionBy ?? string.Empty)).Append("\n\n| partition | bound |\n|---|---|\n");
            foreach (var p in partitions) sb.Append("| ").Append(Cell(p.Name.ToString())).Append(" | ").Append(Code(p.PartitionOf!.Bound)).Append(" |\n");
            sb.Append('\n');
        }
        var triggers = site.TriggersOf(t.Name);
        if (triggers.Count > 0)
        {
            sb.Append("## Triggers\n\n| name | definition |\n|---|---|\n");
            foreach (var x in triggers) sb.Append("| ").Append(Cell(x.Name)).Append(" | ").Append(Code(x.Definition)).Append(" |\n");
            sb.Append('\n');
        }
        var policies = site.PoliciesOf(t.Name);
        if (policies.Count > 0)
        {
            sb.Append("## Policies\n\n| name | command | roles | using | with check |\n|---|---|---|---|---|\n");
            foreach (var p in policies) sb.Append("| ").Append(Cell(p.Name)).Append(" | ").Append(p.Command).Append(" | ").Append(Cell(string.Join(", ", p.Roles))).Append(" | ").Append(Code(p.Using ?? string.Empty)).Append(" | ").Append(Code(p.WithCheck ?? string.Empty)).Append(" |\n");
            sb.Append('\n');
        }
        var diagram = site.TableDiagrams[t.Name];
        sb.Append("## Diagram\n\n");
        if (diagram.Left > 0) sb.Append($"_{PlanSqlWriter.Count(diagram.Left, "more related table")} not drawn; see Relations._\n\n");
        sb.Append("```mermaid\n").Append(diagram.Mermaid).Append("```\n\n");
        if (site.HasSvg) sb.Append("![").Append(Cell(t.Name.ToString())).Append("](").Append(SchemaGraph.Stem(t.Name)).Append(".svg)\n\n");
        sb.Append("## Definition\n\n").Append(Fence("sql", site.Ddl(t)));
        return sb.ToString();
    }

    public static string View(DocsSite site, View v)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(v.Name).Append("\n\n").Append(DocsSite.Banner).Append("\n\n");
        if (v.Comment is { Length: > 0 }) sb.Append(Prose(v.Comment)).Append("\n\n");
        sb.Append("[All tables](README.md)\n\n");
        sb.Append(v.Materialized ? "Materialized view" : "View").Append(".\n\n## Definition\n\n").Append(Fence("sql", v.Query.TrimEnd()));
        return sb.ToString();
    }

    private static string Link(DocsSite site, QualifiedName name, string extension) =>
        site.Graph.Find(name) != null ? "[" + Cell(name.ToString()) + "](" + SchemaGraph.Stem(name) + extension + ")" : Cell(name.ToString());

    /// <summary>Text in a table cell: no live HTML (a comment is data), pipes and backslashes escaped, lines joined with br.</summary>
    private static string Cell(string s) => Prose(s).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Text as a paragraph: angle brackets and ampersands as entities, backslashes kept literal.</summary>
    private static string Prose(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A fenced block that no run of backticks in the content can close.</summary>
    private static string Fence(string language, string content)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return fence + language + "\n" + content.TrimEnd('\n') + "\n" + fence + "\n";
    }

    /// <summary>A code span in a table cell: pipes escaped as GitHub's tables want, line breaks as spaces.</summary>
    private static string Code(string s)
    {
        if (s.Length == 0) return string.Empty;
        var text = s.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
        var fence = text.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
        return fence + text + (fence.Length > 1 ? " ``" : "`");
    }
}
