using SchemaFirst.Dialects.MySql;
using SchemaFirst.Model;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Planning;

/// <summary>
/// MySQL's offline normal form: two files that say the same schema in the spellings MySQL 8 and MariaDB print
/// differently (or a file writes in several ways) diff to nothing without a server; a real change still shows.
/// </summary>
public sealed class MySqlOfflineFormTests : TempDirectoryTest
{
    private const string AsWritten = """
        CREATE TABLE account (
          id INTEGER UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
          active BOOLEAN NOT NULL DEFAULT TRUE,
          balance NUMERIC(10, 2) NOT NULL DEFAULT '0',
          tries SMALLINT NOT NULL DEFAULT '3',
          born YEAR(4),
          seen DATETIME(3) DEFAULT NOW(3) ON UPDATE LOCALTIMESTAMP(3),
          amount DOUBLE PRECISION
        ) DEFAULT CHARSET=utf8;
        """;

    private const string AsMariaDbPrints = """
        CREATE TABLE `account` (
          `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
          `active` tinyint(1) NOT NULL DEFAULT 1,
          `balance` decimal(10,2) NOT NULL DEFAULT 0.00,
          `tries` smallint(6) NOT NULL DEFAULT 3,
          `born` year(4) DEFAULT NULL,
          `seen` datetime(3) DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
          `amount` double DEFAULT NULL,
          PRIMARY KEY (`id`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;
        """;

    [Fact]
    public void Two_spellings_of_one_schema_diff_to_nothing()
    {
        File.WriteAllText(Path.Combine(Dir, "a.sql"), AsWritten);
        File.WriteAllText(Path.Combine(Dir, "b.sql"), AsMariaDbPrints);
        var diff = CliRunner.Run("diff", Path.Combine(Dir, "a.sql"), Path.Combine(Dir, "b.sql"), "--source-dialect", "mysql");
        Assert.True(diff.Code == 0, diff.Out + diff.Err);
        Assert.Equal("-- No changes.\n", diff.Out);
    }

    [Fact]
    public void A_real_change_between_two_spellings_is_still_planned()
    {
        File.WriteAllText(Path.Combine(Dir, "a.sql"), AsWritten);
        File.WriteAllText(Path.Combine(Dir, "b.sql"), AsMariaDbPrints.Replace("DEFAULT 3", "DEFAULT 4", StringComparison.Ordinal).Replace("decimal(10,2)", "decimal(12,2)", StringComparison.Ordinal));
        var diff = CliRunner.Run("diff", Path.Combine(Dir, "a.sql"), Path.Combine(Dir, "b.sql"), "--source-dialect", "mysql");
        Assert.True(diff.Code == 2, diff.Err);
        Assert.Contains("ALTER TABLE `account` MODIFY COLUMN `tries` smallint NOT NULL DEFAULT 4;", diff.Out, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE `account` MODIFY COLUMN `balance` decimal(12,2) NOT NULL DEFAULT 0.00;", diff.Out, StringComparison.Ordinal);
        Assert.Equal(2, diff.Out.Split('\n').Count(l => l.StartsWith("ALTER TABLE", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_database_default_fills_what_a_file_leaves_out_and_a_default_collation_is_not_said()
    {
        var defaults = MySqlDefaults.Offline with { Charset = "utf8mb4", Collation = "utf8mb4_general_ci" };
        var bare = new Table(new QualifiedName("shop", "t"), new[] { new Column("c", new DataType(TypeKind.VarChar, "varchar(10)", Length: 10), Collation: "COLLATE utf8mb4_bin") }.ToEquatableArray());
        var printed = bare with { Options = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci", Columns = new[] { bare.Columns[0] with { Collation = "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" } }.ToEquatableArray() };
        var a = MySqlCanonicalForm.Apply(Database.Empty with { Tables = new[] { bare }.ToEquatableArray() }, defaults);
        var b = MySqlCanonicalForm.Apply(Database.Empty with { Tables = new[] { printed }.ToEquatableArray() }, defaults);
        Assert.Equal(b, a);
        Assert.Equal("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", a.Tables[0].Options);
        Assert.Equal("CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", a.Tables[0].Columns[0].Collation);
    }
}
