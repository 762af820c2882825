namespace SchemaFirst.Model;

/// <summary>
/// One privilege that objects created later will carry (ALTER DEFAULT PRIVILEGES), where it differs from PostgreSQL's
/// defaults: for objects a given role creates, database-wide or in one schema. Like <see cref="Grant"/>, it is the
/// state the statements leave, so a database and its source compare equal however they were written.
/// </summary>
/// <param name="Role">The role whose future objects this is about (FOR ROLE); null for the role that applies the
/// schema (no FOR ROLE in the source, the connecting role when read from a database).</param>
/// <param name="Schema">The schema (IN SCHEMA); null for the whole database.</param>
/// <param name="Objects">Which kind of future objects.</param>
/// <param name="Grantee">The role; <c>public</c> means PUBLIC.</param>
/// <param name="Privilege">The privilege in upper case.</param>
/// <param name="State">Granted, granted with grant option, or a default of PUBLIC taken away (database-wide only).</param>
public sealed record DefaultPrivilege(
    string? Role,
    string? Schema,
    DefaultPrivilegeObjects Objects,
    string Grantee,
    string Privilege,
    GrantState State) : IComparable<DefaultPrivilege>
{
    public int CompareTo(DefaultPrivilege? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Role, other.Role);
        if (c == 0) c = string.CompareOrdinal(Schema, other.Schema);
        if (c == 0) c = Objects.CompareTo(other.Objects);
        if (c == 0) c = string.CompareOrdinal(Grantee, other.Grantee);
        if (c == 0) c = State.CompareTo(other.State);
        if (c == 0) c = Grant.PrivilegeOrder(Privilege).CompareTo(Grant.PrivilegeOrder(other.Privilege));
        return c != 0 ? c : string.CompareOrdinal(Privilege, other.Privilege);
    }
}

/// <summary>The kinds of future object ALTER DEFAULT PRIVILEGES speaks of.</summary>
public enum DefaultPrivilegeObjects
{
    Tables,
    Sequences,
    /// <summary>Functions and procedures (FUNCTIONS and ROUTINES mean the same here).</summary>
    Functions,
    Types,
    Schemas,
}
