using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Project;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The offline normal form against PostgreSQL 15 itself, one kind of rewrite per case: a check or index written as
/// people write it, parsed without a server, must equal what the server prints once it has run it (read back with
/// inspect). What the offline form cannot be sure of is left as written and counted as different: the last cases pin
/// that it says so instead of guessing.
/// </summary>
[Collection(ScratchDatabases.Name)]
public sealed class OfflineNormalFormTests
{
    private const string Columns = "i integer, b bigint, n numeric(10,2), d double precision, r real, v varchar(20), c char(3), tx text, dt date, ts timestamptz, flag boolean, tm time, tsn timestamp";

    [PostgresTheory]
    [InlineData("and_or_parentheses", "CHECK (i > 0 AND b > 0 OR n > 0)")]
    [InlineData("not", "CHECK (NOT (i = 3))")]
    [InlineData("and_chain_parenthesized", "CHECK ((i > 0 AND b > 0) AND n > 0)")]
    [InlineData("is_null", "CHECK (tx IS NOT NULL OR v IS NULL)")]
    [InlineData("between", "CHECK (i BETWEEN 1 AND 5)")]
    [InlineData("in_list_text", "CHECK (tx IN ('a', 'b'))")]
    [InlineData("in_list_integer", "CHECK (i IN (1, 2, 3))")]
    [InlineData("not_in_single", "CHECK (i NOT IN (3))")]
    [InlineData("numeric_literal_against_numeric", "CHECK (n >= 0)")]
    [InlineData("decimal_literal_against_numeric", "CHECK (n > 1.5)")]
    [InlineData("literal_against_double", "CHECK (d >= 0)")]
    [InlineData("literal_against_real", "CHECK (r < 10)")]
    [InlineData("negative_literal", "CHECK (i > -1)")]
    [InlineData("varchar_regex", "CHECK (v ~ '^[a-z]+$')")]
    [InlineData("varchar_like", "CHECK (v LIKE 'a%')")]
    [InlineData("char_literal", "CHECK (c = 'EUR')")]
    [InlineData("char_against_function", "CHECK (c = upper(c))")]
    [InlineData("text_literal", "CHECK (tx = 'x')")]
    [InlineData("varchar_against_text", "CHECK (v = tx)")]
    [InlineData("length_of_varchar", "CHECK (length(v) < 5)")]
    [InlineData("date_literal", "CHECK (dt > '2020-01-01')")]
    [InlineData("arithmetic", "CHECK (i + b > 2)")]
    [InlineData("boolean_column", "CHECK (flag)")]
    [InlineData("index_on_lower_varchar", "INDEX (lower(v))")]
    [InlineData("partial_index_predicate", "INDEX (i) WHERE tx IN ('a', 'b') AND i > 0")]
    [InlineData("some_array", "CHECK (tx = SOME (ARRAY['a', 'b']))")]
    [InlineData("all_array_integer", "CHECK (i >= ALL (ARRAY[1, 2]) OR tx = ANY (ARRAY['x']))")]
    [InlineData("varchar_cast_array", "CHECK (v::text = ANY (ARRAY['a'::varchar::text, 'b'::character varying::text]))")]
    [InlineData("is_distinct_from", "INDEX (i) WHERE tx IS DISTINCT FROM 'x'")]
    [InlineData("is_not_distinct_from", "INDEX (i) WHERE tx IS NOT DISTINCT FROM 'x'")]
    [InlineData("not_is_not_distinct_from", "INDEX (i) WHERE NOT (tx IS NOT DISTINCT FROM 'x')")]
    [InlineData("is_true", "CHECK (flag IS NOT TRUE OR i > 0)")]
    [InlineData("typed_interval_literal", "CHECK (ts > now() - interval '1 day')")]
    [InlineData("typed_literals", "CHECK (dt <= date '2030-12-31' AND b > bigint '2' AND tm >= time '9:00' AND r < real '3.50')")]
    [InlineData("bare_time_and_timestamp", "CHECK (tm >= '09:00:00' AND tsn > '2024-01-01' AND i <> '5')")]
    [InlineData("interval_units", "CHECK (ts - now() < interval '1 YEAR 2 months 3 weeks' AND ts - now() > interval '90 minutes')")]
    [InlineData("concat", "CHECK (length(v || '_x' || tx) > 2)")]
    [InlineData("at_time_zone", "CHECK ((ts AT TIME ZONE 'utc') < localtimestamp)")]
    [InlineData("timezone_function", "INDEX (timezone('utc', ts))")]
    [InlineData("case", "CHECK (CASE WHEN flag THEN tx LIKE 'a%' ELSE true END)")]
    [InlineData("case_in_index", "INDEX ((CASE WHEN flag IS TRUE THEN 1 ELSE 0 END))")]
    [InlineData("case_without_else", "INDEX ((CASE WHEN i > 0 THEN 'positive' END))")]
    [InlineData("mixed_arithmetic", "CHECK (i * n > 1 - n / 100 AND b + d > 0)")]
    [InlineData("casts", "CHECK (v::text <> '' AND current_date::text <> '' AND (i + 1)::bigint > 0)")]
    [InlineData("cast_to_own_type_dropped", "INDEX (i) WHERE tx::text = 'story'")]
    [InlineData("dates_and_intervals", "CHECK (dt + 1 > dt AND dt - interval '1 day' < tsn AND tsn - tsn >= interval '0 seconds')")]
    [InlineData("coalesce", "CHECK (coalesce(tx, 'none') <> '' AND coalesce(n, n) > 0)")]
    public async Task A_rewrite_meets_the_servers_form(string kind, string clause)
    {
        Assert.True(await SameOfflineAsync(kind, clause), $"{kind}: the offline form of {clause} differs from what the server prints");
    }

