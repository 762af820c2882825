using SchemaFirst.Audit;
using SchemaFirst.Dialects;

namespace SchemaFirst.Tests.Audit;

/// <summary>
/// Statements checked against a schema: each form of the DML parser read, names resolved through aliases, CTEs,
/// derived tables, joins and enclosing queries, and each finding where it belongs (and none where the SQL is right).
/// </summary>
public sealed class AuditCheckTests
{
    private const string Schema = """
        CREATE SCHEMA audit;
        CREATE TABLE regions (region_id int PRIMARY KEY, region_nm text NOT NULL UNIQUE, country char(2) NOT NULL DEFAULT 'JP');
        CREATE TABLE stores (store_id text PRIMARY KEY, store_nm text NOT NULL, addr text NOT NULL, tel_no text,
            region_id int NOT NULL REFERENCES regions, search_text tsvector GENERATED ALWAYS AS (to_tsvector('simple', store_nm)) STORED,
            updated_at timestamptz NOT NULL DEFAULT now());
        CREATE UNIQUE INDEX stores_tel ON stores (tel_no) WHERE tel_no IS NOT NULL;
        CREATE TABLE visits (visit_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, store_id text NOT NULL REFERENCES stores ON DELETE CASCADE,
            visited_at timestamptz NOT NULL DEFAULT now(), status smallint NOT NULL, bytes int);
        CREATE TABLE audit.events (id bigserial PRIMARY KEY, payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE tree (id int PRIMARY KEY, parent_id int REFERENCES tree, label text NOT NULL);
        CREATE VIEW store_counts AS SELECT r.region_id, r.region_nm, count(s.store_id) AS stores FROM regions r LEFT JOIN stores s USING (region_id) GROUP BY 1, 2;
        """;

    private static readonly Lazy<Model.Database> Model = new(() => SqlDialects.Default.ParseText(Schema, "schema.sql").Model);

    private static List<AuditFinding> Audit(string sql, string language = "sql")
    {
        var path = language == "sql" ? "q.sql" : "q." + language;
        return Auditor.Run([(path, sql)], Model.Value, "public").Findings.ToList();
    }

    private static string Codes(string sql) => string.Join(" ", Audit(sql).Select(f => f.Code));

