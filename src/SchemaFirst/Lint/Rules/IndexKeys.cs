using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>
/// Represents an index or key of a table as the index rules compare them: its elements as text, uniqueness, method
/// and predicate, and what to call it in a finding.
/// </summary>
internal sealed record IndexKey(string Label, IReadOnlyList<string> Elements, bool Unique, string Method, string? Where, SchemaIndex? Index, string? Constraint, string Extra = "")
{
    /// <summary>The keys of a table, computed once per context (the index rules share them).</summary>
    public static List<IndexKey> Of(SchemaLintContext context, Table t) =>
        context.Cached(nameof(IndexKey), () => new System.Collections.Concurrent.ConcurrentDictionary<QualifiedName, List<IndexKey>>()).GetOrAdd(t.Name, _ => Build(context, t));

    private static List<IndexKey> Build(SchemaLintContext context, Table t)
    {
        var keys = new List<IndexKey>();
        if (t.PrimaryKey is { } pk) keys.Add(new IndexKey("primary key " + pk.Name, pk.Columns.Select(c => "c:" + c).ToList(), true, "btree", null, null, pk.Name));
        foreach (var u in t.Uniques) keys.Add(new IndexKey("unique constraint " + u.Name, u.Columns.Select(c => "c:" + c).ToList(), true, "btree", null, null, u.Name, (u.Options.Include.Count > 0 ? "include " + string.Join(",", u.Options.Include) : string.Empty) + (u.NullsNotDistinct ? " nulls not distinct" : string.Empty)));
        foreach (var i in context.IndexesOf(t.Name))
        {
            var elements = i.Elements.Select(e => (e.Column != null ? "c:" + e.Column : "e:" + e.Expression) + (e.Descending ? Separator + "desc" : string.Empty) + (e.OperatorClass != null ? Separator + e.OperatorClass : string.Empty) + (e.Collation != null ? Separator + "collate " + e.Collation : string.Empty)).ToList();
            var extra = (i.Include.Count > 0 ? "include " + string.Join(",", i.Include) : string.Empty) + (i.NullsNotDistinct ? " nulls not distinct" : string.Empty);
            keys.Add(new IndexKey("index " + i.Name.Name, elements, i.Unique, string.IsNullOrEmpty(i.Method) ? "btree" : i.Method.ToLowerInvariant(), i.Where, i, null, extra));
        }
        return keys;
    }

    /// <summary>Between an element's column and its ordering, operator class and collation: no name can hold it.</summary>
    public const char Separator = '\u0001';

    /// <summary>An element as a person reads it.</summary>
    public static string Display(string element) => element[2..].Replace(Separator, ' ');

    /// <summary>The column an element is on, or null for an expression.</summary>
    public static string? ColumnOf(string element)
    {
        if (!element.StartsWith("c:", StringComparison.Ordinal)) return null;
        var end = element.IndexOf(Separator, StringComparison.Ordinal);
        return end < 0 ? element[2..] : element[2..end];
    }

    /// <summary>Whether both order the same rows the same way (method, elements, predicate).</summary>
    public bool SameAs(IndexKey other) => Method == other.Method && Where == other.Where && Extra == other.Extra && Elements.SequenceEqual(other.Elements);

    /// <summary>Whether this one's elements are a strict leading part of the other's (same method, both without predicate).</summary>
    public bool PrefixOf(IndexKey other) => Method == "btree" && other.Method == "btree" && Where == null && other.Where == null && Extra.Length == 0
        && Elements.Count < other.Elements.Count && other.Elements.Take(Elements.Count).SequenceEqual(Elements);
}
