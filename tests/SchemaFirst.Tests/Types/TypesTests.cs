using SchemaFirst.Dialects;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Rendering.Types;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Types;

/// <summary>
/// generate types: the examples' C# and TypeScript pinned as golden files; the C# of the examples and of every corpus
/// schema compiles warning-free with Roslyn; the TypeScript passes tsc --strict and works as Kysely's DB type.
/// </summary>
public sealed class TypesTests
{
    private static Database Examples() => SqlSource.LoadPostgres([TestPaths.Examples]).Model;

    private static IEnumerable<(string Name, Database Model, string DefaultSchema)> Corpus()
    {
        foreach (var f in CorpusFiles.Postgres)
        {
            yield return (f.Path, SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, f.Path)), f.Path).Model, "public");
        }
        foreach (var f in CorpusFiles.Sqlite)
        {
            yield return (f.Path, SqlSource.ParseSqlite(File.ReadAllText(Path.Combine(TestPaths.Corpus, f.Path)), f.Path).Model, "main");
        }
    }

    [Fact]
    public void The_examples_give_the_pinned_csharp_and_typescript()
    {
        var model = Examples();
        Golden.Check("types/examples.g.cs", CSharpTypesWriter.Write(model, "public", new TypesOptions("Shop.Data")));
        Golden.Check("types/examples.ts", TypeScriptTypesWriter.Write(model, "public"));
    }

    [Fact]
    public void The_csharp_of_the_examples_compiles_without_a_warning()
    {
        foreach (var json in TypesOptions.JsonChoices)
        {
            var (problems, _) = CSharpCompiler.Compile("Examples", CSharpTypesWriter.Write(Examples(), "public", new TypesOptions("Shop.Data", json)));
            Assert.True(problems.Count == 0, json + ": " + string.Join("\n", problems.Take(10)));
        }
    }

    [Fact]
    public void The_csharp_of_every_corpus_schema_compiles_without_a_warning()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var failures = new List<string>();
        foreach (var (name, model, schema) in Corpus())
        {
            var (problems, _) = CSharpCompiler.Compile("Corpus", CSharpTypesWriter.Write(model, schema, new TypesOptions("Corpus.Data")));
            if (problems.Count > 0) failures.Add(name + ":\n  " + string.Join("\n  ", problems.Take(5)));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Names_that_are_keywords_clash_or_start_with_digits_still_compile()
    {
        var sql = """
            CREATE SCHEMA "class";
            CREATE TYPE "class"."event" AS ENUM ('in-progress', 'IN_PROGRESS', '1st', 'done "quoted"');
            CREATE TABLE public."class" ("class" integer, "Class" text, "1st" text NOT NULL, "table" text, "order items" "class"."event");
            CREATE TABLE public.classes (id bigint PRIMARY KEY);
            CREATE TABLE "class".statuses ("SqlNames" text, "Table" text NOT NULL, statuses text);
            CREATE TABLE "class"."class" (id int);
            CREATE TYPE mood AS ENUM ('ok');
            CREATE TYPE mood_sql AS ENUM ('fine');
            CREATE TABLE "user" ("order" int, "group" text);
            COMMENT ON TABLE public."class" IS 'A <b>tag</b> & an end */ and "quotes"';
            COMMENT ON COLUMN public."class"."1st" IS 'line one
            line two';
            """;
        var model = SqlSource.ParsePostgres(sql).Model;
        var cs = CSharpTypesWriter.Write(model, "public", new TypesOptions("My.App"));
        var (problems, assembly) = CSharpCompiler.Compile("Names", cs);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + cs);
        var loaded = CSharpCompiler.Load(assembly!);
        // Five tables, five records, whatever their names had to become to stay apart.
        Assert.Equal(5, loaded.GetTypes().Count(t => t.GetCustomAttributesData().Any(a => a.AttributeType.Name == "TableAttribute")));
        // The names for raw SQL are quoted where SQL needs it: reserved words too.
        var user = loaded.GetTypes().Single(t => t.DeclaringType?.Name == "SqlNames" && t.Name == "User");
        Assert.Equal("\"user\"", user.GetField("Table")!.GetValue(null));
        Assert.Equal("\"order\"", user.GetField("Order")!.GetValue(null));
        // The enum's labels round-trip through the generated converter.
        var enumType = loaded.GetTypes().Single(t => t.IsEnum && t.Namespace!.EndsWith(".Class", StringComparison.Ordinal));
        var sqlClass = loaded.GetTypes().Single(t => t.Name == enumType.Name + "Sql");
        foreach (var label in new[] { "in-progress", "IN_PROGRESS", "1st", "done \"quoted\"" })
        {
            var value = sqlClass.GetMethod("Parse")!.Invoke(null, [label]);
            Assert.Equal(label, sqlClass.GetMethod("ToSql")!.Invoke(null, [value]));
        }
        var ts = TypeScriptTypesWriter.Write(model, "public");
        Assert.Contains("\"order items\": ClassEvent | null;", ts, StringComparison.Ordinal);
        Assert.Contains("export type ClassEvent = \"in-progress\" | \"IN_PROGRESS\" | \"1st\" | \"done \\\"quoted\\\"\";", ts, StringComparison.Ordinal);
        if (!TypeScriptCompiler.Available()) return;
        var (code, output) = TypeScriptCompiler.Check(("db.ts", ts));
        Assert.True(code == 0, output);
    }

    [Fact]
    public void View_columns_are_typed_from_the_tables_they_read()
    {
        var sql = """
            CREATE TABLE t (id bigint PRIMARY KEY, q integer NOT NULL, price numeric(10,2), at timestamptz NOT NULL);
            CREATE TABLE u (id bigint PRIMARY KEY, t_id bigint REFERENCES t, amount numeric(12,2) NOT NULL);
            CREATE VIEW v AS SELECT t.id, coalesce(li.n, 0) AS n, x.total, t.q * 2 AS dbl, count(*) AS c, u2.amount,
                t.price::text AS price_text, CAST(t.q AS bigint) AS q8, t.at - interval '1 day' AS before, max(t.at) AS latest, md5(t.q::text) AS h
            FROM t LEFT JOIN LATERAL (SELECT sum(u.amount) AS n FROM u WHERE u.t_id = t.id) AS li ON true
            LEFT JOIN (SELECT t_id, sum(amount) AS total FROM u GROUP BY t_id) x ON x.t_id = t.id
            LEFT JOIN u u2 ON u2.t_id = t.id
            GROUP BY 1, 2, 3, 4, 6, 7, 8, 9, 11;
            """;
        var ts = TypeScriptTypesWriter.Write(SqlSource.ParsePostgres(sql).Model, "public");
        var view = ts[ts.IndexOf("export interface V ", StringComparison.Ordinal)..];
        view = view[..(view.IndexOf('}') + 1)];
        Assert.Equal("""
            export interface V {
              id: Int8;
              n: Numeric;
              total: Numeric | null;
              dbl: number;
              c: Int8;
              amount: Numeric | null;
              price_text: string | null;
              q8: Int8;
              before: Timestamp;
              latest: Timestamp | null;
              h: string;
            }
            """.ReplaceLineEndings("\n"), view);
    }

    [Fact]
    public void Union_branches_using_joins_and_casts_give_the_columns_postgres_gives()
    {
        var sql = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
            CREATE TABLE guests (id bigint PRIMARY KEY);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, total numeric(10,2) NOT NULL);
            CREATE VIEW everyone AS SELECT id, email FROM users UNION ALL SELECT id, NULL FROM guests;
            CREATE VIEW joined AS SELECT * FROM orders JOIN users ON users.id = orders.user_id JOIN guests USING (id);
            CREATE VIEW casts AS SELECT total::double precision, CAST(user_id AS integer), CASE WHEN total > 0 THEN 1 END FROM orders;
            CREATE VIEW unknown AS SELECT * FROM some_function_result;
            """;
        var ts = TypeScriptTypesWriter.Write(SqlSource.ParsePostgres(sql).Model, "public");
        string View(string name)
        {
            var v = ts[ts.IndexOf("export interface " + name + " ", StringComparison.Ordinal)..];
            return v[..(v.IndexOf('}') + 1)];
        }
        Assert.Contains("  email: string | null;", View("Everyone"), StringComparison.Ordinal); // NULL in the second branch
        Assert.Equal(1, View("Joined").Split("  id: ").Length - 1); // USING (id): one column
        var casts = View("Casts");
        Assert.Contains("  total: number;", casts, StringComparison.Ordinal); // ::double precision is a type, not an alias
        Assert.DoesNotContain("precision", casts, StringComparison.Ordinal);
        Assert.Contains("  user_id: number;", casts, StringComparison.Ordinal); // CAST(x AS t) is named after x
        Assert.Contains("  case: number | null;", casts, StringComparison.Ordinal);
        var (code, output) = TypeScriptCompiler.Available() ? TypeScriptCompiler.Check(("db.ts", ts)) : (0, string.Empty);
        Assert.True(code == 0, output);
        Assert.Contains("could not be read without a database", ts, StringComparison.Ordinal); // the view over an unknown source says so
    }

    [Fact]
    public void The_typescript_of_the_examples_and_the_corpus_passes_tsc_strict()
    {
        if (!TypeScriptCompiler.Available()) return;
        var files = new List<(string, string)> { ("examples.ts", TypeScriptTypesWriter.Write(Examples(), "public")) };
        if (TestPaths.CorpusAvailable())
        {
            files.AddRange(Corpus().Select((c, i) => ($"corpus{i}.ts", TypeScriptTypesWriter.Write(c.Model, c.DefaultSchema))));
        }
        var (code, output) = TypeScriptCompiler.Check([.. files]);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Kysely_reads_the_typescript_as_its_database_type_and_refuses_wrong_inserts()
    {
        if (!TypeScriptCompiler.Available()) return;
        var db = TypeScriptTypesWriter.Write(Examples(), "public");
        const string good = """
            import { Kysely } from "kysely";
            import type { DB } from "./db.js";
            declare const db: Kysely<DB>;
            export async function run(): Promise<void> {
              const rows = await db.selectFrom("shop.customers").select(["email", "id", "deleted_at"]).execute();
              const email: string = rows[0].email;
              const id: string = rows[0].id;
              const deleted: Date | null = rows[0].deleted_at;
              await db.insertInto("shop.customers").values({ email: "a@b.c", full_name: "A" }).execute();
              const stock = await db.selectFrom("shop.available_stock").select(["available"]).execute();
              const available: string | null = stock[0].available;
              void [email, id, deleted, available];
            }
            """;
        var (code, output) = TypeScriptCompiler.Check(("db.ts", db), ("good.ts", good));
        Assert.True(code == 0, output);
        // The same insert without a required column, and one writing the identity column, are compile errors.
        var (missing, missingOut) = TypeScriptCompiler.Check(("db.ts", db), ("bad.ts", good.Replace("email: \"a@b.c\", ", string.Empty, StringComparison.Ordinal)));
        Assert.NotEqual(0, missing);
        Assert.Contains("bad.ts(9,", missingOut, StringComparison.Ordinal); // the insert's line
        var (identity, _) = TypeScriptCompiler.Check(("db.ts", db), ("bad.ts", good.Replace("email: \"a@b.c\", ", "id: 5, email: \"a@b.c\", ", StringComparison.Ordinal)));
        Assert.NotEqual(0, identity);
    }
}

/// <summary>The generate types command: files, --check, configuration, and its usage errors.</summary>
public sealed class TypesCommandTests : TempDirectoryTest
{
    [Fact]
    public void Generate_types_writes_checks_and_reads_schemafirst_yaml()
    {
        File.WriteAllText(Path.Combine(Dir, "schema.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL);\n");
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), "schema: [schema.sql]\ntypes:\n  csharp: { namespace: Shop.Data, out: gen/Schema.g.cs }\n  typescript: { out: web/db.ts }\n");
        var (code, _, err) = CliRunner.RunIn(Dir, "generate", "types");
        Assert.True(code == 0, err);
        Assert.Contains("namespace Shop.Data", File.ReadAllText(Path.Combine(Dir, "gen", "Schema.g.cs")), StringComparison.Ordinal);
        Assert.Contains("export interface Items {", File.ReadAllText(Path.Combine(Dir, "web", "db.ts")), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "types", "--check").Code);
        File.AppendAllText(Path.Combine(Dir, "schema.sql"), "ALTER TABLE items ADD COLUMN price numeric(10,2);\n");
        var stale = CliRunner.RunIn(Dir, "generate", "types", "--check");
        Assert.Equal(2, stale.Code);
        Assert.Contains("gen/Schema.g.cs: out of date", stale.Err, StringComparison.Ordinal);
        Assert.Contains("web/db.ts: out of date", stale.Err, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "types", "--lang", "typescript").Code);
        Assert.Equal(2, CliRunner.RunIn(Dir, "generate", "types", "--check").Code); // C# is still stale
        var bad = CliRunner.RunIn(Dir, "generate", "types", "--lang", "csharp", "--namespace", "1Bad.Name");
        Assert.Equal(3, bad.Code);
        Assert.Contains("not a C# namespace", bad.Err, StringComparison.Ordinal);
        var toStdout = CliRunner.RunIn(Dir, "generate", "types", "--lang", "typescript", "schema.sql", "-o", "-");
        Assert.Equal(0, toStdout.Code);
    }

    [Fact]
    public void Without_a_language_or_configuration_generate_types_says_what_to_do()
    {
        File.WriteAllText(Path.Combine(Dir, "schema.sql"), "CREATE TABLE items (id bigint PRIMARY KEY);\n");
        var (code, _, err) = CliRunner.RunIn(Dir, "generate", "types", "schema.sql");
        Assert.Equal(3, code);
        Assert.Contains("--lang csharp", err, StringComparison.Ordinal);
        var broken = CliRunner.RunIn(Dir, "generate", "types", "--lang", "csharp", "missing.sql");
        Assert.NotEqual(0, broken.Code);
    }
}
