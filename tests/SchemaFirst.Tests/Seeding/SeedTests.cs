using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Seeding;
using SchemaFirst.Sql;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Seeding;

/// <summary>
/// generate seed: the examples' seed data written for PostgreSQL and SQLite (golden files); every kind of row the schema
/// would refuse is reported at its file:line:col with the fix; the corpus' own data reads with no complaint.
/// </summary>
public sealed class SeedTests
{
    private static Database Examples() => SqlSource.LoadPostgres([TestPaths.Examples]).Model;

    private static IReadOnlyList<(string, string)> ExampleSeeds() =>
        Directory.GetFiles(Path.Combine(TestPaths.Root, "examples", "seed"), "*.sql").Order(StringComparer.Ordinal).Select(p => (Path.GetRelativePath(TestPaths.Root, p), File.ReadAllText(p))).ToList();

    [Fact]
    public void The_example_seeds_give_the_pinned_postgres_and_sqlite_sql()
    {
        var set = SeedReader.Read(ExampleSeeds(), Examples(), "public");
        Assert.Empty(set.Diagnostics);
        Assert.Equal(15, set.Rows.Count);
        Golden.Check("seed/examples.postgres.sql", SeedWriter.Write(set, Examples(), "postgres").Text);
        Golden.Check("seed/examples.sqlite.sql", SeedWriter.Write(set, Examples(), "sqlite").Text);
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "INSERT INTO shop.customer (email) VALUES ('a@b.c');", "1:1 SF702 table shop.customer is not in the schema", "did you mean customers?" },
        { "INSERT INTO shop.customers (email, ful_name) VALUES ('a@b.c', 'A');", "1:36 SF703 column ful_name is not in table shop.customers", "did you mean full_name?" },
        { "INSERT INTO shop.customers (email) VALUES ('a@b.c');", "1:1 SF704 column shop.customers.full_name is NOT NULL and has no default, but the INSERT does not give it", "add full_name" },
        { "INSERT INTO shop.customers (email, full_name) VALUES\n  ('a@b.c', 'A'),\n  ('b@b.c');", "3:3 SF705 this row has 1 value(s) for 2 column(s) of shop.customers", "one value per column" },
        { "INSERT INTO shop.orders (customer_id, status, shipping_address) VALUES (1, 'shiped', '{}');", "1:76 SF706 shop.orders.status: 'shiped' is not a label of shop.order_status", "did you mean 'shipped'?" },
        { "INSERT INTO shop.categories (name, slug, position) VALUES ('A', 'a', 'first');", "1:70 SF706 shop.categories.position: 'first' is not a whole number (smallint)", "give a whole number" },
        { "INSERT INTO shop.categories (name, slug, position) VALUES ('A', 'a', 99999999999);", "1:70 SF706 shop.categories.position: 99999999999 is out of range for smallint", "widen the column" },
        { "INSERT INTO shop.warehouses (code, name, country_code) VALUES ('LIS-1', 'Lisbon', 'PRT');", "1:83 SF706 shop.warehouses.country_code: 'PRT' has 3 characters; character(2) holds 2", "shorten" },
        { "INSERT INTO shop.customers (public_id, email, full_name) VALUES ('not-a-uuid', 'a@b.c', 'A');", "1:66 SF706 shop.customers.public_id: 'not-a-uuid' is not a uuid", "give a uuid" },
        { "INSERT INTO shop.customers (email, full_name, preferences) VALUES ('a@b.c', 'A', '{\"a\": }');", "1:82 SF706 shop.customers.preferences: the string is not valid JSON", "fix the JSON" },
        { "INSERT INTO shop.customers (email, full_name) VALUES (NULL, 'A');", "1:55 SF706 shop.customers.email: NULL in a NOT NULL column", "give a value" },
        { "INSERT INTO shop.order_items (order_id, seller_id, sku, product_title, quantity, unit_price, line_total) VALUES (1, 1, 'S', 'T', 1, 1, 1);", "1:94 SF703 column shop.order_items.line_total is generated", "leave it out" },
        { "UPDATE shop.customers SET full_name = 'B';", "1:1 SF701 a UPDATE statement in a seed file; seed files hold INSERT ... VALUES statements only", "remove it" },
        { "INSERT INTO shop.customers (email, full_name) SELECT email, full_name FROM shop.customers;", "1:47 SF701 only INSERT ... VALUES is read in seed files", "write the rows out as VALUES" },
        { "INSERT INTO shop.customers (email, full_name) VALUES ('a@b.c', 'A') ON CONFLICT DO NOTHING garbage;", "1:92 SF701 unexpected 'garbage' after the VALUES rows", "end the statement" },
        { "INSERT INTO shop.customers (email, full_name) VALUES ('a@b.c', 'A') ON CONFLICT (email) DO UPDATE SET full_name = 'B';", "1:89 SF701 ON CONFLICT DO UPDATE changes rows", "remove the ON CONFLICT clause" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_row_the_schema_would_refuse_is_reported_where_it_is_with_the_fix(string sql, string expected, string help)
    {
        var set = SeedReader.Read([("seed/x.sql", sql)], Examples(), "public");
        var d = Assert.Single(set.Diagnostics, d => d.Severity == Severity.Error);
        Assert.StartsWith(expected, $"{d.Location!.Line}:{d.Location.Column} {d.Code} {d.Message}", StringComparison.Ordinal);
        Assert.Equal("seed/x.sql", d.Location.Path);
        Assert.Contains(help, d.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_the_database_computes_is_no_key_and_computed_values_are_not_matched_on()
    {
        var model = SqlSource.ParsePostgres("CREATE TABLE tags (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, price numeric(38,18), created timestamptz NOT NULL DEFAULT now());").Model;
        var set = SeedReader.Read([("seed/t.sql", "INSERT INTO tags (id, name, price, created) VALUES (gen_random_uuid(), 'red', 1.5, now());")], model, "public");
        Assert.Empty(set.Diagnostics); // numeric(38,18) is checked without overflowing
        var (text, notes) = SeedWriter.Write(set, model, "postgres");
        Assert.Contains("WHERE NOT EXISTS (SELECT 1 FROM public.tags WHERE name IS NOT DISTINCT FROM CAST('red' AS text) AND price IS NOT DISTINCT FROM CAST(1.5 AS numeric(38,18)));", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ON CONFLICT", text, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.Code == "SF707");
        // A row recognisable by nothing but computed values cannot be made idempotent: an error, not a duplicate per run.
        var computed = SeedReader.Read([("seed/t.sql", "INSERT INTO tags (id, name) VALUES (gen_random_uuid(), md5('x'));")], model, "public");
        Assert.Contains(SeedWriter.Write(computed, model, "postgres").Notes, n => n.Severity == Severity.Error && n.Message.Contains("only computed values", StringComparison.Ordinal));
    }

    [Fact]
    public void The_corpus_data_reads_as_seed_rows_without_a_complaint()
    {
        if (!TestPaths.CorpusAvailable()) return;
        foreach (var (file, sqlite, rows) in new[]
                 {
                     ("chinook/ChinookDatabase/DataSources/Chinook_PostgreSql.sql", false, 15607),
                     ("northwind_psql/northwind.sql", false, 3362),
                     ("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sql", true, 15607),
                 })
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, file));
            var model = (sqlite ? SqlSource.ParseSqlite(text, file) : SqlSource.ParsePostgres(text, file)).Model;
            var set = SeedReader.Read([(file, CorpusInserts.Of(text, file))], model, sqlite ? "main" : "public");
            Assert.True(set.Diagnostics.Count == 0, file + ": " + string.Join("\n", set.Diagnostics.Take(5).Select(d => DiagnosticTextFormatter.Format(d))));
            Assert.Equal(rows, set.Rows.Count);
        }
    }
}

/// <summary>The generate seed command: configuration, --check, and errors that stop it.</summary>
public sealed class SeedCommandTests : TempDirectoryTest
{
    [Fact]
    public void Generate_seed_reads_schemafirst_yaml_writes_checks_and_stops_on_a_bad_row()
    {
        Write("schema.sql", "CREATE TABLE colours (id integer PRIMARY KEY, name text NOT NULL UNIQUE, hex char(7));\n");
        Directory.CreateDirectory(Path.Combine(Dir, "seed"));
        Write("seed/colours.sql", "INSERT INTO colours (id, name, hex) VALUES (1, 'red', '#ff0000'), (2, 'green', '#00ff00');\n");
        Write("schemafirst.yaml", "schema: [schema.sql]\nseed: { out: build/seed.sql }\n");
        var (code, _, err) = CliRunner.RunIn(Dir, "generate", "seed");
        Assert.True(code == 0, err);
        Assert.Contains("ON CONFLICT DO NOTHING;", File.ReadAllText(Path.Combine(Dir, "build", "seed.sql")), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "seed", "--check").Code);
        File.AppendAllText(Path.Combine(Dir, "seed", "colours.sql"), "INSERT INTO colours (id, name, hex) VALUES (3, 'blue', '#0000ff');\n");
        Assert.Equal(2, CliRunner.RunIn(Dir, "generate", "seed", "--check").Code);
        File.AppendAllText(Path.Combine(Dir, "seed", "colours.sql"), "INSERT INTO colours (id, nme) VALUES (4, 'black');\n");
        var bad = CliRunner.RunIn(Dir, "generate", "seed");
        Assert.Equal(1, bad.Code);
        Assert.Contains("seed/colours.sql:3:26: error SF703: column nme is not in table public.colours", bad.Err.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.DoesNotContain("blue", File.ReadAllText(Path.Combine(Dir, "build", "seed.sql")), StringComparison.Ordinal); // nothing written
    }
}
