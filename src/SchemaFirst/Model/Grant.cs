namespace SchemaFirst.Model;

/// <summary>
/// One privilege of one grantee on one object (or one column of a table or view), where it differs from what
/// PostgreSQL gives by default: the state GRANT and REVOKE leave behind, not the statements that got there, so a
/// schema read from its files and the same schema read from a database compare equal however the source wrote them.
/// The owner's own privileges are not part of it (owners are not modelled); a default privilege of PUBLIC that was
/// taken away (EXECUTE on functions, USAGE on types, USAGE on the public schema) is kept with
/// <see cref="GrantState.Revoked"/>.
/// </summary>
/// <param name="ObjectKind">What kind of object the privilege is on.</param>
/// <param name="Object">The object as SQL, as it follows the kind in GRANT: <c>public.orders</c>,
/// <c>public.total(integer)</c>, or a schema's name.</param>
/// <param name="Column">The column, for a column privilege; otherwise null.</param>
/// <param name="Grantee">The role, as stored (case folded); <c>public</c> (a name no role may have) means PUBLIC.</param>
/// <param name="Privilege">The privilege in upper case: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER,
/// MAINTAIN, USAGE, EXECUTE or CREATE.</param>
/// <param name="State">Granted, granted with grant option, or a default taken away.</param>
public sealed record Grant(
    GrantObjectKind ObjectKind,
    string Object,
    string? Column,
    string Grantee,
    string Privilege,
    GrantState State) : IComparable<Grant>
{
    /// <summary>The grantee that stands for every role.</summary>
    public const string Public = "public";

    public int CompareTo(Grant? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Object, other.Object);
        if (c == 0) c = ObjectKind.CompareTo(other.ObjectKind);
        if (c == 0) c = string.CompareOrdinal(Column, other.Column);
        if (c == 0) c = string.CompareOrdinal(Grantee, other.Grantee);
        if (c == 0) c = State.CompareTo(other.State);
        if (c == 0) c = PrivilegeOrder(Privilege).CompareTo(PrivilegeOrder(other.Privilege));
        return c != 0 ? c : string.CompareOrdinal(Privilege, other.Privilege);
    }

    /// <summary>The order privileges are listed in, as PostgreSQL's documentation lists them.</summary>
    public static int PrivilegeOrder(string privilege) => privilege switch
    {
        "SELECT" => 0,
        "INSERT" => 1,
        "UPDATE" => 2,
        "DELETE" => 3,
        "TRUNCATE" => 4,
        "REFERENCES" => 5,
        "TRIGGER" => 6,
        "MAINTAIN" => 7,
        "USAGE" => 8,
        "EXECUTE" => 9,
        "CREATE" => 10,
        _ => 11,
    };
}

/// <summary>The kinds of object whose privileges the model holds.</summary>
public enum GrantObjectKind
{
    Schema,
    /// <summary>A table, view, materialized view or foreign table (GRANT ... ON TABLE covers them all).</summary>
    Table,
    Sequence,
    /// <summary>A function or an aggregate.</summary>
    Function,
    Procedure,
    /// <summary>An enum, composite, range or base type.</summary>
    Type,
    Domain,
}

/// <summary>How a privilege differs from the default.</summary>
public enum GrantState
{
    Granted,
    GrantedWithGrantOption,
    /// <summary>A privilege PUBLIC holds by default, taken away by REVOKE.</summary>
    Revoked,
}
