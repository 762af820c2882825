using Microsoft.Data.Sqlite;
using SchemaFirst.Cli;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Project;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The engine half of the dialect contract, written once against <see cref="ISqlDialect"/> and run on each dialect's
/// real engine: what a dialect generates applies to a new database through the CLI's driver, and its inspector reads
/// back the model the source parsed to. Every registered dialect must have its engine here.
/// </summary>
public sealed class DialectContractTests
{
    // Written as the engines print it back, so that parse and inspect meet without a dev database.
    private const string Shop = """
        CREATE TABLE customers (
            id integer NOT NULL,
            name text NOT NULL,
            CONSTRAINT customers_pkey PRIMARY KEY (id)
        );
        CREATE TABLE orders (
            id integer NOT NULL,
            customer_id integer,
            total numeric,
            CONSTRAINT orders_pkey PRIMARY KEY (id),
            CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id)
        );
        CREATE INDEX orders_customer ON orders (customer_id);
        """;

    // MySQL as MariaDB prints it back (display widths, DEFAULT NULL, the table's options, the foreign key inside its table).
    private const string MySqlShop = """
        CREATE TABLE `customers` (
          `id` int(11) NOT NULL,
          `name` text NOT NULL,
          PRIMARY KEY (`id`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
        CREATE TABLE `orders` (
          `id` int(11) NOT NULL,
          `customer_id` int(11) DEFAULT NULL,
          `total` decimal(10,2) DEFAULT NULL,
          PRIMARY KEY (`id`),
          KEY `orders_customer` (`customer_id`),
          CONSTRAINT `orders_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
        """;

    private static string ShopIn(ISqlDialect dialect) => dialect.Name == "mysql" ? MySqlShop : Shop;

