namespace SchemaFirst.Model;

/// <summary>
/// Represents a schema-qualified object name as the database stores it (after case folding).
/// </summary>
public sealed record QualifiedName(string Schema, string Name) : IComparable<QualifiedName>
{
    public int CompareTo(QualifiedName? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Schema, other.Schema);
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>
    /// The name as messages show it: <c>schema.name</c>, a part in double quotes when it is not a plain lower-case
    /// word. Not SQL: SQL text spells names through its dialect's quoting.
    /// </summary>
    public override string ToString() => Schema.Length == 0 ? Display(Name) : Display(Schema) + "." + Display(Name);

    /// <summary>One part of a name as messages show it (see <see cref="ToString"/>).</summary>
    public static string Display(string part)
    {
        var plain = part.Length > 0 && (part[0] is >= 'a' and <= 'z' || part[0] == '_');
        foreach (var ch in part)
        {
            if (!plain) break;
            plain = ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '$';
        }
        return plain ? part : "\"" + part.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
