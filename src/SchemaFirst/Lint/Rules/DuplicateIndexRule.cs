namespace SchemaFirst.Lint.Rules;

/// <summary>KY106: no two indexes (or an index and a key) of a table are the same.</summary>
public sealed class DuplicateIndexRule : SchemaRule
{
    public override string Code => "KY106";
    public override string Name => "duplicate-index";
    public override string Summary => "No index repeats another index, primary key or unique constraint of the same table (same method, columns, order and predicate).";
    public override string Why => "A duplicate index doubles the write cost and the disk of the first while no query can use it; it usually comes from an index added by hand next to the one a key already made.";
    public override string Bad => "CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);\nCREATE UNIQUE INDEX users_email_idx ON users (email);";
    public override string Good => "CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);\nCREATE INDEX users_lower_email_idx ON users (lower(email));";
    public override string Fix => "drop the duplicate index (DROP INDEX CONCURRENTLY on a live database)";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            var keys = IndexKey.Of(context, t);
            var reported = new HashSet<IndexKey>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < keys.Count; i++)
            {
                for (var j = i + 1; j < keys.Count; j++)
                {
                    if (!keys[i].SameAs(keys[j])) continue;
                    // The one to drop: an index rather than a constraint, a plain index rather than a unique one, else the later.
                    var (drop, keep) = keys[j].Index == null || (keys[j].Unique && !keys[i].Unique && keys[i].Index != null) ? (keys[i], keys[j]) : (keys[j], keys[i]);
                    if (drop.Index is not { } index || !reported.Add(drop)) continue;
                    yield return context.OnIndex(this, settings, index, $"index {index.Name.Name} duplicates {keep.Label} of {t.Name}");
                }
            }
        }
    }
}
