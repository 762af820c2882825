using System.Text;
using SchemaFirst.Model;

namespace SchemaFirst.Rendering.Docs;

/// <summary>
/// Writes Mermaid <c>erDiagram</c>s (which GitHub renders in Markdown): each table with its columns, types and keys,
/// and the foreign keys among the tables drawn, with crow's-foot ends read from nullability and uniqueness.
/// </summary>
public static class MermaidWriter
{
    /// <param name="tables">The tables to draw.</param>
    /// <param name="qualify">Whether entity names carry their schema.</param>
    /// <param name="focus">When set, only this table shows every column; the others show their key columns (a neighbourhood stays readable).</param>
    public static string Write(IReadOnlyList<Table> tables, bool qualify, QualifiedName? focus = null)
    {
        var sb = new StringBuilder("erDiagram\n");
        var drawn = tables.Select(t => t.Name).ToHashSet();
        // Names that read the same once made Mermaid-safe (users and "Users", or two non-Latin names) get a number each.
        var ids = new Dictionary<QualifiedName, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
            var id = Entity(t.Name, qualify);
            for (var n = 2; !taken.Add(id); n++) id = Entity(t.Name, qualify) + "_" + n;
            ids[t.Name] = id;
        }
        foreach (var t in tables)
        {
            var fkColumns = t.ForeignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
            var pk = t.PrimaryKey?.Columns.ToHashSet(StringComparer.Ordinal) ?? [];
            var unique = t.Uniques.Where(u => u.Columns.Count == 1).Select(u => u.Columns[0]).ToHashSet(StringComparer.Ordinal);
            sb.Append("    ").Append(ids[t.Name]).Append(" {\n");
            var keysOnly = focus != null && t.Name != focus;
            foreach (var c in t.Columns)
            {
                if (keysOnly && !pk.Contains(c.Name) && !fkColumns.Contains(c.Name) && !DocsSite.Referenced(t, c.Name, tables)) continue;
                var keys = new List<string>();
                if (pk.Contains(c.Name)) keys.Add("PK");
                if (fkColumns.Contains(c.Name)) keys.Add("FK");
                if (unique.Contains(c.Name)) keys.Add("UK");
                sb.Append("        ").Append(Word(c.Type.Text)).Append(' ').Append(Word(c.Name));
                if (keys.Count > 0) sb.Append(' ').Append(string.Join(", ", keys));
                if (c.Comment is { Length: > 0 } comment) sb.Append(" \"").Append(Quoted(comment)).Append('"');
                sb.Append('\n');
            }
            sb.Append("    }\n");
        }
        foreach (var t in tables)
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (!drawn.Contains(fk.ReferencedTable)) continue;
                var nullable = fk.Columns.Any(c => t.FindColumn(c) is not { NotNull: true });
                var one = t.PrimaryKey is { } p && p.Columns.SequenceEqual(fk.Columns) || t.Uniques.Any(u => u.Columns.SequenceEqual(fk.Columns));
                var parentEnd = nullable ? "|o" : "||";
                var childEnd = one ? "o|" : "o{";
                sb.Append("    ").Append(ids[fk.ReferencedTable]).Append(' ').Append(parentEnd).Append("--").Append(childEnd).Append(' ')
                    .Append(ids[t.Name]).Append(" : \"").Append(Quoted(string.Join(", ", fk.Columns))).Append("\"\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>An entity name Mermaid accepts: letters, digits, _ and -, with the schema when several are drawn.</summary>
    public static string Entity(QualifiedName name, bool qualify) => Word(qualify ? name.Schema + "__" + name.Name : name.Name);

    private static string Word(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : c is ' ' or '.' or ',' ? '_' : c is '(' or ')' or '[' or ']' ? c : '_');
        var s = sb.ToString().Replace("(", "_", StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal)
            .Replace("[", "_", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Trim('_');
        if (s.Length == 0) s = "x";
        return char.IsAsciiDigit(s[0]) ? "_" + s : s;
    }

    private static string Quoted(string text) => text.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
