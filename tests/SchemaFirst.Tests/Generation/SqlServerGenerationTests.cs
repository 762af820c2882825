using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.SqlServer;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Tests.Generation;

/// <summary>
/// generate sql --dialect sqlserver: no SQL Server runs here, so the T-SQL written for the examples and every corpus
/// schema is read back by Microsoft's own parser (ScriptDom, SQL Server 2022 grammar): no syntax error, and every table,
/// foreign key and index the notes do not name as left out is there.
/// </summary>
public sealed class SqlServerGenerationTests
{
    private static IEnumerable<(string Name, Database Model)> Sources()
    {
        yield return ("examples", SqlSource.LoadPostgres([TestPaths.Examples]).Model);
        if (!TestPaths.CorpusAvailable()) yield break;
        foreach (var f in CorpusFiles.Postgres) yield return (f.Path, SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, f.Path)), f.Path).Model);
        foreach (var f in CorpusFiles.Sqlite) yield return (f.Path, SqlSource.ParseSqlite(File.ReadAllText(Path.Combine(TestPaths.Corpus, f.Path)), f.Path).Model);
    }

    internal static (TSqlFragment? Script, IList<ParseError> Errors) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = parser.Parse(reader, out var errors);
        return (script, errors);
    }

    private sealed class Counter : TSqlFragmentVisitor
    {
        public int Tables { get; private set; }

        public int ForeignKeys { get; private set; }

        public override void Visit(CreateTableStatement node) => Tables++;

        public override void Visit(ForeignKeyConstraintDefinition node) => ForeignKeys++;
    }

    [Fact]
    public void The_tsql_of_the_examples_and_every_corpus_schema_parses_with_microsofts_parser()
    {
        var failures = new List<string>();
        foreach (var (name, model) in Sources())
        {
            var generated = SqlServerTarget.Instance.Generate(model, new SqlGenerationOptions());
            var (script, errors) = Parse(generated.Text);
            if (errors.Count > 0)
            {
                failures.Add($"{name}: {string.Join("; ", errors.Take(3).Select(e => $"line {e.Line}: {e.Message}"))}");
                continue;
            }
            var counter = new Counter();
            script!.Accept(counter);
            var leftOut = generated.Notes.Count(n => n.Message.Contains("foreign key", StringComparison.Ordinal) && n.Message.Contains("not created", StringComparison.Ordinal));
            if (counter.Tables != model.Tables.Count) failures.Add($"{name}: {counter.Tables} tables for {model.Tables.Count}");
            if (counter.ForeignKeys != model.Tables.Sum(t => t.ForeignKeys.Count) - leftOut) failures.Add($"{name}: {counter.ForeignKeys} foreign keys for {model.Tables.Sum(t => t.ForeignKeys.Count)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_second_cascade_path_is_written_without_its_cascade_and_named()
    {
        var model = SqlSource.ParsePostgres("""
            CREATE TABLE accounts (id int PRIMARY KEY);
            CREATE TABLE projects (id int PRIMARY KEY, account_id int NOT NULL REFERENCES accounts ON DELETE CASCADE);
            CREATE TABLE members (id int PRIMARY KEY, account_id int NOT NULL REFERENCES accounts ON DELETE CASCADE);
            CREATE TABLE assignments (project_id int REFERENCES projects ON DELETE CASCADE, member_id int REFERENCES members ON DELETE CASCADE, PRIMARY KEY (project_id, member_id));
            CREATE TABLE nodes (id int PRIMARY KEY, parent_id int REFERENCES nodes ON DELETE CASCADE, note text);
            ALTER TABLE nodes ADD CONSTRAINT nodes_note_key UNIQUE (note);
            """).Model;
        var generated = SqlServerTarget.Instance.Generate(model, new SqlGenerationOptions());
        Assert.Empty(Parse(generated.Text).Errors);
        // assignments is reached from accounts through projects and through members: SQL Server refuses the second path,
        // so exactly one of the four cascading keys is written without its cascade, and named.
        Assert.Equal(3, generated.Text.Split("ON DELETE CASCADE").Length - 1 - (generated.Text.Contains("REFERENCES [dbo].[nodes] ([id]) ON DELETE CASCADE", StringComparison.Ordinal) ? 1 : 0));
        Assert.Contains(generated.Notes, n => n.Message.Contains("projects_account_id_fkey would make a second cascade path (or a cycle) from public.accounts", StringComparison.Ordinal));
        // A self-reference cannot cascade in SQL Server either.
        Assert.Contains(generated.Notes, n => n.Message.Contains("nodes_parent_id_fkey", StringComparison.Ordinal));
        // A unique constraint over a nullable column is a filtered unique index, as PostgreSQL admits many NULLs.
        Assert.Contains("CREATE UNIQUE INDEX [nodes_note_key] ON [dbo].[nodes] ([note]) WHERE [note] IS NOT NULL;", generated.Text, StringComparison.Ordinal);
        Assert.Contains("[note] NVARCHAR(450) NULL", generated.Text, StringComparison.Ordinal);
    }
}

/// <summary>Seeds for SQL Server and Oracle: MERGE statements that add only missing rows; SQL Server's read by ScriptDom.</summary>
public sealed class MergeSeedTests
{
    private static (SchemaFirst.Seeding.SeedSet Set, Database Model) Examples()
    {
        var model = SqlSource.LoadPostgres([TestPaths.Examples]).Model;
        var files = Directory.GetFiles(Path.Combine(TestPaths.Root, "examples", "seed"), "*.sql").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p))).ToList();
        return (SchemaFirst.Seeding.SeedReader.Read(files, model, "public"), model);
    }

    [Fact]
    public void The_example_seeds_for_sql_server_are_merges_microsofts_parser_reads()
    {
        var (set, model) = Examples();
        var (text, notes) = SchemaFirst.Seeding.SeedWriter.Write(set, model, "sqlserver");
        Assert.DoesNotContain(notes, n => n.Severity == Diagnostics.Severity.Error);
        Assert.Empty(SqlServerGenerationTests.Parse(text).Errors);
        Assert.Contains("SET IDENTITY_INSERT [shop].[customers] ON;", text, StringComparison.Ordinal);
        Assert.Contains("WHEN NOT MATCHED BY TARGET THEN", text, StringComparison.Ordinal);
        Assert.Contains("N'[\"coffee\",\"organic\"]'", text, StringComparison.Ordinal); // a PostgreSQL array as a JSON array
        Assert.Equal(9, text.Split("MERGE INTO").Length - 1); // one per table with its own column list
    }

    [Fact]
    public void The_example_seeds_for_oracle_are_merges_from_dual_with_identities_moved_on()
    {
        var (set, model) = Examples();
        var (text, notes) = SchemaFirst.Seeding.SeedWriter.Write(set, model, "oracle");
        Assert.DoesNotContain(notes, n => n.Severity == Diagnostics.Severity.Error);
        Assert.Contains("MERGE INTO customers target\nUSING (\n  SELECT 1 AS id,", text, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE customers MODIFY id GENERATED BY DEFAULT ON NULL AS IDENTITY (START WITH LIMIT VALUE);", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" AS target", text, StringComparison.Ordinal); // Oracle takes no AS before a table alias
        Golden.Check("seed/examples.oracle.sql", text);
        Golden.Check("generation/examples.oracle.sql", SchemaFirst.Dialects.Oracle.OracleTarget.Instance.Generate(model, new SqlGenerationOptions()).Text);
    }
}
