namespace SchemaFirst.Lint.Rules;

/// <summary>KY107: no plain index is a leading part of another index of the table.</summary>
public sealed class RedundantIndexRule : SchemaRule
{
    public override string Code => "KY107";
    public override string Name => "redundant-index";
    public override string Summary => "No non-unique btree index covers only a leading part of another btree index of the same table.";
    public override string Why => "An index on (a) is redundant next to one on (a, b): every lookup by a can use the longer index. The short one costs writes and memory for nothing (unless it is unique, which enforces something).";
    public override string Bad => "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, placed_at timestamptz);\nCREATE INDEX orders_customer_idx ON orders (customer_id);\nCREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at);";
    public override string Good => "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, placed_at timestamptz);\nCREATE INDEX orders_placed_idx ON orders (placed_at);\nCREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at);";
    public override string Fix => "drop the shorter index (DROP INDEX CONCURRENTLY on a live database)";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            var keys = IndexKey.Of(context, t);
            foreach (var k in keys)
            {
                if (k.Index is not { } index || k.Unique) continue;
                if (keys.FirstOrDefault(o => !ReferenceEquals(o, k) && k.PrefixOf(o)) is { } longer)
                {
                    yield return context.OnIndex(this, settings, index, $"index {index.Name.Name} ({string.Join(", ", k.Elements.Select(IndexKey.Display))}) is a leading part of {longer.Label}");
                }
            }
        }
    }
}