    [PostgresTheory]
    [InlineData("interval_with_field", "CHECK (ts > now() - interval '1' day)")]
    [InlineData("unknown_function", "CHECK (my_func(i) > 0)")]
    [InlineData("in_list_varchar_is_no_fixed_point", "CHECK (v IN ('a', 'b'))")]
    [InlineData("in_list_bigint", "CHECK (b IN (1, 2))")]
    public async Task What_it_is_not_sure_of_stays_as_written_and_so_differs(string kind, string clause)
    {
        Assert.False(await SameOfflineAsync(kind, clause), $"{kind}: expected to stay as written");
    }

    [PostgresTheory]
    [InlineData("date", "DEFAULT date '2024-01-01'")]
    [InlineData("date", "DEFAULT '2024-01-01'")]
    [InlineData("numeric", "DEFAULT numeric '1.5'")]
    [InlineData("numeric(5,2)", "DEFAULT '1.5'")]
    [InlineData("numeric(5,2)", "DEFAULT numeric '007.25'")]
    [InlineData("json", "DEFAULT json '{}'")]
    [InlineData("jsonb", "DEFAULT '{}'")]
    [InlineData("jsonb", "DEFAULT jsonb '[]'")]
    [InlineData("bit(8)", "DEFAULT x'1F'")]
    [InlineData("bit varying(8)", "DEFAULT B'101'")]
    [InlineData("uuid", "DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'")]
    [InlineData("boolean", "DEFAULT 'yes'")]
    [InlineData("integer", "DEFAULT '042'")]
    [InlineData("integer", "DEFAULT int '7'")]
    [InlineData("numeric(6,3)", "DEFAULT '0.5'")]
    [InlineData("text", "DEFAULT text 'it''s'")]
    [InlineData("timestamp", "DEFAULT now()")]
    [InlineData("numeric(5,2)", "DEFAULT '5'")]
    [InlineData("interval", "DEFAULT interval '90 minutes'")]
    [InlineData("interval", "DEFAULT '14 months 3 weeks'")]
    [InlineData("timestamp with time zone", "DEFAULT now() + interval '1 day'")]
    [InlineData("double precision", "DEFAULT -3.14")]
    [InlineData("double precision", "DEFAULT -20")]
    [InlineData("numeric(5,2)", "DEFAULT -20.0")]
    [InlineData("time", "DEFAULT time '9:00'")]
    [InlineData("timestamp", "DEFAULT timestamp '2024-01-01'")]
    [InlineData("bigint", "DEFAULT bigint '2'")]
    [InlineData("smallint", "DEFAULT smallint '3'")]
    [InlineData("real", "DEFAULT real '3.50'")]
    [InlineData("varchar(16)", "DEFAULT NULL")]
    [InlineData("text", "DEFAULT NULL")]
    [InlineData("numeric(10,2)", "DEFAULT null")]
    [InlineData("varchar(64)", "DEFAULT 'a' || 'b'")]
    [InlineData("timestamp", "DEFAULT (now() AT TIME ZONE 'utc')")]
    [InlineData("timestamp", "DEFAULT timezone('utc', now())")]
    [InlineData("text", "DEFAULT (now() AT TIME ZONE 'utc')::text")]
    [InlineData("text", "DEFAULT current_date::text")]
    [InlineData("text", "DEFAULT current_timestamp::date::text")]
    [InlineData("integer", "DEFAULT CASE WHEN true THEN 1 END")]
    [InlineData("date", "DEFAULT current_date - 1")]
    [InlineData("numeric", "DEFAULT 1.50::numeric(10,1)")]
    [InlineData("bigint", "DEFAULT 1::bigint")]
    public async Task A_default_meets_the_servers_form(string type, string clause)
    {
        var sql = $"CREATE TABLE t (id integer, c {type} {clause});\n";
        var (live, offline) = await BothSidesAsync(sql);
        Assert.Equal(live.Tables.Single().Columns[1].Default, offline.Tables.Single().Columns[1].Default);
    }

