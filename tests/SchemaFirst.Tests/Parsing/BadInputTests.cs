using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;

namespace SchemaFirst.Tests.Parsing;

public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sf-bad-" + Guid.NewGuid().ToString("N"));

    public BadInputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void An_empty_file_is_a_warning()
    {
        var r = SqlSource.LoadPostgres([Write("empty.sql", [])]);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.EmptyFile, 1), (d.Severity, d.Code, d.Location!.Line));
    }

    [Fact]
    public void A_binary_file_is_an_error_not_a_crash()
    {
        var r = SqlSource.LoadPostgres([Write("data.sql", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x00])]);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.BinaryFile), (d.Severity, d.Code));
        Assert.Empty(r.Model.Tables);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line_and_column_and_the_rest_still_parses()
    {
        var bytes = Encoding.UTF8.GetBytes("CREATE TABLE a (x int);\nCOMMENT ON TABLE a IS 'bad ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("';\nCREATE TABLE b (y int);\n")).ToArray();
        var r = SqlSource.LoadPostgres([Write("latin.sql", bytes)]);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidUtf8, 2, 28), (d.Code, d.Location!.Line, d.Location.Column));
        Assert.Equal(2, r.Model.Tables.Count);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var r = SqlSource.LoadPostgres([Path.Combine(_dir, "nope.sql")]);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotFound, d.Code);
        Assert.Contains("nope.sql", d.Message);
    }

    [Fact]
    public void Ten_thousand_nested_parentheses_do_not_overflow_the_stack()
    {
        var expr = new string('(', 10_000) + "1" + new string(')', 10_000);
        var db = Sql.Clean($"CREATE TABLE t (a int DEFAULT {expr} CHECK ({expr} > 0));");
        Assert.Equal("1", db.Table("t").Columns[0].Default);
    }

    [Fact]
    public void Unbalanced_parentheses_are_a_syntax_error_and_parsing_goes_on()
    {
        var r = Sql.Parse("CREATE TABLE t (a int DEFAULT ((1);\nCREATE TABLE u (b int);\nCREAT TABLE v (c int);\nCREATE TABLE w (d int);");
        Assert.Equal([DiagnosticCodes.SyntaxError, DiagnosticCodes.SyntaxError], r.Diagnostics.Select(d => d.Code));
        Assert.Equal([1, 3], r.Diagnostics.Select(d => d.Location!.Line));
        Assert.Equal(["u", "w"], r.Model.Tables.Select(t => t.Name.Name));
        // Statements with errors are kept verbatim, never dropped.
        Assert.Equal(2, r.Model.Opaque.Count);
    }

    [Fact]
    public void Syntax_errors_point_at_the_offending_token()
    {
        var r = Sql.Parse("CREATE TABLE t (\n  a int,\n  b int NOT NUL\n);");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 3, 13), (d.Code, d.Location!.Line, d.Location.Column));
        Assert.Contains("'NUL'", d.Message);
    }

    [Fact]
    public void A_hundred_megabyte_dump_is_streamed_with_bounded_memory()
    {
        var path = Path.Combine(_dir, "big.sql");
        long rows = 0;
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            w.Write("CREATE TABLE t (id int PRIMARY KEY, payload text);\nCOPY t (id, payload) FROM stdin;\n");
            var line = new string('x', 200);
            while (w.BaseStream.Length < 50L * 1024 * 1024)
            {
                for (var i = 0; i < 1000; i++, rows++) w.Write($"{rows}\t{line}\n");
            }
            w.Write("\\.\n");
            while (w.BaseStream.Length < 100L * 1024 * 1024)
            {
                for (var i = 0; i < 1000; i++) w.Write($"INSERT INTO t VALUES ({i}, '{line}');\n");
            }
            w.Write("CREATE TABLE after_data (a int);\n");
        }
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var r = SqlSource.LoadPostgres([path]);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["after_data", "t"], r.Model.Tables.Select(t => t.Name.Name));
        Assert.Equal(rows, r.Statistics.CopyRows);
        Assert.True(r.Statistics.DataStatements > 100_000);
        // Nothing of the data is retained: the heap after the load is about what it was before.
        var after = GC.GetTotalMemory(true);
        Assert.True(after - before < 16 * 1024 * 1024, $"heap grew by {(after - before) / 1024 / 1024} MiB");
    }
}
