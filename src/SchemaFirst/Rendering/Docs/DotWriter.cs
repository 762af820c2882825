using System.Net;
using System.Text;
using SchemaFirst.Model;

namespace SchemaFirst.Rendering.Docs;

/// <summary>
/// Writes Graphviz DOT for a set of tables: each a record of its columns (keys marked), the focus table highlighted,
/// foreign keys as edges from column to column, and every table linked to its page.
/// </summary>
public static class DotWriter
{
    public static string Write(IReadOnlyList<Table> tables, QualifiedName? focus, string pageExtension)
    {
        var sb = new StringBuilder();
        sb.Append("digraph schema {\n");
        sb.Append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10, nodesep=0.4, ranksep=0.9, bgcolor=\"transparent\"];\n");
        sb.Append("  node [shape=plain, fontname=\"Helvetica\", fontsize=10];\n");
        sb.Append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#6b7280\", arrowhead=none, arrowtail=crow, dir=both];\n");
        var ids = tables.Select((t, i) => (t.Name, Id: "t" + i)).ToDictionary(x => x.Name, x => x.Id);
        foreach (var t in tables)
        {
            var isFocus = t.Name == focus;
            var pk = t.PrimaryKey?.Columns.ToHashSet(StringComparer.Ordinal) ?? [];
            var fk = t.ForeignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
            sb.Append("  ").Append(ids[t.Name]).Append(" [URL=\"").Append(Escape(SchemaGraph.Stem(t.Name) + pageExtension)).Append("\", tooltip=\"").Append(Escape(t.Name.ToString())).Append("\", label=<\n");
            sb.Append("    <table border=\"").Append(isFocus ? 2 : 1).Append("\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\" color=\"").Append(isFocus ? "#1d4ed8" : "#9ca3af").Append("\">\n");
            sb.Append("      <tr><td bgcolor=\"").Append(isFocus ? "#dbeafe" : "#f3f4f6").Append("\" colspan=\"2\"><b>").Append(Html(t.Name.ToString())).Append("</b></td></tr>\n");
            var keysOnly = focus != null && !isFocus;
            var hidden = 0;
            foreach (var c in t.Columns)
            {
                if (keysOnly && !pk.Contains(c.Name) && !fk.Contains(c.Name) && !DocsSite.Referenced(t, c.Name, tables))
                {
                    hidden++;
                    continue;
                }
                var mark = pk.Contains(c.Name) ? "PK " : fk.Contains(c.Name) ? "FK " : string.Empty;
                sb.Append("      <tr><td align=\"left\" port=\"").Append(Port(c.Name)).Append("\">").Append(Html(mark + c.Name)).Append("</td><td align=\"left\"><font color=\"#6b7280\">")
                    .Append(Html(c.Type.Text + (c.NotNull ? string.Empty : "?"))).Append("</font></td></tr>\n");
            }
            if (hidden > 0) sb.Append("      <tr><td align=\"left\" colspan=\"2\"><font color=\"#9ca3af\">").Append(Html($"… {hidden} more column{(hidden == 1 ? string.Empty : "s")}")).Append("</font></td></tr>\n");
            sb.Append("    </table>>];\n");
        }
        foreach (var t in tables)
        {
            foreach (var f in t.ForeignKeys)
            {
                if (!ids.TryGetValue(f.ReferencedTable, out var target)) continue;
                sb.Append("  ").Append(ids[t.Name]);
                if (f.Columns.Count == 1) sb.Append(':').Append(Port(f.Columns[0]));
                sb.Append(" -> ").Append(target);
                if (f.ReferencedColumns.Count == 1) sb.Append(':').Append(Port(f.ReferencedColumns[0]));
                sb.Append(" [tooltip=\"").Append(Escape(f.Name)).Append("\"];\n");
            }
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Port(string column) => "c_" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(column));

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
