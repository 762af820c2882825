using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Oracle;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.SqlServer;
using SchemaFirst.Model;

namespace SchemaFirst.Tests.Generation;

/// <summary>
/// Names built to break generated SQL, written for the engines no server runs for here: the T-SQL SchemaFirst writes is
/// read back by Microsoft's own T-SQL parser (through the T-SQL reader), the Oracle DDL by the Oracle reader, and every
/// table, column, index and foreign key comes back under its exact name; a name an engine cannot hold is a note that
/// names it, never a silent change. (PostgreSQL, SQLite and MariaDB apply the same names for real in the integration
/// tests.)
/// </summary>
public sealed class HostileNameGenerationTests
{
    private static readonly string Longest = new('l', 63);

    private static readonly string Source = HostileNames.Schema(Longest.Length, "\"close]bracket\"");

    private static List<string> Names(Database model) =>
        [.. model.Tables.SelectMany(t => new[] { "table " + t.Name.Name }
            .Concat(t.Columns.Select(c => $"column {t.Name.Name}.{c.Name}"))
            .Concat(t.ForeignKeys.Select(fk => $"fk {t.Name.Name}({string.Join(",", fk.Columns)}) -> {fk.ReferencedTable.Name}")))
            .Concat(model.Indexes.Where(i => !i.Unique).Select(i => "index " + i.Name.Name))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void TSQL_keeps_every_hostile_name_exactly()
    {
        var model = PostgresParser.LoadText(Source, "hostile.sql").Model;
        var generated = SqlServerTarget.Instance.Generate(model, new SchemaFirst.Dialects.SqlGenerationOptions());
        Assert.DoesNotContain(generated.Notes, n => n.Severity == Severity.Error);
        var read = SqlServerReader.Read([("hostile.sql", generated.Text)]);
        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(Names(model), Names(read.Model));
    }

    [Fact]
    public void Oracle_keeps_every_name_it_can_hold_and_names_the_one_it_cannot()
    {
        var model = PostgresParser.LoadText(Source, "hostile.sql").Model;
        var generated = OracleTarget.Instance.Generate(model, new SchemaFirst.Dialects.SqlGenerationOptions());
        var read = OracleReader.Read([("hostile.sql", generated.Text)]);
        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Severity.Error);
        // Oracle forbids a double quote inside a quoted name: that table (and what refers to it) must be named in a note.
        // Lower-case names are written unquoted, as Oracle's own convention has them: the server folds them to upper case.
        var expected = Names(model).Where(n => !n.Contains('"', StringComparison.Ordinal)).Select(n => n.ToUpperInvariant()).ToList();
        var got = Names(read.Model).Where(n => !n.Contains('"', StringComparison.Ordinal)).Select(n => n.ToUpperInvariant()).ToList();
        Assert.Equal(expected, got);
        if (!Names(read.Model).Contains("table we\"ird;--table"))
        {
            Assert.Contains(generated.Notes, n => n.Message.Contains("we\"ird;--table", StringComparison.Ordinal));
        }
    }
}
