namespace SchemaFirst.Model;

/// <summary>
/// Represents the rules for writing an identifier as SQL text; all identifier quoting goes through here.
/// </summary>
public static class Identifier
{
    /// <summary>Quotes a name with double quotes unless it is a plain lower-case identifier and no reserved word.</summary>
    public static string Quote(string name)
    {
        if (NeedsQuotes(name)) return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return name;
    }

    public static bool NeedsQuotes(string name)
    {
        if (name.Length == 0) return true;
        var first = name[0];
        if (!(first is >= 'a' and <= 'z' || first == '_')) return true;
        foreach (var ch in name)
        {
            if (!(ch is >= 'a' and <= 'z' || ch is >= '0' and <= '9' || ch == '_' || ch == '$')) return true;
        }
        return Keywords.IsReserved(name);
    }
}