    [Theory]
    [InlineData("SELECT store_id, store_nm FROM stores WHERE region_id = $1 ORDER BY store_nm LIMIT 10 OFFSET $2")]
    [InlineData("SELECT s.store_id, v.status FROM stores s JOIN visits v ON v.store_id = s.store_id WHERE v.visited_at > now() - interval '1 day'")]
    [InlineData("SELECT store_id, count(*) FROM stores JOIN visits USING (store_id) GROUP BY store_id")]
    [InlineData("SELECT store_id FROM stores NATURAL JOIN visits")]
    [InlineData("SELECT r.region_nm, x.n FROM regions r, LATERAL (SELECT count(*) AS n FROM stores s WHERE s.region_id = r.region_id) x")]
    [InlineData("WITH recent AS (SELECT store_id, max(visited_at) AS last FROM visits GROUP BY store_id) SELECT s.store_nm, recent.last FROM stores s JOIN recent USING (store_id)")]
    [InlineData("WITH stores AS (SELECT 1 AS anything) SELECT anything FROM stores")]
    [InlineData("WITH RECURSIVE up(id, depth) AS (SELECT id, 0 FROM tree WHERE id = $1 UNION ALL SELECT t.parent_id, up.depth + 1 FROM tree t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL) SELECT id, depth FROM up")]
    [InlineData("SELECT d.x FROM (SELECT store_nm AS x, addr FROM stores) d WHERE d.addr <> ''")]
    [InlineData("SELECT d.* FROM (SELECT * FROM regions) AS d(a, b, c) WHERE a = 1 AND c = 'JP'")]
    [InlineData("SELECT store_nm, (SELECT count(*) FROM visits v WHERE v.store_id = s.store_id) AS n FROM stores s ORDER BY n DESC")]
    [InlineData("SELECT store_id FROM stores WHERE EXISTS (SELECT 1 FROM visits WHERE visits.store_id = stores.store_id AND status >= 500)")]
    [InlineData("SELECT store_nm AS name FROM stores ORDER BY name")]
    [InlineData("SELECT region_id, region_nm FROM regions UNION SELECT region_id, store_nm FROM stores ORDER BY region_nm")]
    [InlineData("SELECT rank() OVER (PARTITION BY region_id ORDER BY updated_at DESC) AS r, count(*) FILTER (WHERE tel_no IS NULL) OVER w FROM stores WINDOW w AS (PARTITION BY region_id)")]
    [InlineData("SELECT string_agg(store_nm, ', ' ORDER BY store_nm), percentile_cont(0.5) WITHIN GROUP (ORDER BY bytes) FROM stores JOIN visits USING (store_id)")]
    [InlineData("SELECT CAST(bytes AS bigint), bytes::numeric(10, 2), extract(epoch FROM visited_at), date_trunc('day', visited_at) AT TIME ZONE 'UTC', date '2024-01-01', timestamp with time zone '2024-01-01 00:00+00' FROM visits")]
    [InlineData("SELECT CASE WHEN status BETWEEN 200 AND 299 THEN 'ok' WHEN status IS NULL THEN NULL ELSE 'bad' END FROM visits WHERE status IN (200, 301) AND store_id = ANY($1) AND store_id NOT LIKE 'x%' AND bytes IS DISTINCT FROM 0")]
    [InlineData("SELECT payload->>'kind', payload #> '{a,b}', at FROM audit.events WHERE payload @> $1::jsonb")]
    [InlineData("SELECT n FROM generate_series(1, 10) AS g(n)")]
    [InlineData("SELECT g FROM generate_series(1, 10) g")]
    [InlineData("SELECT u.id FROM unnest($1::int[]) WITH ORDINALITY AS u(id, ord) JOIN regions r ON r.region_id = u.id")]
    [InlineData("SELECT relname FROM pg_catalog.pg_class WHERE relkind = 'r'")]
    [InlineData("SELECT table_name FROM information_schema.tables")]
    [InlineData("SELECT DISTINCT ON (store_id) store_id, visited_at FROM visits ORDER BY store_id, visited_at DESC")]
    [InlineData("SELECT * FROM stores WHERE store_id = $1 FOR UPDATE SKIP LOCKED")]
    [InlineData("SELECT region_id, count(*) FROM stores GROUP BY ROLLUP (region_id) HAVING count(*) > 1")]
    [InlineData("SELECT region_nm, stores FROM store_counts WHERE stores > 0")]
    [InlineData("VALUES (1, 'a'), (2, 'b')")]
    [InlineData("SELECT coalesce(tel_no, '-'), nullif(addr, ''), greatest(1, 2), left(store_nm, 3) FROM stores")]
    [InlineData("SELECT stores FROM stores")]
    [InlineData("INSERT INTO regions (region_id, region_nm) VALUES ($1, $2), ($3, $4)")]
    [InlineData("INSERT INTO regions VALUES ($1, $2)")]
    [InlineData("INSERT INTO regions (region_id, region_nm) SELECT region_id + 100, region_nm || ' 2' FROM regions RETURNING region_id")]
    [InlineData("INSERT INTO stores (store_id, store_nm, addr, region_id) VALUES ($1, $2, $3, $4) ON CONFLICT (store_id) DO UPDATE SET store_nm = EXCLUDED.store_nm, updated_at = now() WHERE stores.store_nm <> EXCLUDED.store_nm RETURNING *")]
    [InlineData("INSERT INTO stores AS s (store_id, store_nm, addr, region_id) VALUES ($1, $2, $3, $4) ON CONFLICT ON CONSTRAINT stores_pkey DO NOTHING")]
    [InlineData("INSERT INTO stores (store_id, store_nm, addr, region_id, tel_no) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tel_no) WHERE tel_no IS NOT NULL DO NOTHING")]
    [InlineData("INSERT INTO visits (store_id, status) VALUES ($1, 200) RETURNING visit_id, visited_at")]
    [InlineData("INSERT INTO visits OVERRIDING SYSTEM VALUE VALUES (1, 'a', now(), 200, NULL)")]
    [InlineData("INSERT INTO audit.events (payload) VALUES ($1)")]
    [InlineData("WITH moved AS (DELETE FROM visits WHERE visited_at < $1 RETURNING store_id, status) INSERT INTO audit.events (payload) SELECT jsonb_build_object('store', store_id, 'status', status) FROM moved")]
    [InlineData("UPDATE stores s SET addr = r.region_nm FROM regions r WHERE r.region_id = s.region_id AND s.store_id = $1 RETURNING s.store_id")]
    [InlineData("UPDATE stores SET (store_nm, addr) = ($1, $2), search_text = DEFAULT WHERE store_id = $3")]
    [InlineData("DELETE FROM visits v USING stores s WHERE s.store_id = v.store_id AND s.region_id = $1 RETURNING v.visit_id")]
    [InlineData("MERGE INTO regions r USING (VALUES (1, 'Kanto')) AS src(id, nm) ON r.region_id = src.id WHEN MATCHED THEN UPDATE SET region_nm = src.nm WHEN NOT MATCHED THEN INSERT (region_id, region_nm) VALUES (src.id, src.nm)")]
    [InlineData("TRUNCATE visits, audit.events RESTART IDENTITY")]
    [InlineData("TRUNCATE tree")]
    [InlineData("COPY stores (store_id, store_nm) FROM STDIN WITH (FORMAT csv)")]
    [InlineData("COPY (SELECT store_id FROM stores) TO STDOUT")]
    [InlineData("EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM stores")]
    [InlineData("BEGIN; UPDATE stores SET tel_no = NULL WHERE store_id = $1; COMMIT")]
    [InlineData("SELECT * FROM $1 WHERE whatever = 1")]
    [InlineData("SELECT \"store_nm\" FROM \"stores\"")]
    public void Right_sql_gives_no_finding(string sql) => Assert.Equal(string.Empty, Codes(sql));

