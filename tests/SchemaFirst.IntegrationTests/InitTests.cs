using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>init --from a live PostgreSQL 15: one file per schema that reads back to the database, with no secret written.</summary>
public sealed class InitTests : TempDirectoryTest
{
    [PostgresFact]
    public async Task Init_from_postgres_writes_a_file_per_schema_that_reads_back_to_the_database()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(PostgresSqlGenerator.Generate(SqlSource.LoadPostgres([TestPaths.Examples]).Model));
        await db.ExecuteAsync("""
            CREATE SCHEMA billing;
            CREATE TYPE billing.invoice_state AS ENUM ('open', 'paid');
            CREATE TABLE billing.invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES shop.orders (id), state billing.invoice_state NOT NULL DEFAULT 'open');
            COMMENT ON TABLE billing.invoices IS 'One per order, issued when it is paid.';
            GRANT SELECT ON billing.invoices TO PUBLIC;
            """);
        var (code, stdout, err) = CliRunner.RunIn(Dir, "init", "--from", db.Url);
        Assert.True(code == 0, err);
        var files = Directory.GetFiles(Path.Combine(Dir, "schema")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["00_extensions.sql", "10_billing.sql", "20_shop.sql", "99_privileges_and_other.sql"], files);
        Assert.Contains("CREATE TABLE billing.invoices", File.ReadAllText(Path.Combine(Dir, "schema", "10_billing.sql")), StringComparison.Ordinal);
        Assert.DoesNotContain("shop.customers", File.ReadAllText(Path.Combine(Dir, "schema", "10_billing.sql")), StringComparison.Ordinal);
        var config = File.ReadAllText(Path.Combine(Dir, "schemafirst.yaml"));
        Assert.Contains("source: { url: \"${DATABASE_URL}\" }", config, StringComparison.Ordinal);
        Assert.DoesNotContain(db.Name, config, StringComparison.Ordinal); // the URL (and any password in it) is not written down
        Assert.Contains("schema/20_shop.sql", stdout, StringComparison.Ordinal);
        // The files read back to exactly the database: validate is clean, drift finds nothing.
        var validate = CliRunner.RunIn(Dir, "validate", "--quiet");
        Assert.True(validate.Code == 0, validate.Err);
        var drift = CliRunner.RunIn(Dir, "drift", "--db", db.Url);
        Assert.True(drift.Code == 0, drift.Out + drift.Err);
    }
}
