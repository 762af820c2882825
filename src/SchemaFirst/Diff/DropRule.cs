using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a rule.</summary>
public sealed record DropRule(Rule Rule) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"rule {Q(Rule.Name)} on {Rule.Table}";
}
