using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>
/// Represents an index or key of a table as the index rules compare them: its elements as text, uniqueness, method
/// and predicate, and what to call it in a finding.
/// </summary>
internal sealed record IndexKey(string Label, IReadOnlyList<string> Elements, bool Unique, string Method, string? Where, SchemaIndex? Index, string? Constraint)
{
    public static List<IndexKey> Of(SchemaLintContext context, Table t)
    {
        var keys = new List<IndexKey>();
        if (t.PrimaryKey is { } pk) keys.Add(new IndexKey("primary key " + pk.Name, pk.Columns.Select(c => "c:" + c).ToList(), true, "btree", null, null, pk.Name));
        foreach (var u in t.Uniques) keys.Add(new IndexKey("unique constraint " + u.Name, u.Columns.Select(c => "c:" + c).ToList(), true, "btree", null, null, u.Name));
        foreach (var i in context.IndexesOf(t.Name))
        {
            var elements = i.Elements.Select(e => (e.Column != null ? "c:" + e.Column : "e:" + e.Expression) + (e.Descending ? " desc" : string.Empty) + (e.OperatorClass != null ? " " + e.OperatorClass : string.Empty) + (e.Collation != null ? " collate " + e.Collation : string.Empty)).ToList();
            keys.Add(new IndexKey("index " + i.Name.Name, elements, i.Unique, string.IsNullOrEmpty(i.Method) ? "btree" : i.Method.ToLowerInvariant(), i.Where, i, null));
        }
        return keys;
    }

    /// <summary>Whether both order the same rows the same way (method, elements, predicate).</summary>
    public bool SameAs(IndexKey other) => Method == other.Method && Where == other.Where && Elements.SequenceEqual(other.Elements);

    /// <summary>Whether this one's elements are a strict leading part of the other's (same method, both without predicate).</summary>
    public bool PrefixOf(IndexKey other) => Method == "btree" && other.Method == "btree" && Where == null && other.Where == null
        && Elements.Count < other.Elements.Count && other.Elements.Take(Elements.Count).SequenceEqual(Elements);
}
