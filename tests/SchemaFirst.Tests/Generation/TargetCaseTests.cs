using SchemaFirst.Dialects;
using SchemaFirst.Dialects.MySql;
using SchemaFirst.Dialects.Oracle;
using SchemaFirst.Dialects.SqlServer;
using SchemaFirst.Loading;
using SchemaFirst.Seeding;

namespace SchemaFirst.Tests.Generation;

/// <summary>
/// The cases where a naive translation to MySQL, SQL Server or Oracle would be accepted and mean something else, or be
/// refused by the engine: each is written correctly or left out with a note naming it.
/// </summary>
public sealed class TargetCaseTests
{
    private static GeneratedSql Generate(IDdlTarget target, string sql) => target.Generate(SqlSource.ParsePostgres(sql).Model, new SqlGenerationOptions());

    [Fact]
    public void Date_arithmetic_interval_casts_and_session_functions_are_left_out_not_mistranslated()
    {
        const string sql = """
            CREATE TABLE carts (
                id int PRIMARY KEY,
                expires_at timestamptz NOT NULL DEFAULT now() + '30 days'::interval,
                due date DEFAULT CURRENT_DATE + 7,
                created_by text DEFAULT CURRENT_USER,
                a int, b int,
                currency char(3) NOT NULL DEFAULT 'EUR'::bpchar,
                CONSTRAINT ratio CHECK (a::numeric / b > 0.5)
            );
            """;
        foreach (var target in new IDdlTarget[] { MySqlTarget.MySql, SqlServerTarget.Instance, OracleTarget.Instance })
        {
            var g = Generate(target, sql);
            foreach (var column in new[] { "expires_at", "due", "created_by" })
            {
                Assert.Contains(g.Notes, n => n.Message.Contains($"column public.carts.{column}: default", StringComparison.Ordinal) && n.Message.Contains("created without a default", StringComparison.Ordinal));
            }
            Assert.Contains(g.Notes, n => n.Message.Contains("check ratio", StringComparison.Ordinal));
            Assert.Contains("'EUR'", g.Text, StringComparison.Ordinal); // a lone literal's cast goes, the literal stays
            Assert.DoesNotContain("current_user", g.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Mysql_defaults_fit_their_column_type_and_precision()
    {
        var g = Generate(MySqlTarget.MySql, "CREATE TABLE t (id int PRIMARY KEY, status varchar DEFAULT 'active', at timestamp(0) NOT NULL DEFAULT now());");
        Assert.Contains("`status` LONGTEXT NULL DEFAULT ('active')", g.Text, StringComparison.Ordinal); // TEXT takes only an expression default
        Assert.Contains("`at` DATETIME(0) NOT NULL DEFAULT CURRENT_TIMESTAMP(0)", g.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constraint_names_repeated_across_tables_are_made_unique_where_the_engine_needs_it()
    {
        const string sql = """
            CREATE TABLE users (id int PRIMARY KEY, n int CONSTRAINT positive CHECK (n > 0));
            CREATE TABLE teams (id int PRIMARY KEY, owner int CONSTRAINT fk_user REFERENCES users, n int CONSTRAINT positive CHECK (n > 0));
            CREATE TABLE posts (id int PRIMARY KEY, author int CONSTRAINT fk_user REFERENCES users);
            """;
        var my = Generate(MySqlTarget.MySql, sql).Text;
        Assert.Contains("CONSTRAINT `positive_2` CHECK", my, StringComparison.Ordinal);
        Assert.Contains("ADD CONSTRAINT `fk_user_2` FOREIGN KEY", my, StringComparison.Ordinal);
        var ss = Generate(SqlServerTarget.Instance, sql).Text;
        Assert.Contains("CONSTRAINT [positive_2] CHECK", ss, StringComparison.Ordinal);
        Assert.Contains("ADD CONSTRAINT [fk_user_2] FOREIGN KEY", ss, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_server_sequences_start_where_postgresql_starts_and_referenced_uniques_stay_constraints()
    {
        var g = Generate(SqlServerTarget.Instance, """
            CREATE SEQUENCE order_no;
            CREATE TABLE products (id int PRIMARY KEY, sku text UNIQUE);
            CREATE TABLE order_items (id int PRIMARY KEY, sku text REFERENCES products (sku));
            """);
        Assert.Contains("CREATE SEQUENCE [dbo].[order_no] AS BIGINT START WITH 1 INCREMENT BY 1;", g.Text, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [products_sku_key] UNIQUE ([sku])", g.Text, StringComparison.Ordinal);
        Assert.Contains(g.Notes, n => n.Message.Contains("referenced by a foreign key, so it stays a constraint", StringComparison.Ordinal));
        Assert.Empty(SqlServerGenerationTests.Parse(g.Text).Errors);
    }

    [Fact]
    public void Oracle_leaves_out_what_it_cannot_check_and_seeds_dates_as_literals()
    {
        var model = SqlSource.ParsePostgres("""
            CREATE TABLE events (id int PRIMARY KEY, day date NOT NULL, at timestamptz NOT NULL, n int CHECK (n % 2 = 0));
            CREATE VIEW recent AS SELECT e.id FROM events AS e ORDER BY e.day DESC LIMIT 10;
            """).Model;
        var g = OracleTarget.Instance.Generate(model, new SqlGenerationOptions());
        Assert.DoesNotContain("%", g.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE VIEW", g.Text, StringComparison.Ordinal);
        Assert.Contains(g.Notes, n => n.Message.Contains("view public.recent: views are not translated for Oracle yet", StringComparison.Ordinal));
        var set = SeedReader.Read([("seed/e.sql", "INSERT INTO events (id, day, at, n) VALUES (1, '2024-01-31', '2024-01-31 12:00:00+00', 2);")], model, "public");
        var oracle = SeedWriter.Write(set, model, "oracle").Text;
        Assert.Contains("DATE '2024-01-31' AS day", oracle, StringComparison.Ordinal);
        Assert.Contains("TIMESTAMP '2024-01-31 12:00:00.000000 +00:00' AS at", oracle, StringComparison.Ordinal);
        Assert.Contains("N'2024-01-31T12:00:00.000000+00:00'", SeedWriter.Write(set, model, "sqlserver").Text, StringComparison.Ordinal);
        Assert.Contains("'2024-01-31 12:00:00.000000'", SeedWriter.Write(set, model, "mysql").Text, StringComparison.Ordinal);
    }
}
