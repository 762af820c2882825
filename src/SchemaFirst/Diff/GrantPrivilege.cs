using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Brings one privilege of one grantee on one object to the state the desired schema has.</summary>
public sealed record GrantPrivilege(Grant Grant) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => $"privilege {Grant.Privilege} on {Grant.Object}{(Grant.Column != null ? " (" + Q(Grant.Column) + ")" : string.Empty)} for {Grant.Grantee}";
}
