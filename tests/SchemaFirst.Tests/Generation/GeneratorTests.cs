using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;

namespace SchemaFirst.Tests.Generation;

public class GeneratorTests
{
    private static string Generate(string sql, bool ine = false) => PostgresSqlGenerator.Generate(Sql.Clean(sql), new SqlGenerationOptions(ine));

    [Fact]
    public void The_example_project_renders_to_the_reviewed_golden_files()
    {
        var model = SqlSource.LoadPostgres([TestPaths.Examples]).Model;
        Golden.Check("generate/examples/postgres.sql", PostgresSqlGenerator.Generate(model));
        Golden.Check("generate/examples/postgres-if-not-exists.sql", PostgresSqlGenerator.Generate(model, new SqlGenerationOptions(IfNotExists: true)));
    }

    [Fact]
    public void Output_is_byte_identical_whatever_the_order_of_the_source()
    {
        var a = Generate("CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a); CREATE TABLE a (id int PRIMARY KEY); CREATE INDEX ON b (a_id);");
        var b = Generate("CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY, a_id int); CREATE INDEX ON b (a_id); ALTER TABLE b ADD FOREIGN KEY (a_id) REFERENCES a;");
        Assert.Equal(a, b);
        Assert.DoesNotContain("\r", a);
        Assert.EndsWith(";\n", a);
    }

    [Fact]
    public void Tables_come_after_the_tables_they_reference_and_cycles_are_closed_by_a_trailing_alter()
    {
        var sql = Generate("""
            CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
            CREATE TABLE customers (id int PRIMARY KEY, last_order_id int REFERENCES orders (id));
            CREATE TABLE lines (id int PRIMARY KEY, order_id int REFERENCES orders (id), parent_id int REFERENCES lines (id));
            """);
        var customers = sql.IndexOf("CREATE TABLE public.customers", StringComparison.Ordinal);
        var orders = sql.IndexOf("CREATE TABLE public.orders", StringComparison.Ordinal);
        var lines = sql.IndexOf("CREATE TABLE public.lines", StringComparison.Ordinal);
        Assert.True(customers < orders && orders < lines, sql);
        // customers is created first, so its key to orders must wait; the self reference of lines stays inline.
        Assert.Contains("ALTER TABLE public.customers ADD CONSTRAINT customers_last_order_id_fkey FOREIGN KEY (last_order_id) REFERENCES public.orders (id);", sql);
        Assert.Contains("CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id)", sql);
        Assert.Contains("CONSTRAINT lines_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.lines (id)", sql);
        Assert.True(sql.IndexOf("ALTER TABLE public.customers", StringComparison.Ordinal) > lines);
    }

    [Fact]
    public void Functions_used_by_defaults_come_before_the_table_and_views_after_their_tables()
    {
        var sql = Generate("""
            CREATE VIEW v AS SELECT * FROM t;
            CREATE TABLE t (id int DEFAULT next_id());
            CREATE FUNCTION next_id() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
            """);
        var fn = sql.IndexOf("CREATE FUNCTION public.next_id()", StringComparison.Ordinal);
        var table = sql.IndexOf("CREATE TABLE public.t", StringComparison.Ordinal);
        var view = sql.IndexOf("CREATE VIEW public.v", StringComparison.Ordinal);
        Assert.True(fn >= 0 && fn < table && table < view, sql);
    }

    [Fact]
    public void The_if_not_exists_style_guards_everything_postgres_cannot_create_conditionally()
    {
        var sql = Generate("""
            CREATE TYPE s AS ENUM ('a');
            CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b (id), st s);
            CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
            CREATE INDEX ON a (st);
            CREATE VIEW v AS SELECT id FROM a;
            """, ine: true);
        Assert.Contains("CREATE TABLE IF NOT EXISTS public.a (", sql);
        Assert.Contains("CREATE INDEX IF NOT EXISTS a_st_idx ON public.a USING btree (st);", sql);
        Assert.Contains("CREATE OR REPLACE VIEW public.v AS", sql);
        Assert.Contains("EXCEPTION WHEN duplicate_object THEN NULL;", sql);
        Assert.Contains("IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conname = 'a_b_id_fkey' AND conrelid = 'public.a'::regclass) THEN", sql);
    }

    [Fact]
    public void Statements_kept_verbatim_are_rendered_in_source_order_at_the_end()
    {
        var model = Sql.Parse("CREATE TABLE t (a int);\nCREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);\nCREATE CAST (int AS text) WITH INOUT;").Model;
        var sql = PostgresSqlGenerator.Generate(model);
        var op = sql.IndexOf("CREATE OPERATOR ===", StringComparison.Ordinal);
        var cast = sql.IndexOf("CREATE CAST (int AS text) WITH INOUT;", StringComparison.Ordinal);
        Assert.True(sql.IndexOf("CREATE TABLE", StringComparison.Ordinal) < op && op < cast);
    }
}
