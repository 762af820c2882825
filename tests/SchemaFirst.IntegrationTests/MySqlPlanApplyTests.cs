using MySqlConnector;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// plan, apply and drift on a real MariaDB: a schema from nothing (Sakila, with its views, triggers and procedures; the
/// PostgreSQL examples converted), an applied plan that plans nothing again, every kind of change a team makes in a
/// release with the data kept, the pre-flight refusal of a change the data does not allow, a failure in the middle of a
/// plan (MySQL's DDL is not transactional) recorded and finished by the next apply, the apply lock, and drift.
/// </summary>
public sealed class MySqlPlanApplyTests : TempDirectoryTest
{
    private static string UrlOf(string database)
    {
        var uri = new Uri(MariaDbServer.Url!);
        return $"mysql://{uri.UserInfo}@{uri.Host}:{uri.Port}/{database}";
    }

    private static (int Code, string Out, string Err) Plan(string source, string url, params string[] more) =>
        CliRunner.Run(["plan", source, "--source-dialect", "mysql", "--db", url, .. more]);

    private static (int Code, string Out, string Err) Apply(string source, string url, params string[] more) =>
        CliRunner.Run(["apply", source, "--source-dialect", "mysql", "--db", url, "--auto-approve", .. more]);

    [MariaDbFact]
    public async Task Sakila_is_planned_from_nothing_applied_and_then_plans_nothing()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var sakila = Path.Combine(TestPaths.Corpus, "sakila_jooq/mysql-sakila-db/mysql-sakila-schema.sql");
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        var first = Plan(sakila, url);
        Assert.True(first.Code == 2, first.Err);
        Assert.Contains("MySQL commits each statement on its own", first.Out, StringComparison.Ordinal);
        // The procedures and triggers hold semicolons: the script is one the mysql client runs as it is.
        Assert.Contains("DELIMITER ;;\nCREATE PROCEDURE `film_in_stock`", first.Out, StringComparison.Ordinal);

        var applied = Apply(sakila, url);
        Assert.True(applied.Code == 0, applied.Err);
        Assert.DoesNotContain("differences from the desired schema remain", applied.Err, StringComparison.Ordinal);
        Assert.Equal(16, await db.ScalarAsync($"SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'schemafirst_history'"));
        Assert.Equal(7, await db.ScalarAsync($"SELECT count(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '{db.Name}'"));
        Assert.Equal(3, await db.ScalarAsync($"SELECT count(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '{db.Name}'"));
        Assert.Equal(6, await db.ScalarAsync($"SELECT count(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '{db.Name}'"));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM schemafirst_history WHERE status = 'succeeded' AND statements_done = statements_total AND statements_total > 30"));
        // The database works as Sakila does: a row in film fires its trigger into film_text.
        await db.ExecuteAsync("INSERT INTO language (name) VALUES ('English'); INSERT INTO film (title, description, language_id) VALUES ('ACE', 'a film', 1)");
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM film_text WHERE title = 'ACE'"));

