using SchemaFirst.Diagnostics;
using SchemaFirst.Validation;

namespace SchemaFirst.Tests.Validation;

public class ValidatorTests
{
    private static List<Diagnostic> Check(string sql)
    {
        var r = Sql.Parse(sql);
        return r.Diagnostics.Concat(SchemaValidator.Validate(r.Model, r.SourceMap)).Where(d => d.Severity != Severity.Info).ToList();
    }

    public static TheoryData<string, string, Severity> Cases => new()
    {
        { "CREATE TABLE a (x int REFERENCES missing (id));", DiagnosticCodes.ForeignKeyTableMissing, Severity.Error },
        { "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE a (x int REFERENCES p (nope));", DiagnosticCodes.ForeignKeyColumnMissing, Severity.Error },
        { "CREATE TABLE p (id int PRIMARY KEY, v int); CREATE TABLE a (x int REFERENCES p (v));", DiagnosticCodes.ForeignKeyTargetNotUnique, Severity.Error },
        { "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE a (x text REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypeMismatch, Severity.Error },
        { "CREATE TABLE p (id bigint PRIMARY KEY); CREATE TABLE a (x int REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypeMismatch, Severity.Warning },
        { "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE a (x int, y int, FOREIGN KEY (x, y) REFERENCES p (id));", DiagnosticCodes.ForeignKeyColumnCount, Severity.Error },
        { "CREATE TABLE a (x int); CREATE TABLE a (y int);", DiagnosticCodes.DuplicateObject, Severity.Error },
        { "CREATE TABLE a (x int); CREATE TABLE b (y int); CREATE INDEX i ON a (x); CREATE INDEX i ON b (y);", DiagnosticCodes.DuplicateIndexName, Severity.Error },
        { "CREATE TABLE a (x int); CREATE INDEX a_pkey ON a (x); ALTER TABLE a ADD CONSTRAINT a_pkey PRIMARY KEY (x);", DiagnosticCodes.DuplicateIndexName, Severity.Error },
        { "CREATE TABLE a (x int); CREATE INDEX ON a (nope);", DiagnosticCodes.ColumnMissing, Severity.Error },
        { "CREATE TABLE a (x int, PRIMARY KEY (nope));", DiagnosticCodes.ColumnMissing, Severity.Error },
        { "CREATE TYPE s AS ENUM ('on', 'off'); CREATE TABLE a (x s DEFAULT 'of');", DiagnosticCodes.EnumDefaultInvalid, Severity.Error },
        { "CREATE TABLE a (x int); CREATE VIEW v AS SELECT x FROM a JOIN missing_table m ON true;", DiagnosticCodes.ViewReferenceMissing, Severity.Error },
        { "CREATE TABLE a (x int); CREATE VIEW v AS SELECT a.x FROM a, missing_table m WHERE m.y = a.x;", DiagnosticCodes.ViewReferenceMissing, Severity.Error },
        { "CREATE TABLE a (x int); CREATE VIEW v AS SELECT * FROM a JOIN a b ON true, public.missing_table;", DiagnosticCodes.ViewReferenceMissing, Severity.Error },
        { "CREATE TABLE a (x int); CREATE VIEW v AS SELECT * FROM (SELECT 1 FROM a, missing_table) s;", DiagnosticCodes.ViewReferenceMissing, Severity.Error },
        { "CREATE INDEX i ON missing (x);", DiagnosticCodes.IndexTableMissing, Severity.Error },
        { "CREATE TABLE a (x int, x text);", DiagnosticCodes.DuplicateColumn, Severity.Error },
        { "ALTER TABLE missing ADD COLUMN x int;", DiagnosticCodes.UnknownObject, Severity.Error },
        { "-- schemafirst:frobnicate\nCREATE TABLE a (x int);", DiagnosticCodes.UnknownDirective, Severity.Warning },
        { "CREATE TABLE a (x int); -- schemafirst:ignore DS101\n", DiagnosticCodes.UnknownDirective, Severity.Warning },
        { "CREATE TABLE a ( -- schemafirst:renamed-from\n x int);", DiagnosticCodes.UnknownDirective, Severity.Warning },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_problem_is_reported_with_its_code_and_level(string sql, string code, Severity severity)
    {
        var d = Assert.Single(Check(sql));
        Assert.Equal((code, severity), (d.Code, d.Severity));
        Assert.NotNull(d.Location);
        Assert.False(string.IsNullOrWhiteSpace(d.Help));
    }

    [Theory]
    [InlineData("SELECT a.x, b.y FROM a, b WHERE a.x = b.y")]
    [InlineData("SELECT coalesce(x, 0), y FROM a, b GROUP BY x, y ORDER BY x, y")]
    [InlineData("SELECT x FROM a WHERE x IN (1, 2) AND y = ANY (ARRAY[1, 2])")]
    [InlineData("SELECT x FROM a, LATERAL (SELECT y FROM b) s, generate_series(1, 2) g")]
    [InlineData("SELECT substring(y FROM 1 FOR 2), extract(day FROM now()) FROM b")]
    [InlineData("WITH c AS (SELECT x FROM a) SELECT c.x, b.y FROM c, b")]
    public void Commas_check_every_relation_of_a_from_list_and_nothing_else(string query)
    {
        Assert.Empty(Check($"CREATE TABLE a (x int); CREATE TABLE b (y int); CREATE VIEW v AS {query};"));
    }

    [Fact]
    public void A_sound_schema_has_no_findings()
    {
        Assert.Empty(Check("""
            -- schemafirst:skip
            CREATE TABLE legacy_thing (x int REFERENCES nowhere);
            CREATE TABLE renamed ( -- schemafirst:renamed-from old_name
              id int -- schemafirst:ignore PK001 keys live in another system
            );
            CREATE TYPE s AS ENUM ('on', 'off');
            CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, state s DEFAULT 'on'::s);
            CREATE TABLE a (x int REFERENCES p, c text REFERENCES p (code));
            CREATE UNIQUE INDEX p_lower ON p (lower(code));
            CREATE VIEW v AS WITH recent AS (SELECT * FROM a) SELECT extract(year FROM now()), p.id FROM p JOIN recent r ON r.x = p.id, generate_series(1, 2) g;
            """));
    }

    [Fact]
    public void Diagnostics_print_as_path_line_column_with_the_source_line_and_a_caret()
    {
        var d = Assert.Single(Check("CREATE TABLE a (\n  x int REFERENCES missing (id)\n);"));
        var text = DiagnosticTextFormatter.Format(d, (_, line) => line == 2 ? "  x int REFERENCES missing (id)" : null);
        Assert.Equal("""
            test.sql:2:9: error SF401: foreign key a_x_fkey on public.a references table public.missing, which does not exist
             2 |   x int REFERENCES missing (id)
               |         ^^^^^^^^^^
              help: create the referenced table, or fix its name or schema

            """.Replace("\r\n", "\n"), text);
    }
}
