using Dapper;
using Npgsql;

namespace StoreLocator.Api;

public sealed record StoreRow(string StoreId, string StoreNm, string? Addr, DateTimeOffset? LastVisit);

public sealed class StoreRepository(NpgsqlDataSource db)
{
    private const int MaxRows = 200;

    public async Task<IEnumerable<StoreRow>> FreshestAsync(int regionId, int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QueryAsync<StoreRow>("""
            WITH recent AS (
                SELECT store_id, max(visited_at) AS last_visit, count(*) FILTER (WHERE http_status >= 400) AS failures
                FROM store_visits
                WHERE visited_at > now() - interval '30 days'
                GROUP BY store_id
            )
            SELECT s.store_id, s.store_nm, s.addr, r.last_visit, r.failures,
                   rank() OVER (PARTITION BY s.region_id ORDER BY r.last_visit DESC NULLS LAST) AS freshness
            FROM stores s
            LEFT JOIN recent r USING (store_id)
            WHERE s.region_id = @regionId
            ORDER BY freshness
            LIMIT @limit
            """, new { regionId, limit });
    }

    public async Task<int> RenameRegionAsync(int id, string name)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteAsync(@"UPDATE regions SET region_nm = @name WHERE region_id = @id", new { id, name });
    }

    public async Task<int> AddRegionAsync(int id, string name, string country)
    {
        await using var conn = await db.OpenConnectionAsync();
        // Three values for two columns: country was never added to the list.
        return await conn.ExecuteAsync("INSERT INTO regions (region_id, region_nm) VALUES (@id, @name, @country)", new { id, name, country });
    }

    public async Task<int> UpsertByNameAsync(string id, string name, string addr, int regionId)
    {
        await using var conn = await db.OpenConnectionAsync();
        // Store names are not unique: no key matches this ON CONFLICT.
        return await conn.ExecuteAsync(
            "INSERT INTO stores (store_id, store_nm, addr, region_id) VALUES (@id, @name, @addr, @regionId) " +
            "ON CONFLICT (store_nm) DO UPDATE SET addr = EXCLUDED.addr",
            new { id, name, addr, regionId });
    }

    public async Task<int> UpsertAsync(string id, string name, string addr, int regionId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteAsync(
            "INSERT INTO stores AS s (store_id, store_nm, addr, region_id) VALUES (@id, @name, @addr, @regionId) " +
            "ON CONFLICT (store_id) DO UPDATE SET store_nm = EXCLUDED.store_nm, addr = EXCLUDED.addr, updated_at = now() " +
            "WHERE s.store_nm IS DISTINCT FROM EXCLUDED.store_nm",
            new { id, name, addr, regionId });
    }

    public async Task<StoreRow?> LatestVisitAsync(string id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<StoreRow>($"""
            SELECT s.store_id, s.store_nm, s.addr, v.visited_at AS last_visit
            FROM stores s
            CROSS JOIN LATERAL (
                SELECT sv.visited_at, sv.http_status FROM store_visits sv
                WHERE sv.store_id = s.store_id
                ORDER BY sv.visited_at DESC
                LIMIT 1
            ) v
            WHERE s.store_id = @id
            LIMIT {MaxRows}
            """, new { id });
    }
}
