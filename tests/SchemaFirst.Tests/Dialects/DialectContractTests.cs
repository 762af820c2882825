using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Model;
using SchemaFirst.Project;

namespace SchemaFirst.Tests.Dialects;

/// <summary>
/// The contract every registered dialect keeps, written once and run per dialect (Dapper's provider-tests pattern):
/// a dialect added to the registry is held to all of it without a new test.
/// </summary>
public class DialectContractTests
{
    public static TheoryData<string> Dialects => new(SqlDialects.All.Select(d => d.Name));

    private static ISqlDialect Get(string name) => SqlDialects.Find(name)!;

    // Portable DDL: each registered dialect reads it as its own source.
    private const string Shop = """
        CREATE TABLE customers (
            id integer PRIMARY KEY,
            name text NOT NULL
        );
        CREATE TABLE orders (
            id integer PRIMARY KEY,
            customer_id integer REFERENCES customers (id),
            total numeric,
            CHECK (total >= 0)
        );
        CREATE INDEX orders_customer ON orders (customer_id);
        CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
        """;

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Its_name_aliases_and_url_schemes_find_it_and_no_other_dialect(string name)
    {
        var dialect = Get(name);
        Assert.Same(dialect, SqlDialects.Find(name.ToUpperInvariant()));
        foreach (var alias in dialect.Aliases) Assert.Same(dialect, SqlDialects.Find(alias));
        foreach (var scheme in dialect.UrlSchemes) Assert.Same(dialect, SqlDialects.ForScheme(scheme));
        foreach (var other in SqlDialects.All.Where(d => d != dialect))
        {
            Assert.Empty(other.Aliases.Append(other.Name).Intersect(dialect.Aliases.Append(dialect.Name), StringComparer.OrdinalIgnoreCase));
            Assert.Empty(other.UrlSchemes.Intersect(dialect.UrlSchemes, StringComparer.OrdinalIgnoreCase));
        }
        Assert.Null(SqlDialects.Find("no-such-dialect"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Its_example_url_parses_to_it_and_never_shows_a_password(string name)
    {
        var dialect = Get(name);
        Assert.True(DatabaseUrl.TryParse(dialect.UrlExample, out var url, out var error), error);
        Assert.Same(dialect, url!.Dialect);
        Assert.Equal(dialect.Server == null, url.IsFile);
        Assert.DoesNotContain("password", url.Display, StringComparison.Ordinal);
        Assert.Contains(url.Database, url.ToConnectionString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Quoted_identifiers_read_back_as_the_same_name(string name)
    {
        var dialect = Get(name);
        // A plain name stays plain, except in MySQL, whose DDL quotes every name as SHOW CREATE TABLE and mysqldump do.
        Assert.Equal(dialect.Name == "mysql" ? "`orders`" : "orders", dialect.QuoteIdentifier("orders"));
        foreach (var tricky in new[] { "Order Items", "say \"hi\"", "select", "table", "MixedCase", "1st", "naïve" })
        {
            var quoted = dialect.QuoteIdentifier(tricky);
            var r = dialect.ParseText($"CREATE TABLE {quoted} ({dialect.QuoteIdentifier(tricky + "_col")} integer);", "quoting.sql");
            Assert.DoesNotContain(r.Diagnostics, d => d.Severity == Severity.Error);
            var table = Assert.Single(r.Model.Tables);
            Assert.Equal((tricky, tricky + "_col"), (table.Name.Name, table.Columns[0].Name));
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Unquoted_names_fold_as_the_dialect_stores_them(string name)
    {
        var dialect = Get(name);
        var table = Assert.Single(dialect.ParseText("CREATE TABLE MixedCase (Id integer);", "fold.sql").Model.Tables);
        Assert.Equal((dialect.FoldIdentifier("MixedCase"), dialect.FoldIdentifier("Id")), (table.Name.Name, table.Columns[0].Name));
        Assert.Equal(dialect.QuoteIdentifier(dialect.FoldIdentifier("MixedCase")), dialect.QuoteName(table.Name).Split('.')[^1]);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void String_literals_read_back_as_the_same_text(string name)
    {
        var dialect = Get(name);
        var literal = dialect.QuoteLiteral("it's \"quoted\"");
        var r = dialect.ParseText($"CREATE TABLE t (note text DEFAULT {literal});", "literal.sql");
        Assert.Contains(literal, Assert.Single(r.Model.Tables).Columns[0].Default, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void What_it_generates_parses_back_to_the_same_model_and_is_byte_identical_each_time(string name)
    {
        var dialect = Get(name);
        var source = dialect.ParseText(Shop, "shop.sql");
        Assert.DoesNotContain(source.Diagnostics, d => d.Severity != Severity.Info);
        Assert.Equal(dialect.Name, source.Model.SourceDialect);
        var first = dialect.Generate(source.Model, new SqlGenerationOptions());
        Assert.False(first.HasErrors);
        Assert.Equal(first.Text, dialect.Generate(source.Model, new SqlGenerationOptions()).Text);
        var again = dialect.ParseText(first.Text, "generated.sql");
        Assert.DoesNotContain(again.Diagnostics, d => d.Severity != Severity.Info);
        ModelAssert.Equal(source.Model, again.Model);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Files_and_text_read_the_same_way(string name)
    {
        var dialect = Get(name);
        var path = Path.Combine(Path.GetTempPath(), $"schemafirst-contract-{Guid.NewGuid():N}.sql");
        File.WriteAllText(path, Shop);
        try
        {
            var fromFile = dialect.Parse([path], new List<Diagnostic>());
            ModelAssert.Equal(dialect.ParseText(Shop, path).Model, fromFile.Model);
            Assert.Equal(1, fromFile.Statistics.Files);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
