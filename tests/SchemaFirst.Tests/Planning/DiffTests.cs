using System.Text.Json;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Diff;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Rendering;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Planning;

public sealed class DiffTests : TempDirectoryTest
{
    private static MigrationPlan Plan(string a, string b)
    {
        var from = Sql.Parse(a);
        var to = Sql.Parse(b);
        return MigrationPlanner.Plan(from.Model, to.Model, to.SourceMap, PostgresDialect.Instance);
    }

    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string> { TestPaths.Examples };
        if (!TestPaths.CorpusAvailable()) return data;
        foreach (var f in CorpusFiles.Postgres) data.Add(Path.Combine(TestPaths.Corpus, f.Path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void A_schema_compared_with_itself_has_no_changes(string path)
    {
        var a = SqlSource.LoadPostgres([path]).Model;
        var b = SqlSource.LoadPostgres([path]);
        var diff = SchemaDiffer.Compare(a, b.Model, b.SourceMap);
        Assert.Empty(diff.Changes);
        Assert.True(MigrationPlanner.Plan(a, b.Model, b.SourceMap, PostgresDialect.Instance).IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void A_schema_planned_from_empty_creates_everything_and_back_drops_it(string path)
    {
        var model = SqlSource.LoadPostgres([path]).Model;
        var create = MigrationPlanner.Plan(Database.Empty, model, null, PostgresDialect.Instance);
        Assert.Equal(model.Tables.Count, create.Changes.OfType<AddTable>().Count());
        Assert.Equal(model.Tables.Sum(t => t.ForeignKeys.Count), create.Changes.OfType<AddConstraint>().Count(c => c.Constraint is ForeignKey));
        Assert.DoesNotContain(create.Statements, s => s.Hazards.Any(h => h.Destructive));
        var drop = MigrationPlanner.Plan(model, Database.Empty, null, PostgresDialect.Instance);
        Assert.Equal(model.Tables.Count, drop.Changes.OfType<DropTable>().Count());
        Assert.Equal(model.Tables.Count, drop.Destructive.Count(s => s.Change is DropTable));
    }

    [Fact]
    public void Plans_of_the_same_inputs_are_byte_identical()
    {
        const string a = "CREATE TABLE t (id int PRIMARY KEY, a text, b int);\nCREATE INDEX t_a ON t (a);\nCREATE VIEW v AS SELECT t.a FROM t;";
        const string b = "CREATE TABLE t (id bigint PRIMARY KEY, a varchar(10), c int);\nCREATE INDEX t_c ON t (c);\nCREATE VIEW v AS SELECT t.a, t.c FROM t;\nCREATE TABLE u (x int REFERENCES t (id));";
        var first = Plan(a, b);
        for (var i = 0; i < 3; i++)
        {
            var again = Plan(a, b);
            Assert.Equal(PlanSqlWriter.Write(first), PlanSqlWriter.Write(again));
            Assert.Equal(PlanJsonWriter.Write(first), PlanJsonWriter.Write(again));
        }
    }

    [Fact]
    public void A_renamed_from_directive_renames_and_without_it_a_rename_is_only_suggested()
    {
        const string a = "CREATE TABLE clients (id int PRIMARY KEY, phone text);";
        var renamed = Plan(a, "CREATE TABLE customers ( -- schemafirst:renamed-from clients\n id int PRIMARY KEY,\n mobile text -- schemafirst:renamed-from phone\n);");
        Assert.Contains(renamed.Changes, c => c is RenameTable { From.Name: "clients", To.Name: "customers" });
        Assert.Contains(renamed.Changes, c => c is RenameColumn { From: "phone", To: "mobile" });
        Assert.Contains(renamed.Changes, c => c is RenameConstraint { From: "clients_pkey", To: "customers_pkey" });
        Assert.DoesNotContain(renamed.Changes, c => c is DropTable or DropColumn);
        Assert.Empty(renamed.Suggestions);
        var guessed = Plan(a, "CREATE TABLE customers (id int PRIMARY KEY, phone text);");
        Assert.Contains(guessed.Changes, c => c is DropTable);
        Assert.Contains(guessed.Suggestions, s => s.Contains("schemafirst:renamed-from clients", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_an_enum_value_makes_the_enum_again_unless_a_domain_holds_it()
    {
        var plan = Plan("CREATE TYPE s AS ENUM ('a', 'b', 'c');\nCREATE TABLE t (v s);", "CREATE TYPE s AS ENUM ('a', 'c');\nCREATE TABLE t (v s);");
        Assert.Empty(plan.Diagnostics);
        Assert.Equal(["ALTER TYPE public.s RENAME TO s__schemafirst_old", "CREATE TYPE public.s AS ENUM ('a', 'c')",
            "ALTER TABLE public.t ALTER COLUMN v TYPE public.s USING v::text::public.s", "DROP TYPE public.s__schemafirst_old"], plan.Statements.Select(x => x.Sql));
        var held = Plan("CREATE TYPE s AS ENUM ('a', 'b');\nCREATE DOMAIN d AS s;", "CREATE TYPE s AS ENUM ('b', 'a');\nCREATE DOMAIN d AS s;");
        Assert.True(held.IsEmpty);
        var d = Assert.Single(held.Diagnostics);
        Assert.Equal(DiagnosticCodes.ChangeNotPlanned, d.Code);
        Assert.Contains("enum public.s: a value was removed, renamed or moved, and domain public.d use it", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_hazard_is_named_on_its_statement()
    {
        var plan = Plan("CREATE TABLE t (id int PRIMARY KEY, a text, b text);", "CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL, c int NOT NULL);\nCREATE INDEX t_a ON t (a);");
        var codes = plan.Statements.SelectMany(s => s.Hazards.Select(h => (s.Change.GetType().Name, h.Code))).ToHashSet();
        Assert.Contains(("DropColumn", HazardCodes.DropColumn), codes);
        Assert.Contains(("ModifyColumn", HazardCodes.SetNotNull), codes);
        Assert.Contains(("AddColumn", HazardCodes.AddNotNullColumn), codes);
        Assert.Contains(("AddIndex", HazardCodes.IndexWithoutConcurrently), codes);
        var text = PlanSqlWriter.Write(plan);
        Assert.Contains("-- drop column public.t.b\n-- hazard DS102: column public.t.b and the data in it are gone for good\n-- hazard BC102: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_indexes_run_outside_the_transaction_and_online_constraints_are_validated_apart()
    {
        var from = Sql.Parse("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (id int PRIMARY KEY, p int);").Model;
        var to = Sql.Parse("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (id int PRIMARY KEY, p int REFERENCES p (id));\nCREATE INDEX t_p ON t (p);");
        var plan = MigrationPlanner.Plan(from, to.Model, to.SourceMap, PostgresDialect.Instance, new PlanOptions(ConcurrentIndexes: true, Online: true));
        var index = Assert.Single(plan.Statements, s => s.Change is AddIndex);
        Assert.Equal(StatementPhase.After, index.Phase);
        Assert.StartsWith("CREATE INDEX CONCURRENTLY t_p ON public.t", index.Sql, StringComparison.Ordinal);
        var fk = plan.Statements.Where(s => s.Change is AddConstraint).Select(s => s.Sql).ToList();
        Assert.Equal(2, fk.Count);
        Assert.EndsWith("NOT VALID", fk[0], StringComparison.Ordinal);
        Assert.Equal("ALTER TABLE public.t VALIDATE CONSTRAINT t_p_fkey", fk[1]);
        Assert.StartsWith("-- Migration planned by SchemaFirst (postgres)", PlanSqlWriter.Write(plan), StringComparison.Ordinal);
        var text = PlanSqlWriter.Write(plan);
        // The index may need what the transaction makes: it is built after the commit, in a section of its own.
        Assert.True(text.IndexOf("-- The rest runs in one transaction.", StringComparison.Ordinal) < text.IndexOf("-- These statements run after the transaction commits, one by one.", StringComparison.Ordinal));
        Assert.EndsWith("-- These statements run after the transaction commits, one by one.\n\n-- add index public.t_p\nCREATE INDEX CONCURRENTLY t_p ON public.t USING btree (p);\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_two_folders_exits_2_with_the_migration_and_0_when_they_are_equal()
    {
        var a = Path.Combine(Dir, "a");
        var b = Path.Combine(Dir, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        File.WriteAllText(Path.Combine(a, "s.sql"), "CREATE TABLE t (id int PRIMARY KEY);\n");
        File.WriteAllText(Path.Combine(b, "s.sql"), "CREATE TABLE t (id int PRIMARY KEY, note text);\n");
        var (code, stdout, stderr) = CliRunner.Run("diff", a, b);
        Assert.Equal(2, code);
        Assert.Contains("-- add column public.t.note\nALTER TABLE public.t ADD COLUMN note text;\n", stdout, StringComparison.Ordinal);
        Assert.Contains("schemafirst: 1 change, 1 statement", stderr, StringComparison.Ordinal);
        var (same, sameOut, _) = CliRunner.Run("diff", a, a);
        Assert.Equal(0, same);
        Assert.Equal("-- No changes.\n", sameOut);
        var (_, json, _) = CliRunner.Run("diff", a, b, "--format", "json");
        using var doc = JsonDocument.Parse(json);
        Assert.True(doc.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal("AddColumn", doc.RootElement.GetProperty("changes")[0].GetProperty("kind").GetString());
        Assert.StartsWith("sha256:", doc.RootElement.GetProperty("to_fingerprint").GetString(), StringComparison.Ordinal);
        var (_, md, _) = CliRunner.Run("diff", a, b, "--format", "md");
        Assert.Contains("| 1 | add column public.t.note |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_reads_a_git_revision_of_this_repository()
    {
        var (code, stdout, stderr) = CliRunner.Run("diff", "git:HEAD:examples/schema", TestPaths.Examples, "--offline");
        Assert.True(code is 0 or 2, stderr);
        Assert.DoesNotContain("error", stderr, StringComparison.Ordinal);
        var (bad, _, badErr) = CliRunner.Run("diff", "git:no-such-revision:examples/schema", TestPaths.Examples);
        Assert.Equal(3, bad);
        Assert.StartsWith("schemafirst: 'git:no-such-revision:examples/schema': ", badErr, StringComparison.Ordinal);
        _ = stdout;
    }

    [Fact]
    public void A_source_with_errors_exits_1_and_an_unknown_environment_exits_3()
    {
        var bad = Write("bad.sql", "CREATE TABLE t (id int REFERENCES nope (id));\n");
        var good = Write("good.sql", "CREATE TABLE t (id int);\n");
        var (code, _, stderr) = CliRunner.Run("diff", good, bad);
        Assert.Equal(1, code);
        Assert.Contains("error SF401", stderr, StringComparison.Ordinal);
        var (env, _, envErr) = CliRunner.Run("plan", good, "--env", "prod");
        Assert.Equal(3, env);
        Assert.Contains("environment 'prod' has no url", envErr, StringComparison.Ordinal);
        var (unreachable, _, unreachableErr) = CliRunner.Run("plan", good, "--db", "postgres://nobody:secret@127.0.0.1:1/shop");
        Assert.Equal(4, unreachable);
        Assert.DoesNotContain("secret", unreachableErr, StringComparison.Ordinal);
    }
}