    [Theory]
    [InlineData("SELECT * FROM store", "SF801", "no table or view store in the schema", "did you mean stores?")]
    [InlineData("SELECT store_name FROM stores", "SF802", "no column store_name: not in public.stores", "did you mean store_nm?")]
    [InlineData("SELECT s.nm FROM stores s", "SF802", "no column nm in public.stores (alias s)", null)]
    [InlineData("SELECT x.store_id FROM stores s", "SF802", "x.store_id: no table or alias x in the FROM clause", null)]
    [InlineData("SELECT stores.store_id FROM stores s", "SF802", "stores.store_id: no table or alias stores in the FROM clause", null)]
    [InlineData("SELECT store_id FROM stores JOIN visits ON visits.store_id = stores.store_id", "SF803", "column store_id is ambiguous: stores and visits both have it", "qualify it (stores.store_id or visits.store_id)")]
    [InlineData("SELECT d.addr FROM (SELECT store_nm FROM stores) d", "SF802", "no column addr in d", "its columns are store_nm")]
    [InlineData("WITH r AS (SELECT region_id FROM regions) SELECT region_nm FROM r", "SF802", "no column region_nm: not in r", null)]
    [InlineData("SELECT store_id FROM stores JOIN regions USING (store_id)", "SF802", "JOIN USING (store_id): the right side (public.regions) has no column store_id", null)]
    [InlineData("SELECT status FROM stores WHERE EXISTS (SELECT 1 FROM regions WHERE region_nm = store_nm)", "SF802", "no column status: not in public.stores", null)]
    [InlineData("INSERT INTO regions (region_id) VALUES (1)", "SF804", "INSERT INTO public.regions leaves out region_nm: NOT NULL with no default", null)]
    [InlineData("INSERT INTO regions DEFAULT VALUES", "SF804", "INSERT INTO public.regions leaves out region_id, region_nm: NOT NULL with no default", null)]
    [InlineData("INSERT INTO stores (store_id, store_nm, addr, region_id, search_text) VALUES ($1, $2, $3, $4, $5)", "SF805", "INSERT writes public.stores.search_text, a generated column", null)]
    [InlineData("INSERT INTO visits (visit_id, store_id, status) VALUES (1, 'a', 200)", "SF805", "INSERT writes public.visits.visit_id, an identity GENERATED ALWAYS", "leave it out, or write OVERRIDING SYSTEM VALUE")]
    [InlineData("UPDATE visits SET visit_id = 2", "SF805", "UPDATE writes public.visits.visit_id, an identity GENERATED ALWAYS", null)]
    [InlineData("INSERT INTO regions (region_id, region_nm) VALUES (1, 'a', 'JP')", "SF806", "INSERT INTO public.regions names 2 columns and gives 3 values", null)]
    [InlineData("INSERT INTO regions (region_id, region_nm) SELECT region_id FROM stores", "SF806", "INSERT INTO public.regions names 2 columns and gives 1 value", null)]
    [InlineData("INSERT INTO regions VALUES (1, 'a', 'JP', 4)", "SF806", "INSERT INTO public.regions gives 4 values and the table has 3 columns", null)]
    [InlineData("TRUNCATE stores", "SF807", "TRUNCATE public.stores fails: public.visits(store_id) references it by foreign key", null)]
    [InlineData("INSERT INTO stores (store_id, store_nm, addr, region_id) VALUES ($1, $2, $3, $4) ON CONFLICT (store_nm) DO NOTHING", "SF808", "ON CONFLICT (store_nm): no unique index or constraint of public.stores is on exactly these columns", "its unique keys are (store_id)")]
    [InlineData("INSERT INTO stores (store_id, store_nm, addr, region_id) VALUES ($1, $2, $3, $4) ON CONFLICT (tel_no) DO NOTHING", "SF808", "ON CONFLICT (tel_no): no unique index or constraint of public.stores is on exactly these columns", null)]
    [InlineData("INSERT INTO regions (region_id, region_nm) VALUES (1, 'a') ON CONFLICT ON CONSTRAINT regions_nm_key DO NOTHING", "SF808", "ON CONFLICT ON CONSTRAINT regions_nm_key: public.regions has no such constraint", null)]
    [InlineData("INSERT INTO stores (store_id, store_nm, addr, region_id) VALUES ($1, $2, $3, $4) ON CONFLICT (store_id) DO UPDATE SET store_name = EXCLUDED.store_nm", "SF802", "ON CONFLICT DO UPDATE sets store_name: no such column in public.stores", "did you mean store_nm?")]
    [InlineData("UPDATE stores SET adr = $1", "SF802", "UPDATE sets adr: no such column in public.stores", "did you mean addr?")]
    [InlineData("DELETE FROM visits WHERE stat = 1", "SF802", "no column stat: not in public.visits", "did you mean status?")]
    [InlineData("MERGE INTO regions r USING stores s ON r.region_id = s.region_id WHEN NOT MATCHED THEN INSERT (region_id) VALUES (s.region_id)", "SF804", "MERGE INSERT into public.regions leaves out region_nm: NOT NULL with no default", null)]
    [InlineData("COPY stores (store_id, name) FROM STDIN", "SF802", "COPY public.stores: no column name", null)]
    [InlineData("SELECT a FROM WHERE", "SF809", null, null)]
    public void Wrong_sql_gives_its_finding(string sql, string code, string? message, string? help)
    {
        var f = Assert.Single(Audit(sql));
        Assert.Equal(code, f.Code);
        if (message != null) Assert.Equal(message, f.Message);
        if (help != null) Assert.Equal(help, f.Help);
    }

