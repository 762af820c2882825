using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Tests.Parsing;

public class ObjectParsingTests
{
    [Fact]
    public void Indexes_keep_method_expressions_opclasses_order_include_and_predicate()
    {
        var db = Sql.Clean("""
            CREATE TABLE u (id int, email text, name text, created timestamptz, tags text[]);
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS u_email_lower ON u (lower(email)) WHERE created IS NOT NULL;
            CREATE INDEX ON u USING btree (name text_pattern_ops DESC NULLS LAST, created DESC NULLS FIRST) INCLUDE (id) WITH (fillfactor = 70);
            CREATE INDEX ON u USING gin (tags);
            CREATE INDEX ON u ((email || name));
            """);
        var byName = db.Indexes.ToDictionary(i => i.Name.Name);
        Assert.Equal(["u_email_lower", "u_expr_idx", "u_name_created_id_idx", "u_tags_idx"], byName.Keys.Order());
        var lower = byName["u_email_lower"];
        Assert.True(lower.Unique);
        Assert.Equal("lower(email)", lower.Elements[0].Expression);
        Assert.Equal("created is not null", lower.Where);
        var multi = byName["u_name_created_id_idx"];
        Assert.Equal(new IndexElement("name", null, OperatorClass: "text_pattern_ops", Descending: true, NullsFirst: false), multi.Elements[0]);
        Assert.Equal(new IndexElement("created", null, Descending: true), multi.Elements[1]);
        Assert.Equal(["id"], multi.Include);
        Assert.Equal("(fillfactor='70')", multi.With);
        Assert.Equal("gin", byName["u_tags_idx"].Method);
    }

    [Fact]
    public void Types_domains_sequences_and_enum_changes_are_modelled()
    {
        var db = Sql.Clean("""
            CREATE TYPE mood AS ENUM ('sad', 'happy');
            ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
            ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';
            CREATE TYPE pair AS (a int, b text COLLATE "C");
            CREATE TYPE floatrange AS RANGE (subtype = float8);
            CREATE DOMAIN posint AS integer DEFAULT 1 NOT NULL CHECK (VALUE > 0);
            ALTER DOMAIN posint ADD CONSTRAINT small CHECK (VALUE < 100);
            CREATE SEQUENCE s INCREMENT 2 MINVALUE 10 MAXVALUE 1000 START 10 CACHE 5 CYCLE;
            CREATE TABLE t (m mood DEFAULT 'ok', p posint);
            """);
        Assert.Equal(["sad", "ok", "happy"], Assert.Single(db.Enums).Labels);
        Assert.Equal(2, Assert.Single(db.CompositeTypes).Attributes.Count);
        Assert.Equal("range", Assert.Single(db.OtherTypes).Kind);
        var d = Assert.Single(db.Domains);
        Assert.Equal(("integer", "1", true), (d.BaseType.Text, d.Default, d.NotNull));
        Assert.Equal(["posint_check", "small"], d.Checks.Select(c => c.Name));
        Assert.Equal(new SequenceOptions(null, 2, 10, 1000, null, 5, true), Assert.Single(db.Sequences).Options);
        var t = db.Table("t");
        Assert.Equal((TypeKind.Enum, "public.mood"), (t.Columns[0].Type.Kind, t.Columns[0].Type.Text));
        Assert.Equal(TypeKind.Domain, t.Columns[1].Type.Kind);
    }

    [Fact]
    public void Views_functions_triggers_policies_rules_comments_and_grants_are_kept()
    {
        var db = Sql.Clean("""
            CREATE TABLE t (id int PRIMARY KEY, owner text);
            CREATE VIEW v AS SELECT id FROM t WHERE id > 0 WITH LOCAL CHECK OPTION;
            CREATE MATERIALIZED VIEW mv AS SELECT count(*) AS n FROM t WITH NO DATA;
            CREATE FUNCTION touch(p_id integer, OUT result int, label text DEFAULT 'x') RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
            CREATE OR REPLACE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER t_trg BEFORE INSERT OR UPDATE OF owner ON t FOR EACH ROW EXECUTE PROCEDURE trg();
            CREATE POLICY own ON t AS RESTRICTIVE FOR SELECT TO app, admin USING (owner = current_user);
            CREATE RULE no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
            COMMENT ON TABLE t IS 'The t';
            COMMENT ON COLUMN t.owner IS 'who';
            COMMENT ON VIEW v IS 'view';
            COMMENT ON COLUMN v.id IS 'view column';
            COMMENT ON FUNCTION touch(integer, text) IS 'touches';
            COMMENT ON TRIGGER t_trg ON t IS 'trigger';
            COMMENT ON CONSTRAINT t_pkey ON t IS 'key';
            GRANT SELECT ON t TO app;
            """);
        var v = Assert.Single(db.Views, x => !x.Materialized);
        // The query as PostgreSQL prints it back (qualified, parenthesized), so a database built from it compares equal offline.
        Assert.Equal(("select t.id from public.t where (t.id > 0)", "LOCAL", "view"), (v.Query, v.CheckOption, v.Comment));
        Assert.Equal("view column", Assert.Single(v.ColumnComments).Comment);
        Assert.True(Assert.Single(db.Views, x => x.Materialized).WithNoData);
        var touch = Assert.Single(db.Routines, r => r.Name.Name == "touch");
        Assert.Equal(("integer, text", "touches"), (touch.ArgumentTypes, touch.Comment));
        Assert.Equal("(p_id integer, OUT result integer, label text DEFAULT 'x') RETURNS integer\n    LANGUAGE sql\n    AS $$ SELECT 1 $$", touch.Definition);
        var trg = Assert.Single(db.Triggers);
        Assert.Equal("BEFORE INSERT OR UPDATE OF owner ON public.t FOR EACH ROW EXECUTE FUNCTION public.trg()", trg.Definition);
        Assert.Equal(new QualifiedName("public", "trg"), trg.Function);
        var p = Assert.Single(db.Policies);
        Assert.Equal((false, "SELECT", "owner = current_user"), (p.Permissive, p.Command, p.Using));
        Assert.Equal(["admin", "app"], p.Roles);
        Assert.Equal("AS ON DELETE TO public.t do instead nothing", Assert.Single(db.Rules).Definition);
        var t = db.Table("t");
        Assert.Equal(("The t", "who", "key"), (t.Comment, t.Columns[1].Comment, t.PrimaryKey!.Comment));
        Assert.Equal(new Grant(GrantObjectKind.Table, "public.t", null, "app", "SELECT", GrantState.Granted), Assert.Single(db.Grants));
    }

