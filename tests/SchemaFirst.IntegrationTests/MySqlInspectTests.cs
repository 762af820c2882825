using System.Globalization;
using MySqlConnector;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.MySql;
using SchemaFirst.Model;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// inspect mysql:// on a real MariaDB: each MySQL corpus file, applied with the mariadb client, read back through
/// SHOW CREATE and the MySQL reader, holds what the file parsed holds (tables, columns with their kinds, sizes,
/// nullability and auto-increment, keys, foreign keys with their actions, indexes, checks, enums, views, triggers,
/// routines); the indexes InnoDB adds for foreign keys are the one documented difference.
/// </summary>
// The corpus files make and USE databases of fixed names (Chinook, sakila): these classes never run at once.
[Collection("MariaDB corpus databases")]
public sealed class MySqlInspectTests
{
    [MariaDbTheory]
    [InlineData("sakila_jooq/mysql-sakila-db/mysql-sakila-schema.sql")]
    [InlineData("chinook/ChinookDatabase/DataSources/Chinook_MySql.sql")]
    public async Task A_database_applied_from_a_mysql_file_reads_back_as_the_file_parsed(string file)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var path = Path.Combine(TestPaths.Corpus, file);
        var text = File.ReadAllText(path);
        var parsed = MySqlReader.Read([(path, text)]).Model;
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var use = System.Text.RegularExpressions.Regex.Match(text, @"(?im)^\s*USE\s+`?(\w+)`?\s*;");
        var database = use.Success ? use.Groups[1].Value : db.Name;
        try
        {
            await MariaDbServer.ApplyWithClientAsync(db.Name, text);
            await using var conn = new MySqlConnection(MariaDbServer.ConnectionString(database));
            await conn.OpenAsync();
            var result = await SchemaFirst.Dialects.MySql.MySqlDialect.Instance.InspectAsync(conn, new InspectOptions([], []));
            Assert.DoesNotContain(result.Load.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
            var expected = Shape(parsed, parsed);
            var actual = Shape(result.Load.Model, parsed);
            Assert.True(expected.SequenceEqual(actual), Diff(expected, actual));
            // The same through the command line: a mysql:// URL, exit 0, one CREATE TABLE per table.
            var uri = new Uri(MariaDbServer.Url!);
            var url = $"mysql://{uri.UserInfo}@{uri.Host}:{uri.Port}/{database}";
            var (code, stdout, err) = CliRunner.Run("inspect", url);
            Assert.True(code == 0, err);
            Assert.Equal(parsed.Tables.Count, stdout.Split('\n').Count(l => l.StartsWith("CREATE TABLE", StringComparison.Ordinal)));
            Assert.DoesNotContain(uri.UserInfo.Contains(':') ? uri.UserInfo.Split(':')[1] : "\0", stdout + err, StringComparison.Ordinal);
        }
        finally
        {
            if (database != db.Name) await db.ExecuteAsync($"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    [MariaDbFact]
    public void A_url_without_a_database_or_server_is_a_clear_error()
    {
        var uri = new Uri(MariaDbServer.Url!);
        var none = CliRunner.Run("inspect", $"mysql://{uri.UserInfo}@{uri.Host}:{uri.Port}/");
        Assert.Equal(3, none.Code);
        Assert.Contains("the URL names no database: write it as mysql://user@127.0.0.1:3306/shop", none.Err, StringComparison.Ordinal);
        var down = CliRunner.Run("inspect", "mysql://root@127.0.0.1:1/shop");
        Assert.Equal(4, down.Code);
        Assert.Contains("cannot read mysql://root@127.0.0.1:1/shop", down.Err, StringComparison.Ordinal);
    }

    /// <summary>
    /// What MySQL holds of a model, one line per fact, sorted. An index the database has and the file does not, on a
    /// foreign key's leading columns, is InnoDB's own (it indexes every foreign key) and left out.
    /// </summary>
    private static List<string> Shape(Database m, Database source)
    {
        var lines = new List<string>();
        var sourceIndexes = source.Indexes.Select(i => i.Table.Name + ":" + string.Join(",", i.Elements.Select(e => e.Column))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var t in m.Tables)
        {
            var name = t.Name.Name.ToLowerInvariant();
            lines.Add($"table {name}");
            foreach (var c in t.Columns)
            {
                lines.Add($"column {name}.{c.Name} {c.Type.Kind} len={c.Type.Length} p={c.Type.Precision} s={c.Type.Scale} notnull={c.NotNull} auto={c.Identity != null} default={c.Default != null} generated={c.Generated != null}");
            }
            if (t.PrimaryKey is { } pk) lines.Add($"pk {name} ({string.Join(",", pk.Columns)})");
            foreach (var u in t.Uniques) lines.Add($"unique {name} ({string.Join(",", u.Columns)})");
            foreach (var fk in t.ForeignKeys)
            {
                lines.Add($"fk {name} ({string.Join(",", fk.Columns)}) -> {fk.ReferencedTable.Name.ToLowerInvariant()} ({string.Join(",", fk.ReferencedColumns)}) delete={fk.OnDelete} update={fk.OnUpdate}");
            }
            lines.Add($"checks {name} {t.Checks.Count}");
            foreach (var i in m.Indexes.Where(i => i.Table == t.Name))
            {
                var cols = string.Join(",", i.Elements.Select(e => e.Column));
                var own = t.ForeignKeys.Any(fk => string.Join(",", fk.Columns).StartsWith(cols, StringComparison.OrdinalIgnoreCase) || cols.StartsWith(string.Join(",", fk.Columns), StringComparison.OrdinalIgnoreCase));
                if (!sourceIndexes.Contains(t.Name.Name + ":" + cols) && own) continue;
                lines.Add($"index {name} ({cols}) unique={i.Unique} {i.Method}");
            }
        }
        foreach (var e in m.Enums) lines.Add($"enum {e.Name.Name.ToLowerInvariant()} {string.Join("|", e.Labels)}");
        foreach (var v in m.Views) lines.Add($"view {v.Name.Name.ToLowerInvariant()}");
        foreach (var tr in m.Triggers) lines.Add($"trigger {tr.Table.Name.ToLowerInvariant()}.{tr.Name.ToLowerInvariant()}");
        lines.Add($"routines {m.Opaque.Count}");
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Diff(List<string> expected, List<string> actual) =>
        "only in the file: " + string.Join("\n  ", expected.Except(actual).Take(20)) + "\nonly in the database: " + string.Join("\n  ", actual.Except(expected).Take(20));
}
