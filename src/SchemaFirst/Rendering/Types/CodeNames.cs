using System.Globalization;
using System.Text;

namespace SchemaFirst.Rendering.Types;

/// <summary>
/// Turns SQL names into names of generated code: PascalCase words split on underscores, spaces, punctuation and case
/// changes; a leading digit gets an underscore; English plurals made singular for row types; names made unique in
/// their scope by a numeric suffix, in the order they come (which is the model's, so output is stable).
/// </summary>
internal static class CodeNames
{
    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>The words of a SQL name: split on anything not a letter or digit, and where lower case turns upper.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            if (current.Length > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                Flush();
            }
            current.Append(c);
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>PascalCase of a SQL name (<c>order_items</c> is <c>OrderItems</c>, <c>HTTPStatus</c> is <c>HttpStatus</c>).</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder();
        foreach (var word in Words(name))
        {
            sb.Append(char.ToUpperInvariant(word[0]));
            sb.Append(word.Length > 1 && word.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)) ? word[1..].ToLowerInvariant() : word[1..]);
        }
        if (sb.Length == 0) sb.Append("Unnamed");
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>The singular of the last word of a PascalCase name, for row types (<c>OrderItems</c> is <c>OrderItem</c>).</summary>
    public static string Singular(string pascal)
    {
        var start = pascal.Length - 1;
        while (start > 0 && !char.IsUpper(pascal[start])) start--;
        var last = pascal[start..];
        var lower = last.ToLowerInvariant();
        string? singular = null;
        if (lower is "status" or "news" or "series" or "species" or "data" or "address" or "access" or "process" or "class" or "analysis" or "alias" or "bus" or "campus" or "canvas" or "gas" or "virus" or "corpus" or "bonus" or "census" or "chaos" or "lens" || lower.EndsWith("ss", StringComparison.Ordinal) || lower.EndsWith("us", StringComparison.Ordinal) || lower.EndsWith("is", StringComparison.Ordinal))
        {
            singular = null;
        }
        else if (lower == "people") singular = last[..1] + "erson";
        else if (lower == "children") singular = last[..5];
        else if (lower.EndsWith("ies", StringComparison.Ordinal) && lower.Length > 4) singular = last[..^3] + "y";
        else if (lower.EndsWith("sses", StringComparison.Ordinal) || lower.EndsWith("xes", StringComparison.Ordinal) || lower.EndsWith("ches", StringComparison.Ordinal) || lower.EndsWith("shes", StringComparison.Ordinal) || lower.EndsWith("zes", StringComparison.Ordinal)) singular = last[..^2];
        else if (lower.EndsWith("ses", StringComparison.Ordinal) && lower.Length > 4) singular = last[..^1];
        else if (lower.EndsWith('s') && lower.Length > 3) singular = last[..^1];
        return singular == null ? pascal : pascal[..start] + singular;
    }

    /// <summary>A C# identifier: keywords get <c>@</c>.</summary>
    public static string CSharpIdentifier(string name) => CSharpKeywords.Contains(name) ? "@" + name : name;

    /// <summary>Whether a SQL name can be a TypeScript property without quotes.</summary>
    public static bool IsPlainJsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    /// <summary>A name unique among <paramref name="taken"/> (case-sensitive), adding 2, 3, ... when it is not; the result is taken.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++) candidate = name + n.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }
}