    [Fact]
    public void Truncate_with_cascade_warns_what_else_it_empties_and_truncating_the_referencing_table_too_is_fine()
    {
        var f = Assert.Single(Audit("TRUNCATE stores CASCADE"));
        Assert.Equal(Diagnostics.Severity.Warning, f.Severity);
        Assert.Equal("TRUNCATE public.stores CASCADE also empties public.visits, whose foreign keys reference it", f.Message);
        Assert.Empty(Audit("TRUNCATE visits, stores"));
    }

    [Fact]
    public void A_finding_points_at_the_name_in_the_application_source()
    {
        var code = "class Q {\n    const string S =\n        \"SELECT store_nm, \" +\n        \"tel FROM stores\";\n}\n";
        var f = Assert.Single(Audit(code, "cs"));
        Assert.Equal(("q.cs", 4, 10), (f.Location.Path, f.Location.Line, f.Location.Column));
        Assert.Equal("SELECT store_nm, tel FROM stores", f.Statement);
    }

    [Fact]
    public void English_that_starts_like_sql_is_not_sql_and_sql_that_cannot_be_read_is_reported()
    {
        Assert.Empty(Audit("x = \"Select a store from the list\"\ny = \"delete\"\nz = \"Update failed: \" + e\n", "py"));
        var f = Assert.Single(Audit("q = \"SELECT store_id FROM stores WHERE (a = = 1) ORDER BY 1\"\n", "py"));
        Assert.Equal("SF809", f.Code);
        Assert.Equal(Diagnostics.Severity.Warning, f.Severity);
    }

