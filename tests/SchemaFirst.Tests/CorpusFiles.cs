namespace SchemaFirst.Tests;

/// <summary>
/// Represents the PostgreSQL files of the shared corpus, whether each applies to PostgreSQL 15 as it is, and the
/// object counts ../shared/corpus/MANIFEST.md gives for it.
/// </summary>
public sealed record CorpusFile(string Path, bool AppliesToPostgres15, IReadOnlyDictionary<string, long> Counts, string? Note = null)
{
    public override string ToString() => Path;
}

public static class CorpusFiles
{
    /// <summary>The SQLite files of the corpus and their counts from MANIFEST.md.</summary>
    public static IReadOnlyList<CorpusFile> Sqlite { get; } =
    [
        new("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sql", true, new Dictionary<string, long> { ["tables"] = 11, ["indexes"] = 11 }),
        new("chinook/ChinookDatabase/DataSources/Chinook_Sqlite_AutoIncrementPKs.sql", true, new Dictionary<string, long> { ["tables"] = 11, ["indexes"] = 11 }),
        new("sakila_jooq/sqlite-sakila-db/sqlite-sakila-schema.sql", true, new Dictionary<string, long>
        {
            ["tables"] = 16, ["indexes"] = 24, ["triggers"] = 30, ["views"] = 5,
        }),
    ];

    private const string Chinook = "chinook/ChinookDatabase/DataSources/";

    private static readonly Dictionary<string, long> ChinookCounts = new() { ["tables"] = 11, ["foreign keys"] = 11, ["indexes"] = 22 };

    public static IReadOnlyList<CorpusFile> Postgres { get; } =
    [
        new(Chinook + "Chinook_PostgreSql.sql", true, ChinookCounts),
        new(Chinook + "Chinook_PostgreSql_AutoIncrementPKs.sql", true, ChinookCounts),
        new(Chinook + "Chinook_PostgreSql_SerialPKs.sql", true, ChinookCounts),
        new("northwind_psql/northwind.sql", true, new Dictionary<string, long> { ["tables"] = 14, ["foreign keys"] = 13 }),
        new("sakila_jooq/postgres-sakila-db/postgres-sakila-schema.sql", true, new Dictionary<string, long>
        {
            ["tables"] = 21, ["views"] = 7, ["foreign keys"] = 40, ["triggers"] = 15, ["functions+aggregates"] = 10, ["sequences"] = 13,
        }),
        new("danbooru/db/structure.sql", true, new Dictionary<string, long>
        {
            ["tables"] = 66, ["indexes"] = 456, ["foreign keys"] = 93, ["sequences"] = 58, ["views"] = 2,
        }),
        new("gisia_gitlab_derived/db/structure.sql", true, new Dictionary<string, long>
        {
            ["tables"] = 87, ["indexes"] = 401, ["sequences"] = 71, ["foreign keys"] = 18,
        }),
        new("gisia_gitlab_derived/db/ci_structure.sql", true, new Dictionary<string, long>()),
        new("gisia_gitlab_derived/db/queue_structure.sql", true, new Dictionary<string, long>()),
        new("gisia_gitlab_derived/db/cache_structure.sql", true, new Dictionary<string, long>()),
        new("gisia_gitlab_derived/db/cable_structure.sql", true, new Dictionary<string, long>()),
        new("openstreetmap_website/db/structure.sql", false, new Dictionary<string, long>
        {
            // MANIFEST says 156 indexes; the file creates 100 indexes and 55 primary keys. The 156th is PostGIS's own
            // spatial_ref_sys_pkey, which belongs to the extension and is not part of this schema.
            ["tables"] = 57, ["indexes"] = 155, ["foreign keys"] = 71, ["enum types"] = 8,
        }, "needs PostGIS"),
        new("pagila/pagila-schema.sql", false, new Dictionary<string, long>
        {
            // MANIFEST says 36 foreign keys and 15 triggers; the file itself holds 37 FOREIGN KEY constraints and 16
            // CREATE TRIGGER statements (film_embedding has one of each). We count what the file declares.
            ["tables"] = 71, ["views"] = 7, ["materialized views"] = 1, ["foreign keys"] = 37, ["triggers"] = 16,
        }, "written for PostgreSQL 18 and pgvector"),
    ];
}
