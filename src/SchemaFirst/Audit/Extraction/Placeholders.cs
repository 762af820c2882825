using System.Globalization;

namespace SchemaFirst.Audit.Extraction;

/// <summary>
/// Turns the placeholders a program fills in before the SQL reaches the database into parameters, outside SQL string
/// literals: printf and DB-API forms (<c>%s</c>, <c>%d</c>, <c>%(name)s</c>, with <c>%%</c> for a percent sign), format
/// holes (<c>{}</c>, <c>{0}</c>, <c>{name}</c>) and MyBatis' <c>#{name}</c>. Each becomes <c>$n</c>, a part built at run
/// time. Placeholders the database itself reads (<c>$1</c>, <c>?</c>, <c>:name</c>, <c>@name</c>) are left to the parser.
/// </summary>
internal static class Placeholders
{
    public static (string Text, List<int> Map, List<int> Holes, HashSet<int> ValueHoles) Replace(string text, List<int> map, List<int> holes, HashSet<int> valueHoles, ref int holeCount)
    {
        if (text.IndexOfAny(['%', '{', '$']) < 0) return (text, map, holes, valueHoles);
        var sb = new System.Text.StringBuilder(text.Length);
        var newMap = new List<int>(map.Count);
        var newHoles = new List<int>(holes.Count);
        var newValues = new HashSet<int>();
        var holeAt = new HashSet<int>(holes);
        var inString = false;
        var escapes = false;
        var i = 0;
        while (i < text.Length)
        {
            if (holeAt.Contains(i))
            {
                if (valueHoles.Contains(i)) newValues.Add(sb.Length);
                newHoles.Add(sb.Length);
            }
            var c = text[i];
            // Only SQL string literals are kept as they are: placeholders inside "quoted" or `quoted` names are filled
            // in (FROM "%s" is a table name built at run time). E'...' strings take backslash escapes.
            if (inString)
            {
                if (escapes && c == '\\' && i + 1 < text.Length)
                {
                    Copy(i++);
                    Copy(i++);
                    continue;
                }
                if (c == '\'') inString = false;
                Copy(i++);
                continue;
            }
            if (c == '\'')
            {
                inString = true;
                escapes = i > 0 && text[i - 1] is 'e' or 'E' && (i < 2 || !char.IsLetterOrDigit(text[i - 2]));
                Copy(i++);
                continue;
            }
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n') Copy(i++);
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = close < 0 ? text.Length : close + 2;
                while (i < stop) Copy(i++);
                continue;
            }
            var end = PlaceholderEnd(text, i, out var value);
            if (end > i)
            {
                if (value) newValues.Add(sb.Length);
                newHoles.Add(sb.Length);
                foreach (var ch in "$" + (++holeCount).ToString(CultureInfo.InvariantCulture))
                {
                    sb.Append(ch);
                    newMap.Add(map[i]);
                }
                i = end;
                continue;
            }
            if (c == '%' && i + 1 < text.Length && text[i + 1] == '%')
            {
                Copy(i);
                i += 2;
                continue;
            }
            Copy(i++);
        }
        return (sb.ToString(), newMap, newHoles, newValues);

        void Copy(int at)
        {
            sb.Append(text[at]);
            newMap.Add(map[at]);
        }
    }

    /// <summary>The end of a placeholder starting at <paramref name="i"/>, or <paramref name="i"/> when there is none.</summary>
    private static int PlaceholderEnd(string text, int i, out bool value)
    {
        var c = text[i];
        var n = text.Length;
        value = c is '%' or '#';
        if (c == '$' && i + 1 < n) return PgPromiseEnd(text, i, out value);
        if (c == '%' && i + 1 < n)
        {
            var d = text[i + 1];
            if (d is 's' or 'd' or 'i' or 'f' or 'v' or 'b' or 'r' && (i + 2 >= n || !char.IsLetterOrDigit(text[i + 2]) && text[i + 2] != '_')) return i + 2;
            if (d == '(')
            {
                var close = text.IndexOf(')', i + 2);
                if (close > i + 2 && close + 1 < n && text[close + 1] is 's' or 'd' or 'r' && IsName(text, i + 2, close)) return close + 2;
            }
            return i;
        }
        if (c == '#' && i + 1 < n && text[i + 1] == '{')
        {
            var close = text.IndexOf('}', i + 2);
            return close > i + 2 && close - i < 80 ? close + 1 : i;
        }
        if (c == '{')
        {
            var close = text.IndexOf('}', i + 1);
            if (close < 0 || close - i > 60) return i;
            for (var j = i + 1; j < close; j++)
            {
                var ch = text[j];
                if (!(char.IsLetterOrDigit(ch) || ch is '_' or '.' or ':' or '!' or '[' or ']' or ',' or '-' or ' ')) return i;
            }
            return close + 1;
        }
        return i;
    }

    private static readonly string[] Modifiers = [":raw", ":name", ":alias", ":value", ":csv", ":list", ":json", "^", "#", "~"];

    /// <summary>
    /// pg-promise's formatting: <c>$1^</c>, <c>$1:name</c>, <c>$1:raw</c> (a number with a modifier), and named ones
    /// <c>${x}</c>, <c>$(x)</c>, <c>$&lt;x&gt;</c>, <c>$[x]</c>, <c>$/x/</c> with or without one. A plain <c>$1</c> is the
    /// database's own parameter and left alone.
    /// </summary>
    private static int PgPromiseEnd(string text, int i, out bool value)
    {
        value = false;
        var j = i + 1;
        if (char.IsAsciiDigit(text[j]))
        {
            while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
            foreach (var m in Modifiers)
            {
                if (string.CompareOrdinal(text, j, m, 0, m.Length) == 0 && (j + m.Length >= text.Length || !char.IsLetterOrDigit(text[j + m.Length]))) return j + m.Length;
            }
            return i;
        }
        var close = text[j] switch { '{' => '}', '(' => ')', '<' => '>', '[' => ']', '/' => '/', _ => '\0' };
        if (close == '\0') return i;
        var k = j + 1;
        while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] is '_' or '.' || text[k] == ':' || text[k] is '^' or '#' or '~')) k++;
        if (!(k > j + 1 && k < text.Length && text[k] == close)) return i;
        value = text.AsSpan(j + 1, k - j - 1).IndexOfAny(':', '^', '#') < 0 || text.AsSpan(j + 1, k - j - 1).EndsWith(":value");
        return k + 1;
    }

    private static bool IsName(string text, int start, int end)
    {
        for (var j = start; j < end; j++)
        {
            if (!(char.IsLetterOrDigit(text[j]) || text[j] == '_')) return false;
        }
        return true;
    }
}