    [Fact]
    public void Code_that_only_looks_like_sql_is_left_alone()
    {
        // CSS selectors and UI strings of a real code base (Roundcube's JavaScript).
        var js = "$('select[name=\"sort_col\"]').val(x);\nel.addClass('select-none');\n$('select option:selected').text();\nconst s = 'select-menu inline';\n";
        Assert.Empty(Audit(js, "js"));
        Assert.Empty(Audit("t('with no values', 1);\nt('with named statement, portal, and values');\n", "js"));
        var start = Assert.Single(Audit("q = 'select * from' + table\nr = format('DELETE FROM')\n", "js"));
        Assert.Equal(Diagnostics.Severity.Info, start.Severity);
    }

    [Fact]
    public void Pg_promise_placeholders_are_parameters()
    {
        var js = "db.none('INSERT INTO $1^($2^) VALUES ($3:csv)', [t, c, v]);\ndb.any('SELECT ${col:name} FROM stores WHERE store_id = ${id} AND addr = $<addr>', o);\ndb.any('SELECT store_nm FROM stores WHERE region_id = $1 AND adr = $2', [a, b]);\n";
        var f = Assert.Single(Audit(js, "js"));
        Assert.Equal(("SF802", 3), (f.Code, f.Location.Line));
    }

    [Fact]
    public void Sql_assembled_from_fragments_in_code_is_read_around_them()
    {
        // Roundcube's style: backtick quotes rewritten by the driver, tables from a helper, conditions from ternaries.
        var php = """
            <?php
            $db->query("DELETE FROM {$this->table} WHERE "
                . ($this->userid ? "`user_id` = {$this->userid} AND " : "")
                . "`cache_key` LIKE ?", $key);
            $db->query("UPDATE stores SET `addr` = ? WHERE `store_id` " . ($id ? "= ?" : "IS NULL") . " AND `region_id` = ?");
            $db->query("SELECT c.`store_nm` FROM stores AS c" . $join . " WHERE c.`addr` <> '' AND x.y = 1");
            $db->query("SELECT `store_nm` FROM `stores` WHERE `adr` = ?");
            """;
        var f = Assert.Single(Audit(php, "php"));
        Assert.Equal(("SF802", 7), (f.Code, f.Location.Line));
        Assert.Equal("no column adr: not in public.stores", f.Message);
    }

    [Fact]
    public void Temporary_tables_the_program_creates_are_not_unknown_and_ddl_scripts_are_not_query_files()
    {
        var py = "db.execute(\"CREATE TEMP TABLE tmp_ids (id text)\")\ndb.execute(\"INSERT INTO tmp_ids SELECT store_id FROM stores\")\ndb.execute(\"DELETE FROM visits WHERE store_id IN (SELECT id FROM tmp_ids)\")\n";
        Assert.Empty(Audit(py, "py"));
        Assert.Empty(Audit("CREATE TABLE old_things (id int);\nINSERT INTO old_things SELECT region_id FROM regions;\nUPDATE gone SET x = 1;\n"));
    }

    [Fact]
    public void Ignore_directives_silence_named_codes_and_need_a_reason()
    {
        Assert.Empty(Audit("# schemafirst:ignore SF802 added by migration 12\nq = \"SELECT nope FROM stores\"\n", "py"));
        Assert.Single(Audit("# schemafirst:ignore SF801 wrong code\nq = \"SELECT nope FROM stores\"\n", "py"));
        var bad = Audit("# schemafirst:ignore SF802\nq = \"SELECT nope FROM stores\"\n", "py");
        Assert.Equal(["SF810", "SF802"], bad.Select(f => f.Code));
    }

