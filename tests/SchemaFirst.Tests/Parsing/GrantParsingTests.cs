using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;

namespace SchemaFirst.Tests.Parsing;

/// <summary>
/// GRANT and REVOKE are replayed into a privilege state, kept where it differs from PostgreSQL's defaults: what a
/// database can tell back from its ACLs, whatever statements got there.
/// </summary>
public class GrantParsingTests
{
    private const string Objects = """
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int PRIMARY KEY, secret text, name text);
        CREATE VIEW app.v AS SELECT id FROM app.t;
        CREATE SEQUENCE app.s;
        CREATE TABLE app.ident (id bigint GENERATED ALWAYS AS IDENTITY);
        CREATE FUNCTION app.f(a integer) RETURNS int LANGUAGE sql AS $$ SELECT a $$;
        CREATE FUNCTION app.f(a text) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE PROCEDURE app.p() LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE TYPE app.mood AS ENUM ('a');
        CREATE DOMAIN app.pos AS int CHECK (VALUE > 0);

        """;

    private static string[] Lines(Database db) => db.Grants.Select(g => $"{g.ObjectKind} {g.Object}{(g.Column != null ? "." + g.Column : string.Empty)} {g.Grantee} {g.Privilege} {g.State}").ToArray();

    [Fact]
    public void Grants_become_one_entry_per_object_grantee_and_privilege()
    {
        var db = Sql.Clean(Objects + """
            GRANT USAGE ON SCHEMA app TO reader;
            GRANT SELECT, INSERT ON app.t, app.v TO reader, "Writer";
            GRANT ALL PRIVILEGES ON SEQUENCE app.s TO writer WITH GRANT OPTION;
            GRANT USAGE ON SEQUENCE app.ident_id_seq TO writer;
            GRANT EXECUTE ON FUNCTION app.f(integer) TO reader;
            GRANT EXECUTE ON PROCEDURE app.p TO GROUP reader;
            GRANT USAGE ON DOMAIN app.pos TO writer;
            """);
        Assert.Equal(
        [
            "Schema app reader USAGE Granted",
            "Function app.f(integer) reader EXECUTE Granted",
            "Sequence app.ident_id_seq writer USAGE Granted",
            "Procedure app.p() reader EXECUTE Granted",
            "Domain app.pos writer USAGE Granted",
            "Sequence app.s writer SELECT GrantedWithGrantOption",
            "Sequence app.s writer UPDATE GrantedWithGrantOption",
            "Sequence app.s writer USAGE GrantedWithGrantOption",
            "Table app.t Writer SELECT Granted",
            "Table app.t Writer INSERT Granted",
            "Table app.t reader SELECT Granted",
            "Table app.t reader INSERT Granted",
            "Table app.v Writer SELECT Granted",
            "Table app.v Writer INSERT Granted",
            "Table app.v reader SELECT Granted",
            "Table app.v reader INSERT Granted",
        ], Lines(db));
    }

    [Fact]
    public void Only_the_state_counts_not_the_statements_that_reached_it()
    {
        var direct = Sql.Clean(Objects + "GRANT SELECT ON app.t TO reader;");
        var roundabout = Sql.Clean(Objects + """
            GRANT ALL ON TABLE app.t TO reader WITH GRANT OPTION;
            REVOKE GRANT OPTION FOR ALL ON app.t FROM reader;
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON app.t FROM reader;
            GRANT SELECT ON app.t TO reader;
            GRANT USAGE ON SCHEMA app TO nobody;
            REVOKE ALL ON SCHEMA app FROM nobody CASCADE;
            """);
        Assert.Equal(direct.Grants, roundabout.Grants);
    }

