using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Takes back one privilege state the desired schema does not have.</summary>
public sealed record RevokePrivilege(Grant Grant) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => $"privilege {Grant.Privilege} on {Grant.Object}{(Grant.Column != null ? " (" + Q(Grant.Column) + ")" : string.Empty)} for {Grant.Grantee}";
}