    [Fact]
    public void Sqlite_and_mysql_names_compare_without_case_and_mysql_reads_backticks_and_on_duplicate_key()
    {
        var sqlite = SqlDialects.Find("sqlite")!.ParseText("CREATE TABLE Items (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL, Qty INTEGER NOT NULL DEFAULT 0);", "s.sql").Model;
        Assert.Empty(Auditor.Run([("q.sql", "SELECT id, name FROM items WHERE ID = ?; INSERT INTO [items] (name) VALUES (?1) RETURNING id")], sqlite, "main").Findings);
        Assert.Equal("SF802", Assert.Single(Auditor.Run([("q.sql", "SELECT nam FROM items")], sqlite, "main").Findings).Code);
        var mysql = SqlDialects.FindSource("mysql")!.ParseText("CREATE TABLE `stock` (`sku` varchar(20) NOT NULL, `qty` int NOT NULL, PRIMARY KEY (`sku`));", "m.sql").Model;
        var findings = Auditor.Run([("q.sql", "INSERT INTO `stock` (`sku`, `qty`) VALUES (?, ?) ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty); SELECT sku FROM stock WHERE sku = \"a\" LIMIT 1, 2; UPDATE stock SET qtty = 1")], mysql, "main").Findings;
        Assert.Equal("SF802", Assert.Single(findings).Code);
    }

    [Fact]
    public void The_same_input_gives_byte_identical_findings()
    {
        var files = Enumerable.Range(0, 40).Select(i => ($"f{i:D2}.py", $"a = \"SELECT x{i} FROM stores\"\nb = \"TRUNCATE stores\"\n")).ToList();
        var a = Rendering.AuditWriter.Json(Auditor.Run(files, Model.Value, "public"), false);
        var b = Rendering.AuditWriter.Json(Auditor.Run(files, Model.Value, "public"), false);
        Assert.Equal(a, b);
        Assert.Contains("\"file\": \"f00.py\"", a, StringComparison.Ordinal);
    }
}

/// <summary>The false positives and the crash a second read found (each was reported on SQL PostgreSQL accepts), pinned.</summary>
public sealed class AuditRegressionTests
{
    private const string Schema = """
        CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, name text, data jsonb);
        CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users, total numeric NOT NULL,
            doubled numeric GENERATED ALWAYS AS (total * 2) STORED, created_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE categories (id int PRIMARY KEY, parent_id int REFERENCES categories, name text NOT NULL);
        CREATE TYPE address AS (city text, zip text);
        CREATE TABLE shops (id int PRIMARY KEY, addr address, filter jsonb, "values" int);
        CREATE SEQUENCE ticket_seq;
        CREATE VIEW order_days AS SELECT user_id, now() - created_at, 'x'::text FROM orders;
        """;

    private static readonly Lazy<Model.Database> Model = new(() => SqlDialects.Default.ParseText(Schema, "schema.sql").Model);

    private static string Codes(string path, string code) =>
        string.Join(" ", Auditor.Run([(path, code)], Model.Value, "public").Findings.Select(f => f.Code));

