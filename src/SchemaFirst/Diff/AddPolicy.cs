using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a row-level security policy.</summary>
public sealed record AddPolicy(Policy Policy) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"policy {Q(Policy.Name)} on {Policy.Table}";
}
