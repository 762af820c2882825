using System.Globalization;
using SchemaFirst.Audit;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.MySql;
using SchemaFirst.Dialects.Oracle;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Dialects.SqlServer;
using Xunit.Abstractions;

namespace SchemaFirst.Tests.Fuzz;

/// <summary>
/// Every reader fuzzed (see <see cref="ParserFuzzer"/>): the PostgreSQL, SQLite, MySQL, T-SQL and Oracle readers and the
/// audit (its literal extractors and DML parser, on the example application's code in eight languages). The tests run
/// a slice of 20,000 inputs per reader (SCHEMAFIRST_FUZZ_INPUTS sets another count; bench/fuzz.sh runs a million):
/// no crash, no input over the time limit, no error without a line and column.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private static int Inputs => int.TryParse(Environment.GetEnvironmentVariable("SCHEMAFIRST_FUZZ_INPUTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20_000;

    public static TheoryData<string> Readers => new(["postgres", "sqlite", "mysql", "sqlserver", "oracle", "audit"]);

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_reader_survives_mutated_input_with_every_error_at_a_place(string reader)
    {
        var fuzzer = new ParserFuzzer(reader, Seeds(reader), Read(reader));
        var (findings, elapsed, inputs) = fuzzer.Run(Inputs);
        output.WriteLine($"{reader}: {inputs} inputs in {elapsed.TotalSeconds:0.0} s, {findings.Count} findings");
        Assert.True(findings.Count == 0, string.Join("\n\n", findings.Select(f => $"#{f.Index} {f.Kind}: {f.Detail}\n  input: {f.Input.Replace("\n", "\\n", StringComparison.Ordinal)}")));
    }

    public static TheoryData<string> Dialects => new(["postgres", "sqlite", "mysql", "sqlserver", "oracle"]);

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Random_ddl_from_the_grammar_reads_without_an_error(string reader)
    {
        var read = Read(reader);
        var failures = new List<string>();
        foreach (var (schema, i) in DdlGrammar.Schemas(reader, 300).Select((s, i) => (s, i)))
        {
            var errors = read(schema).Where(d => d.Severity == Severity.Error).ToList();
            if (errors.Count > 0 && failures.Count < 5) failures.Add($"#{i}: {errors[0].Location?.Line}:{errors[0].Location?.Column} {errors[0].Code}: {errors[0].Message}\n{schema}");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>What the fuzzer found, each kept as a case: read in time, with an error at a place or no error, never a crash.</summary>
    [Theory]
    [InlineData("postgres", "CREATE TABLE o (c integer INITIALLY);", true)] // looped forever: INITIALLY without DEFERRED or IMMEDIATE
    [InlineData("postgres", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1", true)] // a dollar quote never closed
    [InlineData("postgres", "COMMENT ON TABLE t IS '", true)] // a string never closed
    [InlineData("sqlite", "CREATE TABLE \"t (id integer);", true)] // a quoted name never closed
    [InlineData("oracle", "CREATE TABLE t (id NUMBER(101010101010));", false)] // a precision past int
    [InlineData("oracle", "CREATE SEQUENCE s START WITH 1e5;", false)] // not an integer
    [InlineData("sqlserver", "SELECT 1;", false)]
    public async Task Inputs_the_fuzzer_found_are_read_with_a_diagnostic_at_a_place(string reader, string text, bool error)
    {
        var read = Read(reader);
        var result = await InTime(() => read(text).ToList());
        Assert.DoesNotContain(result, d => d.Message.StartsWith("internal error", StringComparison.Ordinal));
        Assert.Equal(error, result.Any(d => d.Severity == Severity.Error));
        Assert.All(result.Where(d => d.Severity == Severity.Error), d => Assert.True(d.Location is { Line: >= 1, Column: >= 1 }));
    }

    private static async Task<T> InTime<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10))));
        return await task;
    }

    [Fact]
    public async Task A_long_mysql_statement_is_split_in_linear_time()
    {
        // The splitter asked its builder for the whole statement at every character: a 100,000-character name took minutes.
        var text = "CREATE TABLE t (" + new string('x', 400_000) + " int);";
        var result = await InTime(() => MySqlReader.Read([("long.sql", text)]));
        Assert.Single(result.Model.Tables);
    }

    [Fact]
    public async Task Tsql_nested_past_200_parentheses_is_refused_at_its_place_not_parsed_for_minutes()
    {
        var text = "CREATE TABLE t (id int);\nGO\nCREATE VIEW v AS SELECT " + new string('(', 3000) + "1" + new string(')', 3000) + " AS one;\n";
        var result = await InTime(() => SqlServerReader.Read([("deep.sql", text)]));
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((3, 225), (error.Location!.Line, error.Location.Column)); // the 201st parenthesis
        Assert.Contains("deeper than 200 levels", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, IEnumerable<Diagnostic>> Read(string reader) => reader switch
    {
        "postgres" => text => PostgresParser.LoadText(text, "fuzz.sql").Diagnostics,
        "sqlite" => text => SqliteParser.LoadText(text, "fuzz.sql").Diagnostics,
        "mysql" => text => MySqlReader.Read([("fuzz.sql", text)]).Diagnostics,
        "sqlserver" => text => SqlServerReader.Read([("fuzz.sql", text)]).Diagnostics,
        "oracle" => text => OracleReader.Read([("fuzz.sql", text)]).Diagnostics,
        "audit" => Audit,
        _ => throw new ArgumentOutOfRangeException(nameof(reader)),
    };

    private static readonly Lazy<Model.Database> AppSchema = new(() =>
        PostgresParser.Load(Directory.GetFiles(Path.Combine(TestPaths.Root, "examples", "app", "schema"), "*.sql"), new List<Diagnostic>()).Model);

    /// <summary>An application file: its first line names its extension (the fuzzer may damage it: then it is read as .sql).</summary>
    private static IEnumerable<Diagnostic> Audit(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var ext = newline > 0 && text.StartsWith("#ext:", StringComparison.Ordinal) ? text[5..newline].Trim() : ".sql";
        if (ext.Length is 0 or > 5 || ext.Any(ch => !char.IsAsciiLetterOrDigit(ch) && ch != '.')) ext = ".sql";
        var report = Auditor.Run([("fuzz" + ext, newline > 0 ? text[(newline + 1)..] : text)], AppSchema.Value, "public");
        // Every finding is checked for its place, as the errors of the other readers are.
        return report.Findings.Select(f => new Diagnostic(Severity.Error, f.Code, f.Message, f.Location));
    }

    private static List<string> Seeds(string reader)
    {
        var seeds = new List<string>();
        void Files(string dir, string pattern)
        {
            if (!Directory.Exists(dir)) return;
            foreach (var f in Directory.GetFiles(dir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)) seeds.AddRange(Chunks(File.ReadAllText(f)));
        }
        void Corpus(params string[] files)
        {
            if (!Directory.Exists(TestPaths.Corpus)) return;
            foreach (var f in files.Select(f => Path.Combine(TestPaths.Corpus, f)).Where(File.Exists)) seeds.AddRange(Chunks(File.ReadAllText(f)));
        }
        // Random DDL from the grammar, valid by construction, is mutated as the real files are.
        if (reader != "audit") seeds.AddRange(DdlGrammar.Schemas(reader, 50, seed: 7));
        switch (reader)
        {
            case "postgres":
                Files(Path.Combine(TestPaths.GoldenSource, "plan"), "*.sql");
                Files(TestPaths.Examples, "*.sql");
                Corpus("pagila/pagila-schema.sql", "chinook/ChinookDatabase/DataSources/Chinook_PostgreSql.sql");
                break;
            case "sqlite":
                Files(Path.Combine(TestPaths.GoldenSource, "plan-sqlite"), "*.sql");
                Corpus("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sql", "sakila_jooq/sqlite-sakila-db/sqlite-sakila-schema.sql");
                break;
            case "mysql":
                seeds.Add(MySqlSample);
                Corpus("sakila_jooq/mysql-sakila-db/mysql-sakila-schema.sql", "chinook/ChinookDatabase/DataSources/Chinook_MySql.sql");
                break;
            case "sqlserver":
                seeds.Add("CREATE TABLE dbo.t (id INT IDENTITY(1,1) NOT NULL CONSTRAINT pk_t PRIMARY KEY, name NVARCHAR(50) NULL DEFAULT N'x');\nGO\nCREATE INDEX ix_t ON dbo.t (name);\nGO\n");
                Corpus("sakila_jooq/sql-server-sakila-db/sql-server-sakila-schema.sql", "chinook/ChinookDatabase/DataSources/Chinook_SqlServer.sql");
                break;
            case "oracle":
                seeds.Add("CREATE TABLE t (id NUMBER(10) GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name VARCHAR2(50 CHAR) DEFAULT 'x');\nCREATE INDEX ix_t ON t (UPPER(name));\nCOMMENT ON TABLE t IS 'things';\n");
                Corpus("sakila_jooq/oracle-sakila-db/oracle-sakila-schema.sql", "chinook/ChinookDatabase/DataSources/Chinook_Oracle.sql");
                break;
            case "audit":
                foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Root, "examples", "app"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    seeds.Add("#ext:" + Path.GetExtension(f) + "\n" + File.ReadAllText(f));
                }
                break;
        }
        return seeds;
    }

    private const string MySqlSample = """
        CREATE TABLE `t` (
          `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
          `name` varchar(50) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT NULL COMMENT 'n',
          `kind` enum('a','b''c') NOT NULL DEFAULT 'a',
          `at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
          PRIMARY KEY (`id`), KEY `ix` (`name`(10)), FULLTEXT KEY `ft` (`name`),
          CONSTRAINT `c` CHECK (`id` > 0)
        ) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
        DELIMITER ;;
        CREATE DEFINER=`root`@`localhost` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.name = 'x'; END;;
        DELIMITER ;
        """;

    /// <summary>A large file as pieces of whole statements, at most about 6,000 characters each, data statements left out.</summary>
    private static IEnumerable<string> Chunks(string text)
    {
        if (text.Length <= 8_000) { yield return text; yield break; }
        var chunk = new System.Text.StringBuilder();
        var count = 0;
        foreach (var statement in text.Split(";\n"))
        {
            if (statement.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)) continue;
            chunk.Append(statement).Append(";\n");
            if (chunk.Length < 6_000) continue;
            yield return chunk.ToString();
            chunk.Clear();
            if (++count == 40) yield break;
        }
        if (chunk.Length > 0) yield return chunk.ToString();
    }
}
