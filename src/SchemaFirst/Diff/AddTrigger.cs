using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Creates a trigger.</summary>
public sealed record AddTrigger(Trigger Trigger) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"trigger {Q(Trigger.Name)} on {Trigger.Table}";
}