        var again = Plan(sakila, url);
        Assert.True(again.Code == 0, again.Out + again.Err);
        Assert.Equal("-- No changes.\n", again.Out);
        var drift = CliRunner.Run("drift", sakila, "--source-dialect", "mysql", "--db", url);
        Assert.True(drift.Code == 0, drift.Out + drift.Err);
    }

    /// <summary>
    /// Without the dev database (--offline), the files and the database they built compare in MySQL's offline normal
    /// form: every table, column type (display widths), default (current_timestamp(), numbers), character set and
    /// collation, index, foreign key, trigger and routine head matches; only view bodies, which the server rewrites into
    /// its own deparse, are planned again (one drop and one add per view, the same gap PostgreSQL's offline form has).
    /// </summary>
    [MariaDbTheory]
    [InlineData("sakila_jooq/mysql-sakila-db/mysql-sakila-schema.sql", 7)]
    [InlineData("chinook/ChinookDatabase/DataSources/Chinook_MySql.sql", 0)]
    public async Task Offline_the_files_and_the_database_they_built_differ_only_in_view_bodies(string file, int views)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var source = Path.Combine(TestPaths.Corpus, file);
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        var applied = Apply(source, url);
        Assert.True(applied.Code == 0, applied.Err);
        var offline = Plan(source, url, "--offline");
        var changes = offline.Out.Split('\n').Where(l => l.StartsWith("-- ", StringComparison.Ordinal) && !l.StartsWith("-- hazard", StringComparison.Ordinal)).Skip(3)
            .Where(l => !l.StartsWith("-- MySQL commits", StringComparison.Ordinal) && !l.StartsWith("-- after a failure", StringComparison.Ordinal)).ToList();
        if (views == 0)
        {
            Assert.True(offline.Code == 0, offline.Out + offline.Err);
            Assert.Equal("-- No changes.\n", offline.Out);
            return;
        }
        Assert.True(offline.Code == 2, offline.Err);
        Assert.Equal(2 * views, changes.Count);
        Assert.All(changes, c => Assert.Matches("^-- (drop|add) view ", c));
    }

    [MariaDbFact]
    public async Task Offline_a_file_spelled_unlike_the_server_plans_nothing_against_the_database_it_built()
    {
        // Widths, BOOLEAN, INTEGER, NUMERIC, NOW(), TRUE, quoted numbers, utf8, a default collation, no ENGINE: all as
        // MariaDB will print them otherwise.
        File.WriteAllText(Path.Combine(Dir, "s.sql"), """
            CREATE TABLE account (
              id INTEGER UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              active BOOLEAN NOT NULL DEFAULT TRUE,
              balance NUMERIC(10, 2) NOT NULL DEFAULT '0',
              tries SMALLINT NOT NULL DEFAULT '3',
              born YEAR(4),
              note VARCHAR(20) CHARACTER SET utf8 COLLATE utf8_general_ci,
              seen DATETIME(3) DEFAULT NOW(3) ON UPDATE LOCALTIMESTAMP(3),
              stamp TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
            ) DEFAULT CHARSET=utf8mb4;
            CREATE TABLE entry (id BIGINT NOT NULL PRIMARY KEY, account_id INT UNSIGNED NOT NULL, amount DOUBLE PRECISION,
              FOREIGN KEY (account_id) REFERENCES account (id));
            """);
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        var applied = Apply(Path.Combine(Dir, "s.sql"), url);
        Assert.True(applied.Code == 0, applied.Err);
        var offline = Plan(Path.Combine(Dir, "s.sql"), url, "--offline");
        Assert.True(offline.Code == 0, offline.Out + offline.Err);
        // And a real change is still seen offline.
        File.WriteAllText(Path.Combine(Dir, "s.sql"), File.ReadAllText(Path.Combine(Dir, "s.sql")).Replace("DEFAULT '3'", "DEFAULT '5'", StringComparison.Ordinal));
        var changed = Plan(Path.Combine(Dir, "s.sql"), url, "--offline");
        Assert.True(changed.Code == 2, changed.Err);
        Assert.Contains("ALTER TABLE `account` MODIFY COLUMN `tries` smallint NOT NULL DEFAULT 5;", changed.Out, StringComparison.Ordinal);
    }

    [MariaDbFact]
    public async Task A_plan_written_as_sql_runs_in_the_mysql_client_and_leaves_nothing_to_plan()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var sakila = Path.Combine(TestPaths.Corpus, "sakila_jooq/mysql-sakila-db/mysql-sakila-schema.sql");
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        var plan = Plan(sakila, url);
        Assert.Equal(2, plan.Code);
        await MariaDbServer.ApplyWithClientAsync(db.Name, plan.Out);
        Assert.Equal("-- No changes.\n", Plan(sakila, url).Out);
    }

    [MariaDbFact]
    public async Task The_postgresql_examples_converted_to_mysql_apply_and_then_plan_nothing()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        var applied = CliRunner.Run("apply", TestPaths.Examples, "--db", url, "--auto-approve");
        Assert.True(applied.Code == 0, applied.Err);
        Assert.Contains("MySQL cannot hold are left out of the plan", applied.Err, StringComparison.Ordinal);
        Assert.True(await db.ScalarAsync($"SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_TYPE = 'BASE TABLE'") >= 20);
        var again = CliRunner.Run("plan", TestPaths.Examples, "--db", url);
        Assert.True(again.Code == 0, again.Out + again.Err);
        Assert.Equal("-- No changes.\n", again.Out);
    }

    private const string Release1 = """
        CREATE TABLE customers (
          id INT NOT NULL AUTO_INCREMENT,
          name VARCHAR(100) NOT NULL,
          email VARCHAR(200) NULL,
          updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
          PRIMARY KEY (id)
        ) ENGINE=InnoDB COMMENT='people who buy';
        CREATE TABLE orders (
          id INT NOT NULL AUTO_INCREMENT,
          customer_id INT NOT NULL,
          status ENUM('new','paid') NOT NULL DEFAULT 'new',
          total DECIMAL(10,2) NOT NULL,
          PRIMARY KEY (id),
          CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
        ) ENGINE=InnoDB;
        CREATE VIEW order_totals AS SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id;
        """;

    // A release: a column added in the middle, a column renamed, an enum value added, a type widened, an index and a
    // check added, a comment changed, the view changed, a trigger added.
    private const string Release2 = """
        CREATE TABLE customers (
          id INT NOT NULL AUTO_INCREMENT,
          name VARCHAR(100) NOT NULL,
          phone VARCHAR(20) NULL COMMENT 'with country code',
          email_address VARCHAR(200) NULL, -- schemafirst:renamed-from email
          updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
          PRIMARY KEY (id)
        ) ENGINE=InnoDB COMMENT='people who buy from us';
        CREATE TABLE orders (
          id INT NOT NULL AUTO_INCREMENT,
          customer_id INT NOT NULL,
          status ENUM('new','paid','shipped') NOT NULL DEFAULT 'new',
          total DECIMAL(12,2) NOT NULL,
          PRIMARY KEY (id),
          KEY orders_status (status),
          CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
          CONSTRAINT orders_total_positive CHECK (total >= 0)
        ) ENGINE=InnoDB;
        CREATE VIEW order_totals AS SELECT customer_id, SUM(total) AS spent, COUNT(*) AS orders FROM orders GROUP BY customer_id;
        DELIMITER ;;
        CREATE TRIGGER orders_paid BEFORE UPDATE ON orders FOR EACH ROW
        BEGIN
          IF NEW.status = 'shipped' AND OLD.status = 'new' THEN SET NEW.status = 'paid'; END IF;
        END;;
        DELIMITER ;
        """;

    [MariaDbFact]
    public async Task A_release_of_changes_applies_in_place_with_the_data_kept_and_then_plans_nothing()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        var v1 = Write("v1.sql", Release1);
        Assert.Equal(0, Apply(v1, url).Code);
        await db.ExecuteAsync("INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.com'), ('Grace', NULL); INSERT INTO orders (customer_id, status, total) VALUES (1, 'paid', 12.50), (1, 'new', 99999999.99)");

        var v2 = Write("v2.sql", Release2);
        var plan = Plan(v2, url);
        Assert.True(plan.Code == 2, plan.Err);
        Assert.Contains("ALTER TABLE `customers` ADD COLUMN `phone` varchar(20) NULL COMMENT 'with country code' AFTER `name`", plan.Out, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE `customers` RENAME COLUMN `email` TO `email_address`", plan.Out, StringComparison.Ordinal);
        Assert.Contains("MODIFY COLUMN `status` enum('new','paid','shipped') NOT NULL DEFAULT 'new'", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP COLUMN", plan.Out, StringComparison.Ordinal);

        var applied = Apply(v2, url);
        Assert.True(applied.Code == 0, applied.Err);
        Assert.Equal("-- No changes.\n", Plan(v2, url).Out);
        // The data is where the new schema says: the renamed column kept its values, the new one sits after name.
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM customers WHERE email_address = 'ada@example.com'"));
        Assert.Equal(3, await db.ScalarAsync($"SELECT ORDINAL_POSITION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'phone'"));
        Assert.Equal(2, await db.ScalarAsync("SELECT orders FROM order_totals WHERE customer_id = 1"));
        await db.ExecuteAsync("UPDATE orders SET status = 'shipped' WHERE id = 2");
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM orders WHERE id = 2 AND status = 'paid'"));
        await Assert.ThrowsAsync<MySqlException>(() => db.ExecuteAsync("INSERT INTO orders (customer_id, total) VALUES (1, -1)"));

        // Back to release 1: destructive (the phone column and the trigger go), refused unless allowed.
        var back = Write("v1-again.sql", Release1.Replace("email VARCHAR(200) NULL,", "email VARCHAR(200) NULL, -- schemafirst:renamed-from email_address", StringComparison.Ordinal));
        var refused = Apply(back, url);
        Assert.NotEqual(0, refused.Code);
        Assert.Contains("phone", refused.Err, StringComparison.Ordinal);
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'phone'"));
    }

    [MariaDbFact]
    public async Task A_renamed_table_keeps_its_rows_and_online_changes_ask_the_server_not_to_block_writes()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        Assert.Equal(0, Apply(Write("v1.sql", Release1), url).Code);
        await db.ExecuteAsync("INSERT INTO customers (name) VALUES ('Ada'), ('Grace')");
        var v2 = Write("v2.sql", Release1
            .Replace("CREATE TABLE customers (", "CREATE TABLE clients ( -- schemafirst:renamed-from customers", StringComparison.Ordinal)
            .Replace("REFERENCES customers (id)", "REFERENCES clients (id)", StringComparison.Ordinal)
            .Replace("  total DECIMAL(10,2) NOT NULL,", "  total DECIMAL(10,2) NOT NULL,\n  placed_at DATETIME NULL,\n  KEY orders_total (total),", StringComparison.Ordinal));
        var plan = Plan(v2, url, "--online");
        Assert.True(plan.Code == 2, plan.Err);
        Assert.Contains("RENAME TABLE `customers` TO `clients`", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE", plan.Out, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX `orders_total` ON `orders` (`total`) ALGORITHM=INPLACE LOCK=NONE", plan.Out, StringComparison.Ordinal);
        Assert.Contains("ADD COLUMN `placed_at` datetime NULL, ALGORITHM=INSTANT", plan.Out, StringComparison.Ordinal);
        var applied = Apply(v2, url, "--online");
        Assert.True(applied.Code == 0, applied.Err);
        Assert.Equal(2, await db.ScalarAsync("SELECT count(*) FROM clients"));
        Assert.Equal("-- No changes.\n", Plan(v2, url).Out);
    }

    private const string Keys1 = """
        CREATE TABLE counters (id INT NOT NULL AUTO_INCREMENT, label VARCHAR(20) NOT NULL, KEY counters_id (id)) ENGINE=InnoDB;
        CREATE TABLE parents (id INT NOT NULL AUTO_INCREMENT, tenant INT NOT NULL DEFAULT 1, PRIMARY KEY (id)) ENGINE=InnoDB;
        CREATE TABLE ledgers (id INT NOT NULL AUTO_INCREMENT, tenant INT NOT NULL DEFAULT 1, PRIMARY KEY (id)) ENGINE=InnoDB;
        CREATE TABLE kids (
          id INT NOT NULL PRIMARY KEY,
          parent_id INT NOT NULL,
          total INT NOT NULL DEFAULT 0,
          doubled INT AS (total * 2) STORED,
          path ENUM('C:\\temp','D:\\') NOT NULL DEFAULT 'C:\\temp' COMMENT 'a \\ in a comment',
          KEY kids_parent (parent_id),
          CONSTRAINT kids_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
        """;

    // The changes MySQL refuses as single statements: the index a foreign key uses widened, a primary key over an
    // AUTO_INCREMENT column changed; and a table's charset changed, which must carry its columns along.
    private static readonly string Keys2 = Keys1
        .Replace("KEY kids_parent (parent_id)", "KEY kids_parent (parent_id, total)", StringComparison.Ordinal)
        .Replace("tenant INT NOT NULL DEFAULT 1, PRIMARY KEY (id)) ENGINE=InnoDB;\nCREATE TABLE kids", "tenant INT NOT NULL DEFAULT 1, PRIMARY KEY (id, tenant)) ENGINE=InnoDB;\nCREATE TABLE kids", StringComparison.Ordinal)
        .Replace("DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin", "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci", StringComparison.Ordinal)
        .Replace(@"'D:\\')", @"'D:\\','E:\\')", StringComparison.Ordinal);

    [MariaDbFact]
    public async Task Keys_mysql_will_not_change_alone_change_together_and_what_the_files_say_survives_the_round_trip()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        var v1 = Write("v1.sql", Keys1);
        var first = Apply(v1, url);
        Assert.True(first.Code == 0, first.Err);
        // An AUTO_INCREMENT column whose only key is an index, a stored generated column, backslashes in an ENUM and a
        // comment: applied, and then nothing to plan.
        Assert.Equal("-- No changes.\n", Plan(v1, url).Out);
        await db.ExecuteAsync("INSERT INTO parents (tenant) VALUES (1); INSERT INTO kids (id, parent_id, total) VALUES (1, 1, 4)");
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM kids WHERE path = 'C:\\\\temp' AND doubled = 8"));

        var v2 = Write("v2.sql", Keys2);
        Assert.Contains("E:", Keys2, StringComparison.Ordinal);
        var plan = Plan(v2, url);
        Assert.Contains("ALTER TABLE `kids` DROP INDEX `kids_parent`, ADD INDEX `kids_parent` (`parent_id`, `total`)", plan.Out, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE `ledgers` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `tenant`)", plan.Out, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE `kids` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", plan.Out, StringComparison.Ordinal);
        var applied = Apply(v2, url);
        Assert.True(applied.Code == 0, applied.Err);
        Assert.Equal("-- No changes.\n", Plan(v2, url).Out);
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM kids WHERE path = 'C:\\\\temp'"));
    }

    [MariaDbFact]
    public async Task A_plan_never_touches_another_database_the_files_name()
    {
        await using var victim = await MariaDbServer.CreateDatabaseAsync();
        await victim.ExecuteAsync("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(10)); INSERT INTO orders VALUES (1, 'keep me')");
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        // A dump of another database, with its USE and a DROP naming it: the plan reads the schema, and sends none of that.
        var source = Write("dump.sql", $"CREATE DATABASE IF NOT EXISTS `{victim.Name}`;\nUSE `{victim.Name}`;\nDROP TABLE IF EXISTS `{victim.Name}`.`orders`;\n"
            + $"CREATE TABLE `{victim.Name}`.`orders` (id INT PRIMARY KEY, note VARCHAR(10), extra INT);\n");
        var plan = Plan(source, url);
        Assert.True(plan.Code == 2, plan.Err);
        var applied = Apply(source, url);
        Assert.True(applied.Code == 0, applied.Err);
        Assert.Equal(1, await victim.ScalarAsync("SELECT count(*) FROM orders WHERE note = 'keep me'"));
        Assert.Equal(0, await victim.ScalarAsync($"SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{victim.Name}' AND COLUMN_NAME = 'extra'"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'extra'"));
    }

    [MariaDbFact]
    public async Task A_change_the_data_does_not_allow_is_refused_before_anything_runs()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        Assert.Equal(0, Apply(Write("v1.sql", Release1), url).Code);
        await db.ExecuteAsync("INSERT INTO customers (name) VALUES ('Bartholomew'), ('Ada'), ('Maximilian')");
        var narrower = Write("v2.sql", Release1.Replace("name VARCHAR(100)", "name VARCHAR(5)", StringComparison.Ordinal).Replace("status ENUM('new','paid')", "status ENUM('new','paid','void')", StringComparison.Ordinal));
        var refused = Apply(narrower, url, "--allow-destructive");
        Assert.NotEqual(0, refused.Code);
        Assert.Contains("customers.name: 2 rows are longer than 5 characters", refused.Err, StringComparison.Ordinal);
        // Nothing ran: not even the enum change, which came first and would have worked.
        Assert.Equal(0, await db.ScalarAsync($"SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db.Name}' AND COLUMN_TYPE LIKE '%void%'"));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM schemafirst_history WHERE status = 'refused' AND statements_done = 0"));
    }

    [MariaDbFact]
    public async Task A_failure_in_the_middle_is_recorded_with_what_ran_and_the_next_apply_finishes_the_work()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        const string v1 = "CREATE TABLE a_first (id INT NOT NULL PRIMARY KEY);\nCREATE TABLE b_second (id INT NOT NULL PRIMARY KEY);\n";
        Assert.Equal(0, Apply(Write("v1.sql", v1), url).Code);
        var v2 = Write("v2.sql", v1.Replace("(id INT NOT NULL PRIMARY KEY)", "(id INT NOT NULL PRIMARY KEY, note VARCHAR(10) NULL)", StringComparison.Ordinal));
        var plan = Plan(v2, url);
        Assert.True(plan.Out.IndexOf("`a_first`", StringComparison.Ordinal) < plan.Out.IndexOf("`b_second`", StringComparison.Ordinal), plan.Out);

        // Another session reads b_second in an open transaction: its metadata lock holds the second ALTER back.
        await using (var holder = new MySqlConnection(MariaDbServer.ConnectionString(db.Name)))
        {
            await holder.OpenAsync();
            await using (var cmd = new MySqlCommand("START TRANSACTION; SELECT * FROM b_second;", holder)) await cmd.ExecuteNonQueryAsync();
            var failed = Apply(v2, url, "--lock-timeout", "1s");
            Assert.Equal(4, failed.Code);
            Assert.Contains("lock_wait_timeout (1s) reached", failed.Err, StringComparison.Ordinal);
            Assert.Contains("1 of 2 statements took effect", failed.Err, StringComparison.Ordinal);
        }
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM schemafirst_history WHERE status = 'failed' AND statements_done = 1 AND statements_total = 2"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db.Name}' AND COLUMN_NAME = 'note'"));

        var rest = Plan(v2, url);
        Assert.Contains("1 change, 1 statement", rest.Out, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE `b_second` ADD COLUMN", rest.Out, StringComparison.Ordinal);
        var finished = Apply(v2, url);
        Assert.True(finished.Code == 0, finished.Err);
        Assert.Equal("-- No changes.\n", Plan(v2, url).Out);
    }

    [MariaDbFact]
    public async Task A_second_apply_is_refused_while_one_holds_the_lock()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        await using var holder = new MySqlConnection(MariaDbServer.ConnectionString(db.Name));
        await holder.OpenAsync();
        await using (var cmd = new MySqlCommand("DO GET_LOCK(CONCAT('schemafirst:', SHA1(DATABASE())), 0)", holder)) await cmd.ExecuteNonQueryAsync();
        var refused = Apply(Write("v1.sql", Release1), url);
        Assert.NotEqual(0, refused.Code);
        Assert.Contains("connection ", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync($"SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_NAME = 'customers'"));
    }

    [MariaDbFact]
    public async Task Drift_names_what_was_changed_by_hand()
    {
        await using var db = await MariaDbServer.CreateDatabaseAsync();
        var url = UrlOf(db.Name);
        var v1 = Write("v1.sql", Release1);
        Assert.Equal(0, Apply(v1, url).Code);
        await db.ExecuteAsync("ALTER TABLE customers ADD COLUMN note TEXT NULL; ALTER TABLE orders MODIFY COLUMN total DECIMAL(14,2) NOT NULL");
        var drift = CliRunner.Run("drift", v1, "--source-dialect", "mysql", "--db", url);
        Assert.True(drift.Code == 2, drift.Out + drift.Err);
        Assert.Contains("note", drift.Out, StringComparison.Ordinal);
        Assert.Contains("type: the database has decimal(14,2), the source decimal(10,2)", drift.Out, StringComparison.Ordinal);
    }
}
