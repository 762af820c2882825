namespace SchemaFirst.Lint.Rules;

/// <summary>
/// Reads English table names well enough for naming rules: plural or singular, and the singular of a plural.
/// Words that read the same both ways (data, series, status) are neither, so no rule judges them.
/// </summary>
internal static class Words
{
    private static readonly HashSet<string> Invariant = new(StringComparer.Ordinal)
    {
        "data", "metadata", "info", "information", "news", "series", "species", "status", "analysis", "staff", "equipment",
        "feedback", "media", "software", "hardware", "audio", "video", "music", "history", "inventory", "stock", "cache",
        "config", "configuration", "settings", "access", "address", "business", "process", "progress", "class", "basis",
        "sms", "gps", "bus", "campus", "census", "corpus", "alias", "canvas", "chassis", "aircraft", "sheep", "fish", "deer",
        "personnel", "content", "mail", "email", "traffic", "weather", "advice", "evidence", "research", "knowledge",
    };

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["people"] = "person", ["children"] = "child", ["men"] = "man", ["women"] = "woman", ["criteria"] = "criterion",
        ["indices"] = "index", ["matrices"] = "matrix", ["vertices"] = "vertex", ["geese"] = "goose", ["mice"] = "mouse",
    };

    // Singulars that end in -ie, whose plurals are not -y words (movies, not movys).
    private static readonly HashSet<string> IeWords = new(StringComparer.Ordinal) { "movie", "cookie", "zombie", "rookie", "selfie", "pie", "tie", "lie", "calorie", "freebie", "smoothie", "hoodie", "genie" };

    /// <summary>The last word of a snake_case name.</summary>
    public static string LastWord(string name)
    {
        var i = name.LastIndexOf('_');
        return (i >= 0 ? name[(i + 1)..] : name).ToLowerInvariant();
    }

    /// <summary>true plural, false singular, null when the word cannot tell.</summary>
    public static bool? IsPlural(string name)
    {
        var w = LastWord(name);
        if (w.Length < 3 || Invariant.Contains(w) || w.Any(char.IsDigit)) return null;
        if (Irregular.ContainsKey(w)) return true;
        if (Irregular.ContainsValue(w)) return false;
        if (w.EndsWith("ss", StringComparison.Ordinal) || w.EndsWith("us", StringComparison.Ordinal) || w.EndsWith("is", StringComparison.Ordinal)) return false;
        return w.EndsWith('s');
    }

    /// <summary>The singular of a snake_case name's last word (orders -> order, categories -> category, boxes -> box).</summary>
    public static string Singular(string name)
    {
        var w = LastWord(name);
        var head = name[..^w.Length];
        if (Irregular.TryGetValue(w, out var irregular)) return head + irregular;
        if (IsPlural(name) != true) return name;
        if (w.EndsWith("ies", StringComparison.Ordinal)) return head + (IeWords.Contains(w[..^1]) ? w[..^1] : w[..^3] + "y");
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)) return head + w[..^2];
        return head + w[..^1];
    }

    /// <summary>The plurals a singular name may have (order -> orders, category -> categories, box -> boxes).</summary>
    public static IEnumerable<string> Plurals(string name)
    {
        yield return name + "s";
        yield return name + "es";
        if (name.EndsWith('y')) yield return name[..^1] + "ies";
        foreach (var (plural, single) in Irregular)
        {
            if (name.EndsWith(single, StringComparison.Ordinal)) yield return name[..^single.Length] + plural;
        }
    }
}