    [PostgresTheory]
    [InlineData("text", "CHECK (VALUE ~ '@')")]
    [InlineData("text", "DEFAULT 'pending' CHECK (char_length(VALUE) > 0 AND VALUE != '')")]
    [InlineData("integer", "CHECK (VALUE >= 0 AND VALUE <= 150)")]
    [InlineData("date", "CHECK (VALUE > '1900-01-01'::date AND VALUE < current_date)")]
    [InlineData("varchar(20)", "CHECK (length(VALUE) > 0) CHECK (VALUE NOT IN ('x'))")]
    [InlineData("text", "CHECK (VALUE !~ '^\\s' AND VALUE LIKE '%a%')")]
    public async Task A_domain_meets_the_servers_form(string type, string clause)
    {
        var sql = $"CREATE DOMAIN dm AS {type} {clause};\n";
        var (live, offline) = await BothSidesAsync(sql);
        Assert.Equal(live.Domains.Single(), offline.Domains.Single());
    }

    [PostgresTheory]
    [InlineData("AFTER UPDATE OR INSERT OR DELETE ON t FOR EACH ROW")]
    [InlineData("AFTER TRUNCATE OR UPDATE OF name ON t")]
    [InlineData("AFTER UPDATE ON t FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)")]
    [InlineData("AFTER INSERT ON t FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1)")]
    [InlineData("BEFORE UPDATE ON t FOR EACH ROW WHEN (NEW.flag AND OLD.id <> NEW.id)")]
    [InlineData("BEFORE UPDATE ON t FOR EACH ROW WHEN (NEW.flag)")]
    public async Task A_trigger_meets_the_servers_form(string clause)
    {
        var sql = $$"""
            CREATE TABLE t (id integer, name text, flag boolean);
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE TRIGGER tr {{clause}} EXECUTE FUNCTION f();

            """;
        var (live, offline) = await BothSidesAsync(sql);
        Assert.Equal(live.Triggers.Single().Definition, offline.Triggers.Single().Definition);
    }