    [Theory]
    [InlineData("Crash.java", "class R { String q(String t) { StringBuilder sb = new StringBuilder(); sb.append(\"SELECT * FROM \\\"\").append(t).append(\"\\\" WHERE id = ?\"); return sb.toString(); } }")]
    [InlineData("a.py", "cur.execute(f\"INSERT INTO users ({cols}) VALUES ({marks})\", row)\ncur.executemany(f\"INSERT INTO orders (id, user_id, total) VALUES ({placeholders})\", rows)\n")]
    [InlineData("Ins.java", "String q = \"INSERT INTO orders (id, user_id, total) VALUES (\" + String.join(\",\", Collections.nCopies(3, \"?\")) + \")\";")]
    [InlineData("OrderDao.java", "String q = new StringBuilder(\"SELECT u.email, o.total FROM users u \").append(\"JOIN orders o ON o.user_id = u.id\").toString();")]
    [InlineData("q.py", "sql = \"SELECT u.email, o.total FROM users u\"\nsql += \" JOIN orders o ON o.user_id = u.id\"\n")]
    [InlineData("bs.py", "sql = \"SELECT o.id, u.email FROM orders o \" \\\n      \"JOIN users u ON u.id = o.user_id WHERE o.id = %s\"\n")]
    [InlineData("bs.rb", "SQL = \"SELECT o.id, u.email FROM orders o \" \\\n  \"JOIN users u ON u.id = o.user_id\"\n")]
    [InlineData("main.go", "q := fmt.Sprintf(`SELECT count(*) FROM \"%s\" WHERE id > 0`, table)\n")]
    [InlineData("r.py", "q = 'SELECT * FROM \"{}\" WHERE id = %s'.format(t)\n")]
    [InlineData("Repo.java", "@Query(\"SELECT u FROM User u WHERE u.email = :email\")\nUser byEmail(String email);\n@Query(value = \"SELECT * FROM users WHERE email = ?1\", nativeQuery = true)\nUser native(String e);\n")]
    [InlineData("s.sql", "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id, (xmax = 0) AS inserted;\nDELETE FROM orders a USING orders b WHERE a.ctid < b.ctid AND a.user_id = b.user_id;\nSELECT tableoid::regclass, count(*) FROM orders GROUP BY 1;\n")]
    [InlineData("d.sql", "INSERT INTO users VALUES (DEFAULT, 'a@b', 'n', NULL);\nINSERT INTO orders (id, user_id, total, doubled) VALUES (1, 1, 2, DEFAULT);\nINSERT INTO users OVERRIDING USER VALUE VALUES (5, 'a', 'b', NULL);\n")]
    [InlineData("o.sql", "SELECT DISTINCT ON (day) date_trunc('day', created_at) AS day, id FROM orders ORDER BY day, id;\n")]
    [InlineData("queue_test.go", "tests := []struct{ name string }{\n\t{name: \"delete from empty queue\"},\n\t{name: \"select from closed queue\"},\n\t{name: \"insert into full buffer\"},\n}\nt.Log(\"delete from cache\")\n")]
    [InlineData("app.js", "logger.info('delete from cache');\nthrow new Error('update failed: select from backup instead');\n")]
    [InlineData("cte.sql", "WITH RECURSIVE t(id, parent_id) AS (SELECT id, parent_id FROM categories WHERE parent_id IS NULL UNION ALL SELECT c.id, c.parent_id FROM categories c JOIN t ON c.parent_id = t.id) SEARCH DEPTH FIRST BY id SET ord SELECT id FROM t ORDER BY ord;\nWITH RECURSIVE a AS (SELECT id FROM b), b AS (SELECT id FROM categories) SELECT id FROM a;\n")]
    [InlineData("c.sql", "SELECT (addr).city, filter, \"values\" FROM shops;\nSELECT (jsonb_each(data)).key FROM users;\nSELECT id FROM users WHERE data @? '$.a' AND data ?? 'vip';\n")]
    [InlineData("comment.py", "q = \"\"\"\n-- don't touch the index\nSELECT id FROM users WHERE email = %s\n\"\"\"\n")]
    [InlineData("seq.sql", "SELECT last_value FROM ticket_seq;\n")]
    [InlineData("v.sql", "SELECT user_id FROM order_days;\n")]
    public void Gives_no_finding(string path, string code) => Assert.Equal(string.Empty, Codes(path, code));

    [Fact]
    public void An_ignore_directive_in_a_sql_file_covers_its_statement_only()
    {
        var sql = "SELECT id FROM users;\n-- schemafirst:ignore SF802 renamed in migration 12\nSELECT nope FROM users;\nSELECT totl FROM orders;\n";
        var f = Assert.Single(Auditor.Run([("q.sql", sql)], Model.Value, "public").Findings);
        Assert.Equal(("SF802", 4), (f.Code, f.Location.Line));
    }

    [Fact]
    public void Text_nested_deeper_than_any_query_is_refused_not_a_crash()
    {
        var deep = "q = \"SELECT " + new string('(', 10_000) + "1" + new string(')', 10_000) + " FROM users\"\n";
        var f = Assert.Single(Auditor.Run([("deep.py", deep)], Model.Value, "public").Findings);
        Assert.Equal("SF809", f.Code);
        Assert.Contains("nested more than 200 levels deep", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_defect_behind_these_rules_is_still_found()
    {
        Assert.Equal("SF802", Codes("a.py", "sql = \"SELECT o.id, u.emial FROM orders o \" \\\n      \"JOIN users u ON u.id = o.user_id\"\n"));
        Assert.Equal("SF805", Codes("d.sql", "INSERT INTO orders (id, user_id, total, doubled) VALUES (1, 1, 2, 4);\n"));
        Assert.Equal("SF806", Codes("a.py", "cur.execute(\"INSERT INTO orders (id, user_id, total) VALUES (%s, %s)\", row)\n"));
        Assert.Equal("SF801", Codes("t.go", "db.Exec(\"delete from sesions where id = $1\", id)\n"));
    }
}
