using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Writes GRANT, REVOKE and ALTER DEFAULT PRIVILEGES text. The generator renders the model's privilege state through
/// it and the inspector replays the catalog's ACLs through it, so both sides meet in one text.
/// </summary>
internal static class PostgresPrivilegeText
{
    internal static string GranteeSql(string grantee) =>
        grantee == Grant.Public ? "PUBLIC" : grantee is "CURRENT_USER" or "SESSION_USER" or "CURRENT_ROLE" ? grantee : PostgresQuoting.Quote(grantee);

    internal static string GrantObjectKeyword(GrantObjectKind kind) => kind switch
    {
        GrantObjectKind.Schema => "SCHEMA",
        GrantObjectKind.Sequence => "SEQUENCE",
        GrantObjectKind.Function => "FUNCTION",
        GrantObjectKind.Procedure => "PROCEDURE",
        GrantObjectKind.Type => "TYPE",
        GrantObjectKind.Domain => "DOMAIN",
        _ => "TABLE",
    };

    /// <summary><c>ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s]</c>.</summary>
    internal static string DefaultPrivilegesHead(string? role, string? schema) =>
        "ALTER DEFAULT PRIVILEGES" + (role != null ? " FOR ROLE " + PostgresQuoting.Quote(role) : string.Empty) + (schema != null ? " IN SCHEMA " + PostgresQuoting.Quote(schema) : string.Empty);

    /// <summary>The GRANT or REVOKE that brings privileges on <paramref name="on"/> (what follows ON) for one grantee
    /// (as SQL) to a state; the inspector replays the catalog through the same text.</summary>
    internal static string PrivilegeStatement(GrantState state, IEnumerable<string> privileges, string on, string grantee)
    {
        var list = string.Join(", ", privileges);
        return state switch
        {
            GrantState.Revoked => $"REVOKE {list} ON {on} FROM {grantee}",
            GrantState.GrantedWithGrantOption => $"GRANT {list} ON {on} TO {grantee} WITH GRANT OPTION",
            _ => $"GRANT {list} ON {on} TO {grantee}",
        };
    }
}