    [PostgresFact]
    public async Task Extension_members_and_default_operator_classes_meet_the_servers_form()
    {
        const string sql = """
            CREATE EXTENSION citext;
            CREATE EXTENSION pg_trgm;
            CREATE EXTENSION "uuid-ossp";
            CREATE TABLE products (id uuid DEFAULT uuid_generate_v4() PRIMARY KEY, name citext NOT NULL, tags text[], doc jsonb);
            CREATE INDEX products_name_trgm ON products USING gin (name gin_trgm_ops);
            CREATE INDEX products_tags ON products USING gin (tags array_ops);
            CREATE INDEX products_doc ON products USING gin (doc jsonb_ops);

            """;
        var (live, offline) = await BothSidesAsync(sql);
        Assert.Equal(live.Tables.Single(), offline.Tables.Single());
        Assert.Equal(live.Indexes, offline.Indexes);
    }

    [PostgresFact]
    public async Task Policies_meet_the_servers_form()
    {
        const string sql = """
            CREATE TABLE accounts (id integer, tenant_id varchar(36), owner text, active boolean);
            ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant ON accounts USING (tenant_id::text = current_setting('app.tenant_id', true)::text) WITH CHECK (tenant_id = current_setting('app.tenant_id'));
            CREATE POLICY owner_only ON accounts FOR UPDATE TO PUBLIC USING (active IS TRUE OR owner = 'x' OR length(owner) > 3);

            """;
        var (live, offline) = await BothSidesAsync(sql);
        Assert.Equal(live.Policies, offline.Policies);
    }

    [PostgresFact]
    public async Task Function_settings_and_unnamed_indexes_meet_the_servers_form()
    {
        const string sql = """
            CREATE TABLE t (a bigint NOT NULL, b text, x bigint);
            CREATE INDEX ON t (a) INCLUDE (b);
            CREATE UNIQUE INDEX ON t (x);
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql SET search_path = public, "$user", pg_temp SET timezone TO 'UTC' SET work_mem = 65536 AS $$BEGIN END$$;

            """;
        var (live, offline) = await BothSidesAsync(sql);
        Assert.Equal(["t_a_b_idx", "t_x_idx"], offline.Indexes.Select(i => i.Name.Name));
        Assert.Equal(live.Indexes, offline.Indexes);
        Assert.Equal(live.Routines.Single().Definition, offline.Routines.Single().Definition);
    }

    [PostgresFact]
    public async Task Views_over_views_and_in_other_schemas_meet_the_servers_form()
    {
        const string sql = ViewTables + """
            CREATE VIEW active_users AS SELECT id, name, score FROM users WHERE active = true;
            CREATE VIEW rich AS SELECT id FROM active_users WHERE score > 100;
            CREATE SCHEMA reporting;
            CREATE VIEW reporting.totals AS SELECT u.name, sum(o.total) AS total FROM rich r JOIN users u ON u.id = r.id JOIN orders o ON o.user_id = u.id GROUP BY u.name;
            CREATE VIEW reporting.top AS SELECT name FROM reporting.totals WHERE total > 1000 ORDER BY total DESC;
            CREATE MATERIALIZED VIEW reporting.names AS SELECT * FROM reporting.top;

            """;
        var (live, offline) = await BothSidesAsync(sql);
        Assert.Equal(5, offline.Views.Count());
        Assert.Equal(live.Views.Select(v => (v.Name, v.Query)), offline.Views.Select(v => (v.Name, v.Query)));
    }

