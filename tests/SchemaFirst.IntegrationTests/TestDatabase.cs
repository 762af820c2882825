using Npgsql;
using SchemaFirst.Validation;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Represents a database made for one test, dropped when the test ends.
/// </summary>
internal sealed class TestDatabase(string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string Url => PostgresServer.UrlFor(Name);

    public async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(Name));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Applies a script with psql, stopping at the first error (how users apply SQL files).</summary>
    public void ApplyFile(string path) => PostgresServer.RunTool("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", Url, "-f", path);

    public string DumpSchema()
    {
        var dump = PostgresServer.RunTool("pg_dump", "--schema-only", "--no-owner", "--no-privileges", "-d", Url);
        // Drop the lines that differ between any two dumps (\restrict keys, comments naming the database).
        return string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith('\\') && !l.StartsWith("--", StringComparison.Ordinal)));
    }

    /// <summary>Object counts in the catalog, counted as <see cref="SchemaSummary"/> counts them; extension members left out.</summary>
    public async Task<Dictionary<string, long>> CatalogCountsAsync()
    {
        const string user = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'";
        const string notExt = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = {0} AND d.deptype = 'e')";
        var queries = new Dictionary<string, string>
        {
            ["tables"] = $"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') AND {user} AND {string.Format(notExt, "c.oid")}",
            ["views"] = $"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'v' AND {user} AND {string.Format(notExt, "c.oid")}",
            ["materialized views"] = $"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'm' AND {user}",
            ["sequences"] = $"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND {user} AND {string.Format(notExt, "c.oid")}",
            ["indexes"] = $"SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {user} AND {string.Format(notExt, "i.indrelid")}",
            ["foreign keys"] = $"SELECT count(*) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype = 'f' AND {user}",
            ["primary keys"] = $"SELECT count(*) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype = 'p' AND {user} AND {string.Format(notExt, "k.conrelid")}",
            ["check constraints"] = $"SELECT count(*) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype = 'c' AND {user} AND {string.Format(notExt, "k.conrelid")} AND {string.Format(notExt, "k.contypid")}",
            ["enum types"] = $"SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND {user} AND {string.Format(notExt, "t.oid")}",
            ["domains"] = $"SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd' AND {user} AND {string.Format(notExt, "t.oid")}",
            ["triggers"] = $"SELECT count(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT g.tgisinternal AND {user}",
            ["functions"] = $"SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind = 'f' AND {user} AND {string.Format(notExt, "p.oid")}",
            ["aggregates"] = $"SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind = 'a' AND {user} AND {string.Format(notExt, "p.oid")}",
            ["policies"] = "SELECT count(*) FROM pg_policy",
        };
        var result = new Dictionary<string, long>();
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(Name));
        await conn.OpenAsync();
        foreach (var (key, sql) in queries)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            result[key] = Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}