    private static readonly Dictionary<string, Func<Task<(DatabaseUrl Url, IAsyncDisposable Drop)>>> Engines = new()
    {
        ["mysql"] = async () =>
        {
            var db = await MariaDbServer.CreateDatabaseAsync();
            var uri = new Uri(MariaDbServer.Url!);
            Assert.True(DatabaseUrl.TryParse($"mysql://{uri.UserInfo}@{uri.Host}:{uri.Port}/{db.Name}", out var url, out var error), error);
            return (url!, db);
        },
        [PostgresDialect.Instance.Name] = async () =>
        {
            var db = await PostgresServer.CreateDatabaseAsync();
            Assert.True(DatabaseUrl.TryParse(db.Url, out var url, out var error), error);
            return (url!, db);
        },
        [SqliteDialect.Instance.Name] = () =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"sf-contract-{Guid.NewGuid():N}.db");
            Assert.True(DatabaseUrl.TryParse("sqlite:///" + path, out var url, out var error), error);
            return Task.FromResult<(DatabaseUrl, IAsyncDisposable)>((url!, new FileDrop(path)));
        },
    };

    private sealed class FileDrop(string path) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public void Every_registered_dialect_has_its_engine_in_these_tests()
    {
        Assert.Equal(SqlDialects.All.Select(d => d.Name).Order(), Engines.Keys.Order());
    }

    [PostgresFact]
    public Task PostgreSQL_applies_what_it_generates_and_inspects_it_back_as_parsed() => AppliesAndReadsBackAsync(PostgresDialect.Instance);

    [Fact]
    public Task SQLite_applies_what_it_generates_and_inspects_it_back_as_parsed() => AppliesAndReadsBackAsync(SqliteDialect.Instance);

    [MariaDbFact]
    public Task MySQL_applies_what_it_generates_and_inspects_it_back_as_parsed() => AppliesAndReadsBackAsync(SchemaFirst.Dialects.MySql.MySqlDialect.Instance);

    private static async Task AppliesAndReadsBackAsync(ISqlDialect dialect)
    {
        var parsed = dialect.ParseText(ShopIn(dialect), "shop.sql");
        Assert.DoesNotContain(parsed.Diagnostics, d => d.Severity != Severity.Info);
        var generated = dialect.Generate(parsed.Model, new SqlGenerationOptions());
        Assert.False(generated.HasErrors);
        var (url, drop) = await Engines[dialect.Name]();
        await using (drop)
        {
            await using (var conn = Drivers.Connect(url, writable: true))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = generated.Text;
                await cmd.ExecuteNonQueryAsync();
            }
            await using var read = Drivers.Connect(url);
            await read.OpenAsync();
            var inspected = await dialect.InspectAsync(read, new InspectOptions());
            Assert.DoesNotContain(inspected.Load.Diagnostics, d => d.Severity != Severity.Info);
            ModelAssert.Equal(parsed.Model, inspected.Load.Model);
            Assert.Equal(generated.Text, dialect.Generate(inspected.Load.Model, new SqlGenerationOptions()).Text);
        }
    }

    [Fact]
    public async Task A_schema_creator_refuses_a_database_that_already_holds_a_schema()
    {
        foreach (var dialect in SqlDialects.All.Where(d => d is ISchemaCreator))
        {
            var (url, drop) = await Engines[dialect.Name]();
            await using (drop)
            {
                var ddl = dialect.Generate(dialect.ParseText(Shop, "shop.sql").Model, new SqlGenerationOptions()).Text;
                await using var conn = Drivers.Connect(url, writable: true);
                var first = await ((ISchemaCreator)dialect).CreateSchemaAsync(conn, ddl);
                Assert.Equal((2, 0L), (first.TablesCreated, first.ExistingObjects));
                var second = await ((ISchemaCreator)dialect).CreateSchemaAsync(conn, ddl);
                Assert.True(second.Refused);
                Assert.Equal(0, second.TablesCreated);
            }
        }
    }

    // Names PostgreSQL must quote, in every place the generator writes a name: a cycle of foreign keys (added after
    // the tables), a sequence owned by a column, INHERITS, a user type used as a column type, grants, comments.
    private const string ReservedNames = """
        CREATE SCHEMA "Select";
        CREATE TYPE "Select"."order" AS ENUM ('new', 'paid');
        CREATE TABLE "Select"."user" (
            id integer NOT NULL,
            "group" integer,
            state "Select"."order",
            CONSTRAINT user_pkey PRIMARY KEY (id)
        );
        CREATE TABLE "Select"."Group" (
            id integer NOT NULL,
            "user" integer,
            CONSTRAINT "Group_pkey" PRIMARY KEY (id),
            CONSTRAINT "Group_user_fkey" FOREIGN KEY ("user") REFERENCES "Select"."user" (id)
        );
        ALTER TABLE "Select"."user" ADD CONSTRAINT user_group_fkey FOREIGN KEY ("group") REFERENCES "Select"."Group" (id);
        CREATE TABLE "Select"."table" (extra text) INHERITS ("Select"."user");
        CREATE SEQUENCE "Select"."check" AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1;
        ALTER SEQUENCE "Select"."check" OWNED BY "Select"."Group".id;
        COMMENT ON TABLE "Select"."user" IS 'people';
        COMMENT ON COLUMN "Select"."user"."group" IS 'their group';
        GRANT SELECT ON TABLE "Select"."user" TO PUBLIC;
        """;

    [PostgresFact]
    public async Task PostgreSQL_quotes_reserved_and_mixed_case_names_everywhere_it_writes_them()
    {
        var dialect = PostgresDialect.Instance;
        var parsed = dialect.ParseText(ReservedNames, "reserved.sql");
        Assert.DoesNotContain(parsed.Diagnostics, d => d.Severity != Severity.Info);
        var text = dialect.Generate(parsed.Model, new SqlGenerationOptions()).Text;
        Assert.Contains("REFERENCES \"Select\".\"Group\"(id)", text.Replace(" (", "(", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("ALTER SEQUENCE \"Select\".\"check\" OWNED BY \"Select\".\"Group\".id", text, StringComparison.Ordinal);
        Assert.Contains("INHERITS (\"Select\".\"user\")", text, StringComparison.Ordinal);
        var (url, drop) = await Engines[dialect.Name]();
        await using (drop)
        {
            await using (var conn = Drivers.Connect(url, writable: true))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = text;
                await cmd.ExecuteNonQueryAsync();
            }
            await using var read = Drivers.Connect(url);
            await read.OpenAsync();
            var inspected = await dialect.InspectAsync(read, new InspectOptions());
            ModelAssert.Equal(parsed.Model, inspected.Load.Model);
        }
    }
}
