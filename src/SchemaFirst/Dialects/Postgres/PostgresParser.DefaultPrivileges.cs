using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// ALTER DEFAULT PRIVILEGES, replayed into the state of pg_default_acl: per role (FOR ROLE, or the role applying the
/// schema), database-wide or per schema. Database-wide entries replace the built-in defaults, so taking away PUBLIC's
/// EXECUTE on functions or USAGE on types is a state of its own; per-schema entries only add to them.
/// </summary>
internal partial class PostgresParser
{
    private readonly record struct DefaultKey(string? Role, string? Schema, DefaultPrivilegeObjects Objects, string Grantee, string Privilege);

    private readonly Dictionary<DefaultKey, GrantState> _defaultState = new();

    private static string[] PrivilegesOf(DefaultPrivilegeObjects objects) => objects switch
    {
        DefaultPrivilegeObjects.Tables => TablePrivileges,
        DefaultPrivilegeObjects.Sequences => SequencePrivileges,
        DefaultPrivilegeObjects.Functions => RoutinePrivileges,
        DefaultPrivilegeObjects.Types => TypePrivileges,
        _ => SchemaPrivileges,
    };

    private static bool PublicHoldsByDefault(DefaultKey k) => k.Schema == null && k.Grantee == Grant.Public && (k.Objects, k.Privilege) switch
    {
        (DefaultPrivilegeObjects.Functions, "EXECUTE") => true,
        (DefaultPrivilegeObjects.Types, "USAGE") => true,
        _ => false,
    };

    private void AlterDefaultPrivileges()
    {
        var c = _c;
        var roles = new List<string?>();
        if (c.Accept("for"))
        {
            if (!c.Accept("role")) c.Expect("user");
            do roles.Add(c.ExpectIdentifier("a role name"));
            while (c.Accept(TokenKind.Comma));
        }
        else
        {
            roles.Add(null);
        }
        var schemas = new List<string?>();
        if (c.Accept("in", "schema"))
        {
            do
            {
                var index = c.Pos;
                var schema = c.ExpectIdentifier("a schema name");
                if (schema != "public" && !_schemas.ContainsKey(schema))
                {
                    UnknownObject($"schema {schema}", index);
                    return;
                }
                schemas.Add(schema);
            }
            while (c.Accept(TokenKind.Comma));
        }
        else
        {
            schemas.Add(null);
        }
        bool grant;
        if (c.Accept("grant")) grant = true;
        else if (c.Accept("revoke")) grant = false;
        else throw c.Error("expected GRANT or REVOKE");
        var grantOptionFor = !grant && c.Accept("grant", "option", "for");
        var on = FindTopLevelOn(grant ? "to" : "from");
        if (on < 0) throw c.Error("expected ON TABLES, SEQUENCES, FUNCTIONS, ROUTINES, TYPES or SCHEMAS");
        var specs = ReadPrivileges(on);
        c.Expect("on");
        var objectsIndex = c.Pos;
        if (c.IsWord("large"))
        {
            KeepOpaque("ALTER DEFAULT PRIVILEGES ON LARGE OBJECTS", why: "large objects belong to the database, not to a schema");
            return;
        }
        var objects = c.ExpectIdentifier("TABLES, SEQUENCES, FUNCTIONS, ROUTINES, TYPES or SCHEMAS") switch
        {
            "tables" => DefaultPrivilegeObjects.Tables,
            "sequences" => DefaultPrivilegeObjects.Sequences,
            "functions" or "routines" => DefaultPrivilegeObjects.Functions,
            "types" => DefaultPrivilegeObjects.Types,
            "schemas" => DefaultPrivilegeObjects.Schemas,
            var other => throw new ParseException(objectsIndex, $"unexpected ON {other.ToUpperInvariant()}", "use TABLES, SEQUENCES, FUNCTIONS, ROUTINES, TYPES or SCHEMAS"),
        };
        if (objects == DefaultPrivilegeObjects.Schemas && schemas[0] != null)
        {
            throw new ParseException(objectsIndex, "IN SCHEMA cannot be used with ON SCHEMAS", "remove IN SCHEMA: default privileges on schemas are database-wide");
        }
        c.Expect(grant ? "to" : "from");
        var grantees = ReadGrantees();
        var withGrantOption = grant && c.Accept("with", "grant", "option");
        if (!grant && !c.Accept("cascade")) c.Accept("restrict");
        c.ExpectEnd();
        if (withGrantOption && grantees.Contains(Grant.Public)) throw c.Error("grant options can only be granted to roles, not to PUBLIC");

        var valid = PrivilegesOf(objects);
        foreach (var spec in specs)
        {
            string[] privileges;
            if (spec.Columns != null)
            {
                Report(Severity.Error, DiagnosticCodes.InvalidPrivilege, "default privileges cannot name columns", SpanAt(spec.TokenIndex),
                    "grant on the whole table, or grant the column privileges after the table is created");
                continue;
            }
            if (spec.Privilege == "ALL") privileges = valid;
            else if (valid.Contains(spec.Privilege) || spec.Privilege == "MAINTAIN" && objects == DefaultPrivilegeObjects.Tables) privileges = [spec.Privilege];
            else
            {
                var what = objects.ToString().ToLowerInvariant();
                Report(Severity.Error, DiagnosticCodes.InvalidPrivilege, $"privilege {spec.Privilege} does not apply to {what}", SpanAt(spec.TokenIndex),
                    $"the privileges of {what} are {string.Join(", ", valid)}");
                continue;
            }
            foreach (var role in roles)
            {
                foreach (var schema in schemas)
                {
                    foreach (var privilege in privileges)
                    {
                        foreach (var grantee in grantees)
                        {
                            var key = new DefaultKey(role, schema, objects, grantee, privilege);
                            if (grant) ApplyGrant(_defaultState, key, PublicHoldsByDefault(key), withGrantOption);
                            else ApplyRevoke(_defaultState, key, PublicHoldsByDefault(key), grantOptionFor);
                        }
                    }
                }
            }
        }
    }

    private EquatableArray<DefaultPrivilege> FinishDefaultPrivileges()
    {
        var list = new List<DefaultPrivilege>(_defaultState.Count);
        foreach (var (k, state) in _defaultState)
        {
            // A schema's default privileges go with it.
            if (k.Schema != null && k.Schema != "public" && !_schemas.ContainsKey(k.Schema)) continue;
            list.Add(new DefaultPrivilege(k.Role, k.Schema, k.Objects, k.Grantee, k.Privilege, state));
        }
        list.Sort();
        return list.ToEquatableArray();
    }
}
