using Microsoft.Data.Sqlite;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// <c>schemafirst apply</c> on real SQLite files, the embedded default: the whole plan in one transaction with the
/// table rebuild's foreign_keys handling, foreign_key_check before commit, history in schemafirst_history, and the
/// same refusals as on PostgreSQL.
/// </summary>
public sealed class SqliteApplyTests : TempDirectoryTest
{
    private const string Shop = """
        CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
        CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, qty integer);
        """;

    private object? Scalar(string file, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={file};Pooling=False");
        conn.Open();
        using var cmd = new SqliteCommand(sql, conn);
        return cmd.ExecuteScalar();
    }

    [Fact]
    public void Apply_creates_the_file_migrates_with_a_rebuild_and_records_history()
    {
        var file = Path.Combine(Dir, "dev.db");
        var url = "sqlite:///" + file;
        var (code, _, stderr) = CliRunner.Run("apply", Write("v1.sql", Shop), "--db", url, "--auto-approve");
        Assert.True(code == 0, stderr);
        using (var conn = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            conn.Open();
            using var cmd = new SqliteCommand("INSERT INTO customers VALUES (1, 'Ada'); INSERT INTO orders VALUES (1, 1, 2), (2, 1, NULL);", conn);
            cmd.ExecuteNonQuery();
        }
        // qty NOT NULL and a new foreign key: SQLite rebuilds the table; the NULL is found before anything runs.
        var v2 = Write("v2.sql", Shop.Replace("customer_id integer, qty integer", "customer_id integer REFERENCES customers (id), qty integer NOT NULL", StringComparison.Ordinal));
        var (refused, _, refusedErr) = CliRunner.Run("apply", v2, "--db", url, "--auto-approve");
        Assert.Equal(1, refused);
        Assert.Contains("main.orders.qty: 1 row is NULL; SET NOT NULL would fail", refusedErr, StringComparison.Ordinal);

        Scalar(file, "UPDATE orders SET qty = 1 WHERE qty IS NULL");
        var (ok, okOut, okErr) = CliRunner.Run("apply", v2, "--db", url, "--auto-approve");
        Assert.True(ok == 0, okErr);
        Assert.Contains("INSERT INTO _schemafirst_new_orders", okOut, StringComparison.Ordinal);
        Assert.Equal(2L, Scalar(file, "SELECT count(*) FROM orders"));
        Assert.Equal("succeeded,refused,succeeded", Scalar(file, "SELECT group_concat(status, ',') FROM (SELECT status FROM schemafirst_history ORDER BY id)"));
        Assert.Equal(0, CliRunner.Run("plan", v2, "--db", url).Code);
    }

    [Fact]
    public void Orphans_found_by_foreign_key_check_roll_the_rebuild_back()
    {
        var file = Path.Combine(Dir, "dev.db");
        var url = "sqlite:///" + file;
        Assert.Equal(0, CliRunner.Run("apply", Write("v1.sql", Shop), "--db", url, "--auto-approve").Code);
        Scalar(file, "INSERT INTO customers VALUES (1, 'Ada'); INSERT INTO orders VALUES (1, 1, 1), (2, 5, 1), (3, 6, 1)");
        var v2 = Write("v2.sql", Shop.Replace("customer_id integer,", "customer_id integer REFERENCES customers (id),", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("apply", v2, "--db", url, "--auto-approve");
        Assert.Equal(1, code);
        Assert.Contains("main.orders (customer_id): 2 rows reference keys missing from main.customers", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("REFERENCES", (string)Scalar(file, "SELECT sql FROM sqlite_master WHERE name = 'orders'")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Destructive_changes_need_the_flag()
    {
        var file = Path.Combine(Dir, "dev.db");
        var url = "sqlite:///" + file;
        Assert.Equal(0, CliRunner.Run("apply", Write("v1.sql", Shop), "--db", url, "--auto-approve").Code);
        var v2 = Write("v2.sql", "CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);");
        var (code, _, stderr) = CliRunner.Run("apply", v2, "--db", url, "--auto-approve");
        Assert.Equal(1, code);
        Assert.Contains("DS101 drop table main.orders", stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("apply", v2, "--db", url, "--auto-approve", "--allow-destructive").Code);
        Assert.Equal(0L, Scalar(file, "SELECT count(*) FROM sqlite_master WHERE name = 'orders'"));
    }
}
