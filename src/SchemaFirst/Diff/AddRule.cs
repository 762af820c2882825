using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a rule.</summary>
public sealed record AddRule(Rule Rule) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"rule {Q(Rule.Name)} on {Rule.Table}";
}
