using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Sql;

namespace SchemaFirst.Tests.Lexing;

public class StatementReaderTests
{
    private static (List<RawStatement> Statements, List<Diagnostic> Diagnostics) Read(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var reader = SqlStatementReader.FromString(text, "t.sql", diagnostics);
        var list = new List<RawStatement>();
        while (reader.Next() is { } s) list.Add(s);
        return (list, diagnostics);
    }

    [Fact]
    public void Semicolons_inside_strings_comments_and_dollar_quotes_do_not_end_a_statement()
    {
        var (s, d) = Read("select ';' /* ; */ -- ;\n, $$;$$, $x$ ; $x$, E'\\';' ;\nselect 2;");
        Assert.Empty(d);
        Assert.Equal(2, s.Count);
        Assert.Equal("select 2", s[1].Text);
        Assert.Equal(3, s[1].Line);
    }

    [Fact]
    public void Begin_atomic_bodies_keep_their_semicolons()
    {
        var (s, d) = Read("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;\nSELECT 3;");
        Assert.Empty(d);
        Assert.Equal(2, s.Count);
        Assert.EndsWith("END; END", s[0].Text);
    }

    [Fact]
    public void Psql_meta_commands_end_at_the_end_of_their_line()
    {
        var (s, _) = Read("\\connect shop\nCREATE TABLE t (a int);\n\\set ON_ERROR_STOP on\n");
        Assert.Equal([RawStatementKind.MetaCommand, RawStatementKind.Sql, RawStatementKind.MetaCommand], s.Select(x => x.Kind));
        Assert.Equal("\\connect shop", s[0].Text);
    }

    [Fact]
    public void Copy_from_stdin_data_is_skipped_and_counted()
    {
        var (s, d) = Read("COPY public.t (a, b) FROM stdin;\n1\tx;y\n2\t'\n\\.\nCREATE TABLE u (a int);\n");
        Assert.Empty(d);
        Assert.Equal(2, s.Count);
        Assert.Equal(2, s[0].CopyRows);
        Assert.StartsWith("CREATE TABLE u", s[1].Text);
    }

    [Fact]
    public void Insert_text_is_not_kept()
    {
        var (s, _) = Read("INSERT INTO t VALUES ('a;b', E'\\'');\nCREATE TABLE u (a int);");
        Assert.Equal(RawStatementKind.InsertData, s[0].Kind);
        Assert.Equal("INSERT", s[0].Text);
        Assert.StartsWith("CREATE TABLE u", s[1].Text);
    }

    [Theory]
    [InlineData("select 'abc", DiagnosticCodes.UnterminatedString, 1, 8)]
    [InlineData("select \"abc", DiagnosticCodes.UnterminatedQuotedIdentifier, 1, 8)]
    [InlineData("select 1 /* /* */", DiagnosticCodes.UnterminatedComment, 1, 10)]
    [InlineData("create function f() returns int as $body$\nselect 1;\n", DiagnosticCodes.UnterminatedDollarQuote, 1, 36)]
    [InlineData("COPY t FROM stdin;\n1\n2\n", DiagnosticCodes.UnterminatedCopyData, 1, 1)]
    public void Unterminated_constructs_are_reported_where_they_start(string sql, string code, int line, int column)
    {
        var (_, d) = Read(sql);
        var diag = Assert.Single(d);
        Assert.Equal(code, diag.Code);
        Assert.Equal(Severity.Error, diag.Severity);
        Assert.Equal((line, column), (diag.Location!.Line, diag.Location.Column));
    }

    [Fact]
    public void Directives_are_collected_with_their_position()
    {
        var (s, _) = Read("-- schemafirst:skip\nCREATE TABLE t ( -- schemafirst:renamed-from old_t\n a int);");
        var directives = s[0].Directives;
        Assert.Equal(["skip", "renamed-from"], directives.Select(x => x.Name));
        Assert.Equal("old_t", directives[1].Arguments);
        Assert.Equal(2, directives[1].Line);
    }
}
