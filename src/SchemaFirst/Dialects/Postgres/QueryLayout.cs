using System.Collections.Frozen;
using System.Text;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Lays out a normalized query over several lines, breaking before its top-level clauses, for readable views.
/// Only white space changes, so the layout reads back as the same normalized text.
/// </summary>
internal static class QueryLayout
{
    private static readonly FrozenSet<string> Breaks = new[]
    {
        "select", "from", "where", "group", "having", "window", "order", "limit", "offset", "union", "intersect", "except",
        "join", "left", "right", "full", "inner", "cross", "natural", "with", "values", "fetch",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Format(string query)
    {
        var tokens = SqlLexer.Tokenize(query);
        var breaks = new List<int>();
        var depth = 0;
        string? prev = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind is TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (t.Kind is TokenKind.RParen or TokenKind.RBracket) depth--;
            else if (t.Kind == TokenKind.Word && depth == 0 && i > 0)
            {
                var w = query.Substring(t.Start, t.Length);
                // Keep "left join", "union all", "order by" etc. on one line: break only before the first word.
                var continuation = prev is "left" or "right" or "full" or "inner" or "cross" or "natural" or "outer" or "union" or "intersect" or "except";
                if (Breaks.Contains(w) && !continuation && t.Start > 0 && query[t.Start - 1] == ' ') breaks.Add(t.Start - 1);
                prev = w;
                continue;
            }
            prev = t.Kind == TokenKind.Word ? query.Substring(t.Start, t.Length) : null;
        }
        var sb = new StringBuilder(query.Length + breaks.Count * 4 + 2);
        sb.Append("  ");
        var last = 0;
        foreach (var b in breaks)
        {
            sb.Append(query, last, b - last).Append("\n  ");
            last = b + 1;
        }
        sb.Append(query, last, query.Length - last);
        return sb.ToString();
    }
}