    [Fact]
    public void Pg_dump_noise_is_read_counted_and_not_modelled()
    {
        var r = Sql.Parse("""
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TABLE public.t (a int);
            ALTER TABLE public.t OWNER TO postgres;
            COPY public.t (a) FROM stdin;
            1
            2
            \.
            INSERT INTO public.t VALUES (3);
            SELECT pg_catalog.setval('public.s', 1, false);
            BEGIN;
            COMMIT;
            \connect other
            """);
        Assert.DoesNotContain(r.Diagnostics, d => d.Severity != Severity.Info);
        var info = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCodes.MetaCommandSkipped, info.Code);
        Assert.Equal(13, info.Location!.Line);
        var s = r.Statistics;
        Assert.Equal((2, 2L, 3, 1, 2), (s.SessionSettings, s.CopyRows, s.DataStatements, s.OwnershipStatements, s.TransactionStatements));
        Assert.Single(r.Model.Tables);
    }

    [Fact]
    public void Unmodelled_statements_are_kept_verbatim_and_reported()
    {
        var r = Sql.Parse("CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);\nDO $$ BEGIN RAISE NOTICE 'hi'; END $$;");
        Assert.Equal([DiagnosticCodes.UnsupportedStatement, DiagnosticCodes.OpaqueDoBlock], r.Diagnostics.Select(d => d.Code));
        Assert.All(r.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal(["CREATE OPERATOR", "DO"], r.Model.Opaque.Select(o => o.Kind));
        Assert.Equal("CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq)", r.Model.Opaque[0].Sql);
    }

    [Fact]
    public void An_exclusion_constraint_without_USING_is_btree_as_PostgreSQL_defaults_it()
    {
        var db = Sql.Clean("CREATE TABLE t (b int, EXCLUDE (b WITH =));");
        Assert.Equal("btree", Assert.Single(db.Table("t").Exclusions).Method);
        Assert.Contains("EXCLUDE USING btree (b WITH =)", SchemaFirst.Dialects.Postgres.PostgresSqlGenerator.Generate(db), StringComparison.Ordinal);
    }

    [Fact]
    public void Bigints_minimum_is_read_with_its_sign()
    {
        var db = Sql.Clean("CREATE TABLE t (a bigint GENERATED BY DEFAULT AS IDENTITY (MINVALUE -9223372036854775808 START WITH -9223372036854775808));");
        var identity = db.Table("t").Columns[0].Identity!;
        Assert.Equal(long.MinValue, identity.Options.MinValue);
        // START WITH its MINVALUE is the default of an ascending sequence, kept as no option at all.
        Assert.Null(identity.Options.Start);
    }

    [Theory]
    [InlineData("AFTER INSERT ON t EXECUTE FUNCTION f()", "AFTER INSERT ON public.t FOR EACH STATEMENT EXECUTE FUNCTION public.f()")]
    [InlineData("AFTER INSERT ON t FOR ROW EXECUTE FUNCTION f()", "AFTER INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.f()")]
    [InlineData("AFTER UPDATE ON t WHEN (true) EXECUTE FUNCTION f()", "AFTER UPDATE ON public.t FOR EACH STATEMENT WHEN (true) EXECUTE FUNCTION public.f()")]
    public void A_trigger_level_reads_as_the_server_prints_it(string clause, string definition)
    {
        var db = Sql.Clean($"CREATE TABLE t (a int);\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;\nCREATE TRIGGER tr {clause};");
        Assert.Equal(definition, Assert.Single(db.Triggers).Definition);
    }
}