    private static async Task<(Model.Database Live, Model.Database Offline)> BothSidesAsync(string sql)
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(sql);
        Assert.True(DatabaseUrl.TryParse(db.Url, out var url, out var error), error);
        var live = await PlanTestSupport.InspectAsync(url!);
        var parsed = PostgresDialect.Instance.ParseText(sql, "t.sql");
        Assert.DoesNotContain(parsed.Diagnostics, d => d.Severity == Severity.Error);
        return (live, parsed.Model);
    }

    [PostgresFact]
    public async Task A_partition_bound_on_a_timestamp_key_meets_the_servers_form()
    {
        const string sql = """
            CREATE TABLE p (id integer, at timestamp) PARTITION BY RANGE (at);
            CREATE TABLE p_2024 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE q (id integer, day date) PARTITION BY RANGE (day);
            CREATE TABLE q_2024 PARTITION OF q FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            """;
        var (live, offline) = await BothSidesAsync(sql);
        foreach (var name in new[] { "p_2024", "q_2024" })
        {
            Assert.Equal(live.Tables.Single(t => t.Name.Name == name).PartitionOf, offline.Tables.Single(t => t.Name.Name == name).PartitionOf);
        }
    }

    private const string ViewTables = """
        CREATE TABLE users (id integer PRIMARY KEY, name varchar(50), email text, active boolean, created date, score numeric(5,2));
        CREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users, total numeric(10,2), status text);

        """;

    [PostgresTheory]
    [InlineData("columns_qualified", "SELECT id, name FROM users WHERE active")]
    [InlineData("star_expanded", "SELECT * FROM users")]
    [InlineData("alias_and_join", "SELECT u.id, u.name AS n, o.total FROM users u JOIN orders o ON o.user_id = u.id WHERE o.status = 'paid' AND u.name <> 'x'")]
    [InlineData("left_join_aggregates", "SELECT u.id, count(*) AS orders, sum(o.total) FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id ORDER BY u.id DESC")]
    [InlineData("where_casts", "SELECT * FROM users WHERE score > 1 AND created >= '2024-01-01' OR email IS NULL")]
    [InlineData("function_in_list_limit", "SELECT id, lower(email) AS e, name FROM public.users WHERE id IN (1,2,3) LIMIT 10")]
    [InlineData("distinct", "SELECT DISTINCT status FROM orders")]
    [InlineData("two_joins_and_table_star", "SELECT o.*, u.name FROM orders AS o INNER JOIN users AS u ON u.id = o.user_id LEFT OUTER JOIN orders p ON p.id = o.id")]
    [InlineData("count_and_max_named", "SELECT status, count(id), max(total) AS top FROM orders GROUP BY status")]
    [InlineData("having", "SELECT status, count(*) FROM orders GROUP BY status HAVING count(*) > 1 AND sum(total) > 10")]
    [InlineData("string_literal_target", "SELECT id, 'x' AS kind, 1 AS one FROM users")]
    [InlineData("extract", "SELECT extract(YEAR from created) AS y, EXTRACT(dow FROM created) FROM users")]
    [InlineData("case", "SELECT CASE WHEN active THEN 'y' ELSE 'n' END AS a, CASE WHEN score > 1 THEN id END AS b FROM users")]
    [InlineData("cte", "WITH recent AS (SELECT id, name FROM users WHERE active) SELECT id FROM recent")]
    [InlineData("two_ctes_joined", "WITH a AS (SELECT DISTINCT user_id FROM orders WHERE total > 0), b AS (SELECT user_id, count(*) AS n FROM orders GROUP BY user_id) SELECT a.user_id, b.n FROM a JOIN b ON a.user_id = b.user_id")]
    [InlineData("cte_named_like_a_table_inside", "WITH o AS (SELECT user_id FROM orders) SELECT orders.id FROM orders JOIN o ON o.user_id = orders.user_id")]
    [InlineData("union_all_literals", "SELECT 1 AS id, 'a' AS name UNION ALL SELECT 2 AS id, 'b' AS name UNION ALL SELECT 3, 'c'")]
    [InlineData("union_tables", "SELECT id FROM users UNION SELECT user_id FROM orders")]
    [InlineData("in_subquery_renamed", "SELECT * FROM orders WHERE id IN (SELECT max(id) AS id FROM orders GROUP BY user_id)")]
    [InlineData("not_in_subquery", "SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM orders)")]
    [InlineData("exists", "SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) AND NOT EXISTS (SELECT 1 FROM orders WHERE orders.user_id = u.id AND status = 'x')")]
    [InlineData("scalar_subquery", "SELECT id, (SELECT count(*) FROM orders o WHERE o.user_id = users.id) AS n FROM users")]
    [InlineData("derived_table", "SELECT t.id FROM (SELECT id, name FROM users WHERE active) t WHERE t.name <> ''")]
    [InlineData("derived_table_of_same_table", "SELECT users.id FROM users JOIN (SELECT id FROM users WHERE active) AS a ON a.id = users.id")]
    [InlineData("group_by_output_name", "SELECT extract(year FROM created) AS y, count(*) AS n FROM users GROUP BY y ORDER BY y")]
    [InlineData("group_by_expression", "SELECT lower(email) AS e, count(*) AS n FROM users GROUP BY lower(email) ORDER BY n DESC")]
    [InlineData("no_from", "SELECT 1 AS one, 'x' AS kind")]
    [InlineData("unnamed_expression", "SELECT id + 1, lower(name) || 'x' AS lx FROM users")]
    [InlineData("unnamed_literal_and_nested", "SELECT 1 WHERE EXISTS (SELECT 1, 2 AS two FROM users)")]
    [InlineData("parenthesized_union", "(SELECT 1 AS id) UNION ALL (SELECT 2) UNION ALL (SELECT id FROM users ORDER BY id DESC LIMIT 1)")]
    [InlineData("window", "SELECT id, sum(total) OVER (PARTITION BY user_id ORDER BY id DESC) AS running, row_number() OVER (ORDER BY extract(year FROM now())) AS n FROM orders")]
    [InlineData("date_functions", "SELECT date_part('year', now()) AS y, date_trunc('month', created) AS m, to_char(created, 'YYYY') AS c, date(now()) AS d, age(now()) AS a FROM users")]
    [InlineData("text_functions", "SELECT format('%s-%s', id, name) AS f, concat(name, ' ', email) AS c, to_timestamp(concat(email, ' 00:00'), 'YYYY HH24:MI') AS t FROM users")]
    public async Task A_view_meets_the_servers_form(string kind, string query)
    {
        var sql = ViewTables + $"CREATE VIEW v_{kind} AS {query};\n";
        var (live, offline) = await BothSidesAsync(sql);
        Assert.Equal(live.Views.Single().Query, offline.Views.Single().Query);
    }

    [PostgresTheory]
    [InlineData("distinct_on", "SELECT DISTINCT ON (status) status, id FROM orders")]
    [InlineData("recursive_cte", "WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT i FROM n")]
    [InlineData("function_casting_its_arguments", "SELECT date_part('year', created) AS m FROM users")]
    [InlineData("union_of_different_types", "SELECT id FROM users UNION ALL SELECT total FROM orders")]
    [InlineData("window_frame", "SELECT id, sum(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS n FROM users")]
    [InlineData("unnamed_cast", "SELECT id::text FROM users")]
    public async Task A_view_it_is_not_sure_of_stays_as_written(string kind, string query)
    {
        var sql = ViewTables + $"CREATE VIEW v_{kind} AS {query};\n";
        var (live, offline) = await BothSidesAsync(sql);
        Assert.NotEqual(live.Views.Single().Query, offline.Views.Single().Query);
        Assert.Equal(Sql.SqlNormalizer.NormalizeText(query), offline.Views.Single().Query);
    }

    private static async Task<bool> SameOfflineAsync(string kind, string clause)
    {
        var sql = "CREATE FUNCTION my_func(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1';\n"
            + (clause.StartsWith("INDEX", StringComparison.Ordinal)
                ? $"CREATE TABLE t ({Columns});\nCREATE INDEX t_{kind} ON t {clause[6..]};\n"
                : $"CREATE TABLE t ({Columns}, CONSTRAINT t_{kind} {clause});\n");
        var (live, offline) = await BothSidesAsync(sql);
        return live.Tables.Single().Checks.SequenceEqual(offline.Tables.Single().Checks) && live.Indexes.SequenceEqual(offline.Indexes);
    }
}
