using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Drops a trigger.</summary>
public sealed record DropTrigger(Trigger Trigger) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"trigger {Q(Trigger.Name)} on {Trigger.Table}";
}
