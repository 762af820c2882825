using System.Collections.Frozen;

namespace SchemaFirst.Sql;

/// <summary>
/// Represents how identifiers are written inside normalized SQL text (defaults, checks, index expressions, view
/// bodies): double-quoted unless a plain lower-case word that is not reserved. Normalized text follows what
/// PostgreSQL prints, so the reserved words are PostgreSQL's reserved and type-function-name keywords; PostgreSQL's
/// own quoting (<c>PostgresQuoting</c>) is this rule, other dialects quote with theirs.
/// </summary>
internal static class CanonicalIdentifier
{
    // Reserved keywords plus the "type or function name" category: those cannot be bare column or table names.
    private static readonly string[] ReservedWords =
    [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both",
        "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
        "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
        "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
        "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
        "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
        "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
        "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar",
        "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique",
        "user", "using", "variadic", "verbose", "when", "where", "window", "with",
    ];

    private static readonly FrozenSet<string> Reserved = ReservedWords.Concat(new[]
    {
        // Column-name keywords: legal as column names, but quote_ident and pg_dump quote them.
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists", "extract",
        "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national", "nchar", "none",
        "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
        "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
        "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
        "xmlserialize", "xmltable",
    }).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Unusable = ReservedWords.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsReserved(string lowerName) => Reserved.Contains(lowerName);

    /// <summary>Whether PostgreSQL refuses the word as a bare table or column name (reserved, or type-or-function-name keywords).</summary>
    public static bool IsUnusableBare(string lowerName) => Unusable.Contains(lowerName);

    /// <summary>Quotes a name with double quotes unless it is a plain lower-case identifier and no reserved word.</summary>
    public static string Quote(string name) => NeedsQuotes(name) ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name;

    public static bool NeedsQuotes(string name)
    {
        if (name.Length == 0) return true;
        var first = name[0];
        if (!(first is >= 'a' and <= 'z' || first == '_')) return true;
        foreach (var ch in name)
        {
            if (!(ch is >= 'a' and <= 'z' || ch is >= '0' and <= '9' || ch == '_' || ch == '$')) return true;
        }
        return IsReserved(name);
    }
}