    [Fact]
    public void Revoking_a_default_of_public_is_kept_and_granting_it_back_restores_the_default()
    {
        var db = Sql.Clean(Objects + """
            REVOKE EXECUTE ON FUNCTION app.f(text) FROM PUBLIC;
            REVOKE ALL ON TYPE app.mood FROM public;
            REVOKE USAGE ON SCHEMA public FROM PUBLIC;
            REVOKE ALL ON SCHEMA app FROM PUBLIC;
            REVOKE ALL ON FUNCTION app.f(integer) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.f(integer) TO PUBLIC;
            """);
        // No grant on app (PUBLIC never had one) and f(integer) is back to its default.
        Assert.Equal(["Function app.f(text) public EXECUTE Revoked", "Type app.mood public USAGE Revoked", "Schema public public USAGE Revoked"], Lines(db));
        var sql = PostgresSqlGenerator.Generate(db);
        Assert.Contains("REVOKE EXECUTE ON FUNCTION app.f(text) FROM PUBLIC;", sql, StringComparison.Ordinal);
        Assert.Contains("REVOKE USAGE ON SCHEMA public FROM PUBLIC;", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_privileges_are_their_own_and_a_table_revoke_takes_them_away()
    {
        var db = Sql.Clean(Objects + """
            GRANT SELECT (id, name), UPDATE (name) ON app.t TO clerk;
            GRANT REFERENCES (id) ON app.t TO auditor;
            REVOKE REFERENCES ON app.t FROM auditor;
            ALTER TABLE app.t RENAME COLUMN name TO full_name;
            """);
        Assert.Equal(["Table app.t.full_name clerk SELECT Granted", "Table app.t.full_name clerk UPDATE Granted", "Table app.t.id clerk SELECT Granted"], Lines(db));
        Assert.Contains("GRANT SELECT (id) ON TABLE app.t TO clerk;", PostgresSqlGenerator.Generate(db), StringComparison.Ordinal);
    }

    [Fact]
    public void All_tables_in_schema_means_the_tables_and_views_that_exist_at_that_point()
    {
        var db = Sql.Clean(Objects + """
            GRANT SELECT ON ALL TABLES IN SCHEMA app TO reader;
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO reader;
            REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
            CREATE TABLE app.later (id int);
            """);
        Assert.Equal(
        [
            "Function app.f(integer) public EXECUTE Revoked",
            "Function app.f(text) public EXECUTE Revoked",
            "Table app.ident reader SELECT Granted",
            "Sequence app.s reader USAGE Granted",
            "Table app.t reader SELECT Granted",
            "Table app.v reader SELECT Granted",
        ], Lines(db));
    }

    [Fact]
    public void Privileges_follow_renames_and_go_with_dropped_objects()
    {
        var db = Sql.Clean(Objects + """
            GRANT SELECT ON app.t TO reader;
            GRANT SELECT ON app.v TO reader;
            GRANT USAGE ON SEQUENCE app.s TO reader;
            ALTER TABLE app.t RENAME TO orders;
            DROP VIEW app.v;
            DROP SEQUENCE app.s;
            CREATE SEQUENCE app.s;
            """);
        Assert.Equal(["Table app.orders reader SELECT Granted"], Lines(db));
    }

    [Fact]
    public void What_belongs_to_the_cluster_is_kept_verbatim_and_reported()
    {
        var r = Sql.Parse(Objects + """
            GRANT reader TO writer;
            GRANT CONNECT ON DATABASE shop TO reader;
            GRANT USAGE ON LANGUAGE plpgsql TO reader;
            ALTER DEFAULT PRIVILEGES GRANT SELECT ON LARGE OBJECTS TO reader;
            """);
        Assert.Empty(r.Model.Grants);
        Assert.Empty(r.Model.DefaultPrivileges);
        Assert.Equal(4, r.Model.Opaque.Count);
        Assert.Equal(4, r.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnsupportedStatement));
        Assert.Contains(r.Diagnostics, d => d.Message.Contains("role membership", StringComparison.Ordinal));
    }

    [Fact]
    public void A_privilege_that_does_not_apply_or_a_missing_object_is_an_error_with_its_place()
    {
        var r = Sql.Parse(Objects + """
            GRANT EXECUTE ON TABLE app.t TO reader;
            GRANT SELECT ON app.missing TO reader;
            GRANT SELECT (nope) ON app.t TO reader;
            GRANT DELETE (id) ON app.t TO reader;
            GRANT SELECT ON app.t TO PUBLIC WITH GRANT OPTION;
            """);
        var errors = r.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal([DiagnosticCodes.InvalidPrivilege, DiagnosticCodes.UnknownObject, DiagnosticCodes.UnknownObject, DiagnosticCodes.InvalidPrivilege, DiagnosticCodes.SyntaxError],
            errors.Select(d => d.Code));
        Assert.Equal((11, 7), (errors[0].Location!.Line, errors[0].Location!.Column));
        Assert.Contains("SELECT, INSERT, UPDATE", errors[0].Help, StringComparison.Ordinal);
        Assert.Empty(r.Model.Grants);
    }

    [Fact]
    public void Rendered_grants_parse_back_to_the_same_state()
    {
        var db = Sql.Clean(Objects + """
            GRANT USAGE, CREATE ON SCHEMA app TO "Admins";
            GRANT SELECT (id), UPDATE (name) ON app.t TO clerk WITH GRANT OPTION;
            GRANT ALL ON app.v TO reader;
            REVOKE ALL ON FUNCTION app.f(integer) FROM PUBLIC;
            GRANT USAGE ON TYPE app.mood TO reader;
            """);
        var again = Sql.Clean(PostgresSqlGenerator.Generate(db));
        Assert.Equal(db.Grants, again.Grants);
        Assert.Equal(db.Grants, Sql.Clean(PostgresSqlGenerator.Generate(db, new SqlGenerationOptions(IfNotExists: true))).Grants);
    }

    private static string[] DefaultLines(Database db) =>
        db.DefaultPrivileges.Select(d => $"{d.Role ?? "-"} {d.Schema ?? "-"} {d.Objects} {d.Grantee} {d.Privilege} {d.State}").ToArray();

    [Fact]
    public void Default_privileges_are_a_state_per_role_schema_and_kind_of_object()
    {
        var db = Sql.Clean(Objects + """
            ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO reader;
            ALTER DEFAULT PRIVILEGES FOR ROLE deployer, "Ops" IN SCHEMA app, public GRANT USAGE ON SEQUENCES TO reader WITH GRANT OPTION;
            ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
            ALTER DEFAULT PRIVILEGES REVOKE ALL ON TYPES FROM PUBLIC;
            ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO PUBLIC;
            ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE EXECUTE ON ROUTINES FROM PUBLIC;
            ALTER DEFAULT PRIVILEGES GRANT ALL ON SCHEMAS TO admin;
            ALTER DEFAULT PRIVILEGES FOR USER deployer REVOKE GRANT OPTION FOR USAGE ON SEQUENCES FROM reader;
            """);
        // Database-wide, taking PUBLIC's EXECUTE is a state; per schema it is a no-op (those entries only add).
        Assert.Equal(
        [
            "- - Functions public EXECUTE Revoked",
            "- - Schemas admin USAGE Granted",
            "- - Schemas admin CREATE Granted",
            "- app Tables reader SELECT Granted",
            "Ops app Sequences reader USAGE GrantedWithGrantOption",
            "Ops public Sequences reader USAGE GrantedWithGrantOption",
            "deployer app Sequences reader USAGE GrantedWithGrantOption",
            "deployer public Sequences reader USAGE GrantedWithGrantOption",
        ], DefaultLines(db));
        var sql = PostgresSqlGenerator.Generate(db);
        Assert.Contains("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;", sql, StringComparison.Ordinal);
        Assert.Contains("ALTER DEFAULT PRIVILEGES FOR ROLE \"Ops\" IN SCHEMA app GRANT USAGE ON SEQUENCES TO reader WITH GRANT OPTION;", sql, StringComparison.Ordinal);
        Assert.Equal(db.DefaultPrivileges, Sql.Clean(sql).DefaultPrivileges);
    }

    [Fact]
    public void Default_privileges_that_cannot_be_are_errors()
    {
        var r = Sql.Parse("""
            ALTER DEFAULT PRIVILEGES IN SCHEMA nowhere GRANT SELECT ON TABLES TO reader;
            ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON TABLES TO reader;
            ALTER DEFAULT PRIVILEGES GRANT SELECT (id) ON TABLES TO reader;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SCHEMAS TO reader;
            """);
        Assert.Equal([DiagnosticCodes.UnknownObject, DiagnosticCodes.InvalidPrivilege, DiagnosticCodes.InvalidPrivilege, DiagnosticCodes.SyntaxError],
            r.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Code));
        Assert.Empty(r.Model.DefaultPrivileges);
    }
}
