using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a row-level security policy.</summary>
public sealed record DropPolicy(Policy Policy) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"policy {Q(Policy.Name)} on {Policy.Table}";
}
