using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Brings one default privilege (ALTER DEFAULT PRIVILEGES) to the state the desired schema has.</summary>
public sealed record GrantDefaultPrivilege(DefaultPrivilege Privilege) : SchemaChange
{
    public override string Verb => "add";

    public override string Subject => DefaultPrivilegeText.Describe(Privilege);
}

/// <summary>Undoes one default privilege the desired schema does not have (takes back a grant, gives back a default).</summary>
public sealed record RevokeDefaultPrivilege(DefaultPrivilege Privilege) : SchemaChange
{
    public override string Verb => "drop";

    public override string Subject => DefaultPrivilegeText.Describe(Privilege);
}

internal static class DefaultPrivilegeText
{
    public static string Describe(DefaultPrivilege d) =>
        $"default privilege {d.Privilege} on {d.Objects.ToString().ToLowerInvariant()} for {d.Grantee}"
        + (d.Schema != null ? $" in schema {d.Schema}" : string.Empty) + (d.Role != null ? $" of objects by {d.Role}" : string.Empty)
        + (d.State == GrantState.Revoked ? " (taken away)" : d.State == GrantState.GrantedWithGrantOption ? " (with grant option)" : string.Empty);
}
