using Npgsql;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// One source, any engine, the other way round: another engine's own files (SQLite, SQL Server, Oracle) written as
/// PostgreSQL DDL apply to a real PostgreSQL 15 with every table and foreign key they declare.
/// </summary>
public sealed class ForeignSourceTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sql", "sqlite" },
        { "sakila_jooq/sqlite-sakila-db/sqlite-sakila-schema.sql", "sqlite" },
        { "chinook/ChinookDatabase/DataSources/Chinook_SqlServer.sql", "sqlserver" },
        { "sakila_jooq/sql-server-sakila-db/sql-server-sakila-schema.sql", "sqlserver" },
        { "chinook/ChinookDatabase/DataSources/Chinook_Oracle.sql", "oracle" },
        { "chinook/ChinookDatabase/DataSources/Chinook_MySql.sql", "mysql" },
        { "sakila_jooq/mysql-sakila-db/mysql-sakila-schema.sql", "mysql" },
        { "sakila_jooq/oracle-sakila-db/oracle-sakila-schema.sql", "oracle" },
    };

    [PostgresTheory]
    [MemberData(nameof(Files))]
    public async Task Another_engines_schema_written_for_postgresql_applies_whole(string file, string dialect)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var source = SqlDialects.FindSource(dialect)!;
        var load = source.ParseText(File.ReadAllText(Path.Combine(TestPaths.Corpus, file)), file);
        Assert.DoesNotContain(load.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        var generated = PostgresDialect.Instance.Generate(load.Model, new SqlGenerationOptions());
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(generated.Text);
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(db.Name));
        await conn.OpenAsync();
        async Task<long> Count(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        Assert.Equal(load.Model.Tables.Count, await Count("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"));
        Assert.Equal(load.Model.Tables.Sum(t => t.ForeignKeys.Count), await Count("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));
        // What could not be carried (another engine's functions, views, triggers) is named, not dropped silently.
        Assert.Equal(load.Model.Views.Count + load.Model.Triggers.Count, generated.Notes.Count(n => n.Message.StartsWith("view ", StringComparison.Ordinal) || n.Message.StartsWith("trigger ", StringComparison.Ordinal)));
    }
}
