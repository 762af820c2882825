using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Tests.Parsing;

public class DirectiveTests
{
    private static readonly QualifiedName Orders = new("public", "orders");

    private static (SourceKey Object, SourceDirective Directive) Only(LoadResult r)
    {
        Assert.DoesNotContain(r.Diagnostics, d => d.Severity != Severity.Info);
        var (key, list) = Assert.Single(r.SourceMap.Directives);
        return (key, Assert.Single(list));
    }

    public static TheoryData<string, SourceKind, string?> Placements => new()
    {
        // On the line that declares the object, after it.
        { "CREATE TABLE orders ( -- schemafirst:renamed-from purchases\n  id int\n);", SourceKind.Table, null },
        { "CREATE TABLE orders (\n  id int,\n  total numeric -- schemafirst:renamed-from amount\n);", SourceKind.Column, "total" },
        { "CREATE TABLE orders (\n  id int PRIMARY KEY, -- schemafirst:renamed-from order_id\n  total numeric\n);", SourceKind.Column, "id" },
        // On a line of its own above the object.
        { "-- schemafirst:renamed-from purchases\nCREATE TABLE orders (id int);", SourceKind.Table, null },
        { "CREATE TABLE orders (\n  id int,\n  -- schemafirst:renamed-from amount\n  total numeric\n);", SourceKind.Column, "total" },
        // After the semicolon, on the statement's last line.
        { "CREATE TABLE orders (id int); -- schemafirst:renamed-from purchases\nCREATE TABLE other (x int);", SourceKind.Table, null },
        // A column added later.
        { "CREATE TABLE orders (id int);\nALTER TABLE orders ADD COLUMN total numeric; -- schemafirst:renamed-from amount", SourceKind.Column, "total" },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void A_renamed_from_directive_is_kept_with_the_object_it_is_written_on(string sql, SourceKind kind, string? member)
    {
        var (key, directive) = Only(Sql.Parse(sql));
        Assert.Equal(new SourceKey(kind, Orders, member), key);
        Assert.Equal("renamed-from", directive.Name);
        Assert.NotNull(directive.RenamedFrom);
        Assert.Null(directive.IgnoredRule);
        Assert.Equal("test.sql", directive.Location.Path);
    }

    [Fact]
    public void An_ignore_directive_keeps_its_rule_and_reason_and_its_place()
    {
        var r = Sql.Parse("CREATE TABLE orders (\n  id int,\n  note text -- schemafirst:ignore NM101 the column name comes from the partner's feed\n);");
        var (key, directive) = Only(r);
        Assert.Equal(new SourceKey(SourceKind.Column, Orders, "note"), key);
        Assert.Equal(("NM101", "the column name comes from the partner's feed"), (directive.IgnoredRule, directive.IgnoreReason));
        Assert.Equal((3, 13), (directive.Location.Line, directive.Location.Column));
        Assert.Same(directive, Assert.Single(r.SourceMap.DirectivesOf(SourceKind.Column, Orders, "note")));
        Assert.Empty(r.SourceMap.DirectivesOf(SourceKind.Table, Orders));
    }

    [Fact]
    public void Several_directives_on_one_table_are_all_kept_in_order()
    {
        var r = Sql.Parse("-- schemafirst:ignore PK001 rows come from an append-only log\nCREATE TABLE orders ( -- schemafirst:renamed-from purchases\n  id int\n);");
        var list = r.SourceMap.DirectivesOf(SourceKind.Table, Orders);
        Assert.Equal(["ignore", "renamed-from"], list.Select(d => d.Name));
    }

    [Fact]
    public void A_directive_on_a_statement_that_declares_nothing_is_reported_not_dropped()
    {
        var r = Sql.Parse("CREATE TABLE orders (id int);\nSET search_path = public; -- schemafirst:renamed-from nothing\n");
        var d = Assert.Single(r.Diagnostics, d => d.Severity == Severity.Warning);
        Assert.Equal(DiagnosticCodes.DirectiveWithoutObject, d.Code);
        Assert.Equal(2, d.Location!.Line);
        Assert.Empty(r.SourceMap.Directives);
    }

    [Fact]
    public void Directives_survive_in_sqlite_sources_too()
    {
        var r = SqlSource.ParseSqlite("CREATE TABLE Orders (\n  Id INTEGER PRIMARY KEY,\n  Total REAL -- schemafirst:renamed-from Amount\n);", "app.sql");
        var (key, directive) = Only(r);
        Assert.Equal(new SourceKey(SourceKind.Column, new QualifiedName("main", "Orders"), "Total"), key);
        Assert.Equal("Amount", directive.RenamedFrom);
    }
}
