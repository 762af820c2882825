using SchemaFirst.Audit.Extraction;

namespace SchemaFirst.Tests.Audit;

/// <summary>Literals found in each language as the program builds them, and each character placed where it stands in the file.</summary>
public sealed class ExtractionTests
{
    private static List<SqlSnippet> Sql(string path, string code) => SqlExtractor.Extract(path, code).Where(s => s.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || s.Text.TrimStart().StartsWith("INSERT", StringComparison.Ordinal) || s.Text.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal)).ToList();

    /// <summary>The (line, column) in the code of the first occurrence of <paramref name="needle"/> in the snippet's SQL.</summary>
    private static (int, int) Where(SqlSnippet s, string needle)
    {
        var at = s.At(s.Text.IndexOf(needle, StringComparison.Ordinal));
        return (at.Line, at.Column);
    }

    [Fact]
    public void CSharp_reads_regular_verbatim_raw_interpolated_utf8_and_concatenated_strings()
    {
        var code = """
            class R {
                const string A = "SELECT a\tFROM t WHERE x = \"q\"";
                const string B = @"SELECT b FROM ""T"" WHERE y = 1";
                string C(int n) => $"SELECT c FROM t LIMIT {n}";
                string D(string w) => "SELECT d " + "FROM t " + "WHERE " + w + " AND z = 1";
                string E() => ""\"
                    SELECT e
                    FROM t
                    ""\";
                byte[] F = "SELECT f FROM t"u8.ToArray();
            }
            """.Replace("\"\"\\\"", "\"\"\"", StringComparison.Ordinal);
        var s = Sql("r.cs", code);
        Assert.Equal(6, s.Count);
        Assert.Equal("SELECT a\tFROM t WHERE x = \"q\"", s[0].Text);
        Assert.Equal((2, 33), Where(s[0], "FROM"));
        Assert.Equal("SELECT b FROM \"T\" WHERE y = 1", s[1].Text);
        Assert.Equal((3, 44), Where(s[1], "WHERE"));
        Assert.Equal("SELECT c FROM t LIMIT $1", s[2].Text);
        Assert.Equal(s[2].Text.IndexOf("$1", StringComparison.Ordinal), Assert.Single(s[2].Holes));
        Assert.Equal((4, 48), Where(s[2], "$1"));
        Assert.Equal("SELECT d FROM t WHERE $1 AND z = 1", s[3].Text);
        Assert.Equal((5, 64), Where(s[3], "$1"));
        Assert.Equal((5, 70), Where(s[3], "AND"));
        Assert.Contains("SELECT e", s[4].Text, StringComparison.Ordinal);
        Assert.Equal((8, 9), Where(s[4], "FROM"));
        Assert.Equal("SELECT f FROM t", s[5].Text);
    }

    [Fact]
    public void Java_text_blocks_and_concatenation_with_a_variable()
    {
        var code = "class A {\n  String q = \"\"\"\n      SELECT a\n      FROM t\n      \"\"\";\n  String r = \"SELECT b FROM t WHERE id = \" + id + \" AND x = \\\"y\\\"\";\n  char c = '\"';\n}\n";
        var s = Sql("A.java", code);
        Assert.Equal(2, s.Count);
        Assert.Equal((4, 7), Where(s[0], "FROM"));
        Assert.Equal("SELECT b FROM t WHERE id = $1 AND x = \"y\"", s[1].Text);
    }

    [Fact]
    public void Kotlin_templates_are_holes_in_plain_and_raw_strings()
    {
        var s = Sql("a.kt", "val a = \"SELECT a FROM $table WHERE id = ${user.id}\"\nval b = \"\"\"SELECT b FROM t WHERE p = '$'\"\"\"\n");
        Assert.Equal("SELECT a FROM $1 WHERE id = $2", s[0].Text);
        Assert.Equal(2, s[0].Holes.Count);
        Assert.Equal("SELECT b FROM t WHERE p = '$'", s[1].Text);
    }

    [Fact]
    public void Go_raw_strings_keep_backslashes_and_span_lines()
    {
        var s = Sql("a.go", "package a\n// \"SELECT not FROM a comment\"\nvar q = `SELECT a\n\tFROM t WHERE s ~ '\\d'`\nvar r = 'x'\n");
        var only = Assert.Single(s);
        Assert.Equal("SELECT a\n\tFROM t WHERE s ~ '\\d'", only.Text);
        Assert.Equal((4, 2), Where(only, "FROM"));
    }

    [Fact]
    public void JavaScript_template_literals_tagged_or_not_and_regexes_with_quotes()
    {
        var code = "const re = /['\"`]/g;\nconst a = sql`SELECT a FROM t WHERE id = ${id} AND n = ${`x${y}`}`;\nconst b = 'SELECT b FROM t WHERE s = \\'x\\'';\nconst c = x / 2 / 3; const d = \"SELECT d FROM t\";\n";
        var s = Sql("a.ts", code);
        Assert.Equal(3, s.Count);
        Assert.Equal("SELECT a FROM t WHERE id = $1 AND n = $2", s[0].Text);
        Assert.Equal("SELECT b FROM t WHERE s = 'x'", s[1].Text);
        Assert.Equal("SELECT d FROM t", s[2].Text);
    }

    [Fact]
    public void Python_prefixes_triple_quotes_fstrings_adjacent_literals_and_dbapi_placeholders()
    {
        var code = "a = (\"SELECT a \"\n     \"FROM t WHERE id = %s\")\nb = f\"SELECT b FROM {table} WHERE j = '{{}}'\"\nc = r'''SELECT c FROM t WHERE s ~ '\\d' AND n = %(name)s'''\n# \"SELECT not FROM comment\"\nd = \"SELECT d FROM t WHERE p LIKE 'a%%'\" % ()\n";
        var s = Sql("a.py", code);
        Assert.Equal(4, s.Count);
        Assert.Equal("SELECT a FROM t WHERE id = $1", s[0].Text);
        Assert.Equal((2, 7), Where(s[0], "FROM"));
        Assert.Equal("SELECT b FROM $1 WHERE j = '{}'", s[1].Text);
        Assert.Equal("SELECT c FROM t WHERE s ~ '\\d' AND n = $1", s[2].Text);
        Assert.Equal("SELECT d FROM t WHERE p LIKE 'a%%'", s[3].Text);
    }

    [Fact]
    public void Ruby_heredocs_interpolation_and_percent_strings()
    {
        var code = "Q = <<~SQL\n  SELECT a\n  FROM t WHERE id = #{id}\nSQL\nr = %q(SELECT b FROM t WHERE (x) = 1)\ns = 'SELECT c FROM t WHERE n = \\'#{no}\\''\n";
        var s = Sql("a.rb", code);
        Assert.Equal(3, s.Count);
        Assert.Equal("  SELECT a\n  FROM t WHERE id = $1\n", s[0].Text);
        Assert.Equal((3, 3), Where(s[0], "FROM"));
        Assert.Equal("SELECT b FROM t WHERE (x) = 1", s[1].Text);
        Assert.Equal("SELECT c FROM t WHERE n = '#{no}'", s[2].Text);
    }

    [Fact]
    public void Php_single_double_heredoc_nowdoc_and_dot_concatenation()
    {
        var code = "<?php\n$a = 'SELECT a FROM t WHERE id = :id';\n$b = \"SELECT b FROM $table WHERE n = {$o->n}\" . $w;\n$c = <<<SQL\n    SELECT c FROM t WHERE x = $x\n    SQL;\n$d = <<<'SQL'\n    SELECT d FROM t WHERE x = $x\n    SQL;\n# \"SELECT not FROM comment\"\n";
        var s = Sql("a.php", code);
        Assert.Equal(4, s.Count);
        Assert.Equal("SELECT a FROM t WHERE id = :id", s[0].Text);
        Assert.Equal("SELECT b FROM $1 WHERE n = $2$3", s[1].Text);
        Assert.Equal("    SELECT c FROM t WHERE x = $1\n", s[2].Text);
        Assert.Equal("    SELECT d FROM t WHERE x = $x\n", s[3].Text);
        Assert.Equal((5, 14), Where(s[2], "FROM"));
    }

    [Fact]
    public void Format_and_mybatis_placeholders_become_holes_outside_sql_strings()
    {
        var s = Sql("a.java", "String q = \"SELECT a FROM {0} WHERE id = #{id} AND s = '{keep}' AND n = %d\";\n");
        Assert.Equal("SELECT a FROM $1 WHERE id = $2 AND s = '{keep}' AND n = $3", Assert.Single(s).Text);
    }

    [Fact]
    public void Sql_files_are_one_snippet_placed_as_they_stand()
    {
        var s = Assert.Single(SqlExtractor.Extract("q.sql", "-- name: One :one\nSELECT 1;\n\nSELECT a FROM t;\n"));
        Assert.Equal((4, 10), Where(s, "FROM"));
    }

    [Fact]
    public void Unknown_extensions_are_not_read() => Assert.Empty(SqlExtractor.Extract("notes.txt", "SELECT a FROM t"));
}
